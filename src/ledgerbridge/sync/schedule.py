"""Pull frequencies (Panora's ``/sync/pull_frequencies``, per project and vertical) and which syncs are due.

A project without a row pulls its accounting connections every ``DEFAULT["accounting"]`` seconds; 0 turns
scheduled pulls off for a vertical (resyncs still work).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store import pull_frequencies

VERTICALS = ("crm", "accounting", "filestorage", "ecommerce", "ticketing")
# Panora's examples for the other verticals; accounting pulls hourly (Panora's fixed 8 h is one of its bugs).
DEFAULT: dict[str, int] = {"crm": 1800, "accounting": 3600, "filestorage": 28800, "ecommerce": 43200,
                           "ticketing": 86400}


async def get(db: AsyncConnection, *, project_id: uuid.UUID) -> dict[str, int]:
    stored = await pull_frequencies.get(db, project_id=project_id, verticals=VERTICALS)
    return dict(DEFAULT) if stored is None else stored


async def put(db: AsyncConnection, *, project_id: uuid.UUID, values: dict[str, int]) -> dict[str, int]:
    merged = await get(db, project_id=project_id) | values
    await pull_frequencies.put(db, project_id=project_id, values=merged)
    return merged


async def due_connections(db: AsyncConnection, *, now: dt.datetime) -> list[tuple[str, str]]:
    """(project id, connection id) of every valid connection whose accounting pull is due, oldest first.

    One query for all projects (no per-connection lookups); the interval test runs in Python because date
    arithmetic differs between SQLite and PostgreSQL, but only over the candidates' two columns.
    """
    rows = await pull_frequencies.sync_candidates(db, now=now, default_every=DEFAULT["accounting"])
    return [
        (row.project_id, row.id)
        for row in rows
        if row.last_sync_at is None or (now - row.last_sync_at).total_seconds() >= row.every
    ]
