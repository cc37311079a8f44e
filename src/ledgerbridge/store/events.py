"""The event log: what happened in a project, written in the same transaction as the change it records."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.store.tables import events


async def record(
    connection: AsyncConnection,
    *,
    project_id: uuid.UUID,
    connection_id: uuid.UUID | None,
    type: str,
    status: str = "success",
    method: str | None = None,
    url: str | None = None,
    detail: dict[str, Any] | None = None,
) -> uuid.UUID:
    """Append one event. ``detail`` must never hold a secret: callers pass ids and outcomes only."""
    event_id = uuid.uuid4()
    await connection.execute(
        insert(events).values(
            id=str(event_id),
            project_id=str(project_id),
            connection_id=None if connection_id is None else str(connection_id),
            type=type,
            status=status,
            method=method,
            url=url,
            detail=None if detail is None else wire.dumps(detail),
            created_at=dt.datetime.now(dt.UTC),
        )
    )
    return event_id
