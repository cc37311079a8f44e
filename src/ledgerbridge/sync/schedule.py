"""Pull frequencies (Panora's ``/sync/pull_frequencies``, per project and vertical) and which syncs are due.

A project without a row pulls its accounting connections every ``DEFAULT["accounting"]`` seconds; 0 turns
scheduled pulls off for a vertical (resyncs still work).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import connections, pull_frequencies

VERTICALS = ("crm", "accounting", "filestorage", "ecommerce", "ticketing")
# Panora's examples for the other verticals; accounting pulls hourly (Panora's fixed 8 h is one of its bugs).
DEFAULT: dict[str, int] = {"crm": 1800, "accounting": 3600, "filestorage": 28800, "ecommerce": 43200,
                           "ticketing": 86400}


async def get(db: AsyncConnection, *, project_id: uuid.UUID) -> dict[str, int]:
    row = (
        await db.execute(select(*(pull_frequencies.c[v] for v in VERTICALS)).where(
            pull_frequencies.c.project_id == str(project_id)))
    ).first()
    return dict(DEFAULT) if row is None else {v: int(row._mapping[v]) for v in VERTICALS}


async def put(db: AsyncConnection, *, project_id: uuid.UUID, values: dict[str, int]) -> dict[str, int]:
    merged = await get(db, project_id=project_id) | values
    row: dict[str, Any] = {"project_id": str(project_id), **merged, "modified_at": dt.datetime.now(dt.UTC)}
    insert = (postgresql.insert if db.dialect.name == "postgresql" else sqlite.insert)(pull_frequencies)
    await db.execute(
        insert.values(**row).on_conflict_do_update(
            index_elements=[pull_frequencies.c.project_id], set_={k: v for k, v in row.items() if k != "project_id"}
        )
    )
    return merged


async def due_connections(db: AsyncConnection, *, now: dt.datetime) -> list[tuple[str, str]]:
    """(project id, connection id) of every valid connection whose accounting pull is due, oldest first.

    One query for all projects (no per-connection lookups); the interval test runs in Python because date
    arithmetic differs between SQLite and PostgreSQL, but only over the candidates' two columns.
    """
    frequency = func.coalesce(pull_frequencies.c.accounting, literal(DEFAULT["accounting"]))
    rows = (
        await db.execute(
            select(connections.c.project_id, connections.c.id, connections.c.last_sync_at, frequency.label("every"))
            .select_from(connections.outerjoin(pull_frequencies,
                                               pull_frequencies.c.project_id == connections.c.project_id))
            .where(connections.c.status == "valid", frequency > 0,
                   or_(connections.c.last_sync_at.is_(None), connections.c.last_sync_at < now))
            .order_by(connections.c.last_sync_at.asc().nulls_first())
        )
    ).all()
    return [
        (row.project_id, row.id)
        for row in rows
        if row.last_sync_at is None or (now - row.last_sync_at).total_seconds() >= row.every
    ]
