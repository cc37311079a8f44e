"""Where each (connection, object) sync stands: the running pass's checkpoint and the incremental position.

A *pass* reads one object from a position (``since``; None for everything). Its row is written when it starts,
checkpointed in the same transaction as every page it stores, and closed when it finishes. A row still open at
the next start means the pass was cut short (crash, SIGKILL, deploy): the pass is replayed from its own
``since`` — never from a later one, because pages arrive in id order, not change order — and a cut-short full
pass stays full, so the deletions it was meant to find are still found.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.records import Scope
from ledgerbridge.store.tables import connections, sync_passes, sync_states


@dataclass(frozen=True)
class Position:
    """What the store knows before a pass: the incremental position and the last full reconcile."""

    since: dt.datetime | None
    interrupted_full: bool  # a full pass was cut short: the replay must be full too
    interrupted: bool
    last_full_at: dt.datetime | None


def _insert(db: AsyncConnection, table: Any) -> Any:
    return (postgresql.insert if db.dialect.name == "postgresql" else sqlite.insert)(table)


async def position(db: AsyncConnection, scope: Scope, object_name: str) -> Position:
    row = (
        await db.execute(
            select(sync_states.c.since, sync_passes.c.full, sync_passes.c.started_at, sync_passes.c.last_full_at)
            .select_from(
                sync_passes.outerjoin(
                    sync_states,
                    (sync_states.c.connection_id == sync_passes.c.connection_id)
                    & (sync_states.c.object_type == sync_passes.c.object_type),
                )
            )
            .where(
                sync_passes.c.project_id == str(scope.project_id),
                sync_passes.c.connection_id == str(scope.connection_id),
                sync_passes.c.object_type == object_name,
            )
        )
    ).first()
    if row is None:  # never synced by this engine: the old cursor (if any) is not trusted for deletions
        return Position(since=None, interrupted_full=False, interrupted=False, last_full_at=None)
    interrupted = row.started_at is not None
    return Position(
        since=row.since, interrupted_full=interrupted and bool(row.full), interrupted=interrupted,
        last_full_at=row.last_full_at,
    )


async def begin(
    db: AsyncConnection, scope: Scope, object_name: str, *, full: bool, since: dt.datetime | None, at: dt.datetime
) -> None:
    values = {
        "connection_id": str(scope.connection_id),
        "object_type": object_name,
        "project_id": str(scope.project_id),
        "full": full,
        "since": since,
        "started_at": at,
        "pages": 0,
        "records": 0,
        "newest": None,
    }
    statement = _insert(db, sync_passes).values(**values)
    await db.execute(
        statement.on_conflict_do_update(
            index_elements=[sync_passes.c.connection_id, sync_passes.c.object_type],
            set_={k: v for k, v in values.items() if k not in ("connection_id", "object_type", "project_id")},
        )
    )


async def checkpoint(
    db: AsyncConnection, scope: Scope, object_name: str, *, pages: int, records: int, newest: dt.datetime | None
) -> None:
    """Called inside the transaction that stores a page: the page and its checkpoint commit together."""
    await db.execute(
        sync_passes.update()
        .where(
            sync_passes.c.project_id == str(scope.project_id),
            sync_passes.c.connection_id == str(scope.connection_id),
            sync_passes.c.object_type == object_name,
        )
        .values(pages=pages, records=records, newest=newest)
    )


async def finish(
    db: AsyncConnection,
    scope: Scope,
    object_name: str,
    *,
    full: bool,
    since: dt.datetime | None,
    count: int,
    at: dt.datetime,
) -> None:
    """Close the pass and move the incremental position, in one transaction."""
    values: dict[str, Any] = {"started_at": None}
    if full:
        values["last_full_at"] = at
    await db.execute(
        sync_passes.update()
        .where(
            sync_passes.c.project_id == str(scope.project_id),
            sync_passes.c.connection_id == str(scope.connection_id),
            sync_passes.c.object_type == object_name,
        )
        .values(**values)
    )
    await save_state(db, scope, object_name, since=since, status="succeeded", count=count, error=None, at=at)


async def save_state(
    db: AsyncConnection,
    scope: Scope,
    object_name: str,
    *,
    since: dt.datetime | None,
    status: str,
    count: int,
    error: str | None,
    at: dt.datetime,
) -> None:
    values = {
        "connection_id": str(scope.connection_id),
        "object_type": object_name,
        "project_id": str(scope.project_id),
        "since": since,
        "status": status,
        "records": count,
        "error": error,
        "finished_at": at,
    }
    await db.execute(
        _insert(db, sync_states)
        .values(**values)
        .on_conflict_do_update(
            index_elements=[sync_states.c.connection_id, sync_states.c.object_type],
            set_={k: v for k, v in values.items() if k not in ("connection_id", "object_type", "project_id")},
        )
    )


async def status(
    db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID | None = None
) -> list[Row]:
    """Every connection of the project (or just ``connection_id``) joined with its objects' last outcome and any
    running pass, in one query: one row per (connection, object), or one row with ``object_type`` None for a
    connection never synced."""
    query = (
        select(
            connections.c.id, connections.c.provider, connections.c.last_sync_at,
            sync_states.c.object_type, sync_states.c.status, sync_states.c.records, sync_states.c.error,
            sync_states.c.finished_at, sync_passes.c.started_at, sync_passes.c.pages, sync_passes.c.full,
            sync_passes.c.records.label("pass_records"), sync_passes.c.last_full_at,
        )
        .select_from(
            connections.outerjoin(sync_states, sync_states.c.connection_id == connections.c.id).outerjoin(
                sync_passes,
                (sync_passes.c.connection_id == sync_states.c.connection_id)
                & (sync_passes.c.object_type == sync_states.c.object_type),
            )
        )
        .where(connections.c.project_id == str(project_id))
        .order_by(connections.c.created_at, sync_states.c.object_type)
    )
    if connection_id is not None:
        query = query.where(connections.c.id == str(connection_id))
    return list((await db.execute(query)).all())
