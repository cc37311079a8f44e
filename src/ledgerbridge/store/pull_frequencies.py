"""Pull frequencies in the store: per project and Panora vertical, seconds between scheduled syncs.

What they mean (defaults, which syncs are due) is :mod:`ledgerbridge.sync.schedule`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, func, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import connections, pull_frequencies


async def get(db: AsyncConnection, *, project_id: uuid.UUID, verticals: Sequence[str]) -> dict[str, int] | None:
    """The project's frequencies of ``verticals``; None when it never set any."""
    row = (
        await db.execute(select(*(pull_frequencies.c[v] for v in verticals)).where(
            pull_frequencies.c.project_id == str(project_id)))
    ).first()
    return None if row is None else {v: int(row._mapping[v]) for v in verticals}


async def put(db: AsyncConnection, *, project_id: uuid.UUID, values: dict[str, int]) -> None:
    """Store every vertical's frequency (``values`` has them all: the columns are not nullable)."""
    row: dict[str, Any] = {"project_id": str(project_id), **values, "modified_at": dt.datetime.now(dt.UTC)}
    insert = (postgresql.insert if db.dialect.name == "postgresql" else sqlite.insert)(pull_frequencies)
    await db.execute(
        insert.values(**row).on_conflict_do_update(
            index_elements=[pull_frequencies.c.project_id], set_={k: v for k, v in row.items() if k != "project_id"}
        )
    )


async def sync_candidates(db: AsyncConnection, *, now: dt.datetime, default_every: int) -> list[Row]:
    """Every project's valid connections whose accounting pulls are on and that last synced before ``now``
    (``project_id``, ``id``, ``last_sync_at``, ``every``), oldest first: the scheduler's one query for all
    projects. ``default_every`` stands for a project without frequencies."""
    frequency = func.coalesce(pull_frequencies.c.accounting, literal(default_every))
    result = await db.execute(
        select(connections.c.project_id, connections.c.id, connections.c.last_sync_at, frequency.label("every"))
        .select_from(connections.outerjoin(pull_frequencies,
                                           pull_frequencies.c.project_id == connections.c.project_id))
        .where(connections.c.status == "valid", frequency > 0,
               or_(connections.c.last_sync_at.is_(None), connections.c.last_sync_at < now))
        .order_by(connections.c.last_sync_at.asc().nulls_first())
    )
    return list(result.all())
