"""What the store knows of a connection's provider notifications: kept as idempotency keys (``notification:…``,
see :mod:`ledgerbridge.sync.notified`) — received when claimed, applied once their fetch stored its changes."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import idempotency_keys

PREFIX = "notification:"


@dataclass(frozen=True)
class Receipts:
    last_notified_at: dt.datetime | None  # received (and since applied), the newest
    oldest_pending_at: dt.datetime | None
    pending: int
    applied: int  # in the last day (keys are kept that long)


async def of_connections(db: AsyncConnection, *, project_id: uuid.UUID) -> dict[str, Receipts]:
    """Per connection id of the project (only those that had notifications)."""
    table = idempotency_keys
    applied = table.c.status_code.is_not(None)
    rows = await db.execute(
        select(
            table.c.connection_id,
            func.max(table.c.created_at).filter(applied),
            func.min(table.c.created_at).filter(~applied),
            func.count().filter(~applied),
            func.count().filter(applied),
        )
        .where(table.c.project_id == str(project_id), table.c.key.startswith(PREFIX))
        .group_by(table.c.connection_id)
    )
    return {row[0]: Receipts(row[1], row[2], int(row[3]), int(row[4])) for row in rows}
