"""A project's latest events, newest first, for the dashboard (the API pages with :func:`events.page`)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import events


@dataclass(frozen=True)
class Event:
    id: uuid.UUID
    type: str
    status: str
    connection_id: str | None
    detail: dict[str, Any] | None
    created_at: dt.datetime


async def recent_events(db: AsyncConnection, *, project_id: uuid.UUID, limit: int = 50) -> list[Event]:
    rows = await db.execute(select(events).where(events.c.project_id == str(project_id))
                            .order_by(events.c.seq.desc()).limit(limit))
    return [Event(uuid.UUID(r.id), r.type, r.status, r.connection_id,
                  None if r.detail is None else json.loads(r.detail), r.created_at) for r in rows]
