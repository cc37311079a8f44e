"""When each object of a connection is next polled, in the store. What the intervals are is
:mod:`ledgerbridge.sync.schedule`'s business; this module only keeps them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.records import Scope
from ledgerbridge.store.tables import poll_schedule


@dataclass(frozen=True)
class Planned:
    interval: int  # seconds
    due_at: dt.datetime
    changed_at: dt.datetime | None


async def of_connection(db: AsyncConnection, scope: Scope) -> dict[str, Planned]:
    """Per object of the connection that has been polled: its plan."""
    rows = await db.execute(
        select(poll_schedule.c.object_type, poll_schedule.c.interval, poll_schedule.c.due_at,
               poll_schedule.c.changed_at)
        .where(poll_schedule.c.project_id == str(scope.project_id),
               poll_schedule.c.connection_id == str(scope.connection_id))
    )
    return {row.object_type: Planned(int(row.interval), row.due_at, row.changed_at) for row in rows}


async def of_project(db: AsyncConnection, *, project_id: str) -> dict[tuple[str, str], Planned]:
    """Per (connection id, object) of the project: its plan."""
    rows = await db.execute(
        select(poll_schedule.c.connection_id, poll_schedule.c.object_type, poll_schedule.c.interval,
               poll_schedule.c.due_at, poll_schedule.c.changed_at)
        .where(poll_schedule.c.project_id == project_id)
    )
    return {(row.connection_id, row.object_type): Planned(int(row.interval), row.due_at, row.changed_at)
            for row in rows}


async def save(db: AsyncConnection, scope: Scope, object_type: str, plan: Planned) -> None:
    row = {"connection_id": str(scope.connection_id), "object_type": object_type,
           "project_id": str(scope.project_id), "interval": plan.interval, "due_at": plan.due_at,
           "changed_at": plan.changed_at}
    insert = (postgresql.insert if db.dialect.name == "postgresql" else sqlite.insert)(poll_schedule)
    await db.execute(insert.values(**row).on_conflict_do_update(
        index_elements=[poll_schedule.c.connection_id, poll_schedule.c.object_type],
        set_={k: v for k, v in row.items() if k not in ("connection_id", "object_type", "project_id")},
    ))


async def due_connections(db: AsyncConnection, *, by: dt.datetime) -> set[str]:
    """Ids of the connections (every project's) with an object due by ``by``: the scheduler's one query."""
    rows = await db.execute(select(poll_schedule.c.connection_id).where(poll_schedule.c.due_at <= by).distinct())
    return {row.connection_id for row in rows}
