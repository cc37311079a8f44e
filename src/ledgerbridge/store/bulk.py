"""The sync's ingest path: a page of provider records stored with only what changed sent to the database.

A sync mostly re-reads what the store already holds (incremental overlaps, full reconciles, replays after a
crash), so :func:`ingest` first asks which of the page's records exist and with what content — one ``SELECT`` of
``(id, data_hash, deleted, remote_updated_at, …)`` for the page's ids — and then:

* writes the records that are new or whose unified data, deleted flag or provider version moved, in one
  statement (on PostgreSQL one array per column, unnested server-side: one round trip, one plan, arrays encoded
  by asyncpg in C; elsewhere an executemany);
* touches ``last_seen_at`` of the others in one ``UPDATE … WHERE id IN (…)`` (the reconcile needs it), without
  serialising their ``remote_data`` or rewriting their JSON.

The outcome of each written row is known from that ``SELECT`` (created, updated, or unchanged but re-versioned),
so nothing is read back: the rows handed to events and field mappings are built here from what was sent. The
``ON CONFLICT`` rules are the same as :func:`ledgerbridge.store.records.upsert`'s (``modified_at`` moves only on a
real change; a row of another project never matches), so a record written by the API between the ``SELECT`` and
the write is still stored correctly; at worst its event says "created" where "updated" was meant.

A record is skipped (touched only) when its provider version time is older than the stored one's — a page read
before a newer version arrived (a notified fetch racing a poll) must not put the older one back — and when its
data hash, deleted flag and ``remote_updated_at`` all match the stored ones: the provider's version time covers
``remote_data`` (QBO's SyncToken moves with LastUpdatedTime), and a record without one is always written, as
``records.upsert`` would.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.ids import record_id
from ledgerbridge.remote import RemoteRecord
from ledgerbridge.store import records
from ledgerbridge.store.records import Scope, Upserted
from ledgerbridge.store.tables import records as records_table

# The page's arrays, one per column; the scope and the write time are the same for every row and go as scalars.
_COLUMNS = (
    ("id", "varchar"), ("object_type", "varchar"), ("remote_id", "varchar"), ("remote_key", "varchar"),
    ("data", "text"), ("data_hash", "varchar"), ("remote_data", "text"), ("remote_updated_at", "timestamptz"),
    ("deleted", "boolean"), ("status", "varchar"), ("kind", "varchar"), ("contact_id", "varchar"),
    ("issued_at", "timestamptz"),
)
_NAMES = tuple(name for name, _ in _COLUMNS)
_SCALARS = {"project_id": "$1::varchar", "connection_id": "$2::varchar", "created_at": "$3::timestamptz",
            "modified_at": "$3::timestamptz", "last_seen_at": "$3::timestamptz"}
_ALL = (*_NAMES[:1], "project_id", "connection_id", *_NAMES[1:], "created_at", "modified_at", "last_seen_at")
_UPDATED = [c for c in _ALL if c not in ("id", "project_id", "connection_id", "object_type", "created_at")]

_SQL = (
    f"INSERT INTO records ({', '.join(_ALL)}) "
    f"SELECT {', '.join(_SCALARS.get(c, f'u.{c}') for c in _ALL)} "
    f"FROM unnest({', '.join(f'${i}::{t}[]' for i, (_, t) in enumerate(_COLUMNS, 4))}) AS u({', '.join(_NAMES)}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(
        f"{c} = CASE WHEN records.data_hash <> excluded.data_hash OR records.deleted <> excluded.deleted "
        f"THEN excluded.modified_at ELSE records.modified_at END" if c == "modified_at" else f"{c} = excluded.{c}"
        for c in _UPDATED
    )
    + " WHERE records.project_id = excluded.project_id"
)


@dataclass(frozen=True)
class StoredRow:
    """A written record as a read would return it (the attributes events, webhooks and field mappings use)."""

    id: str
    object_type: str
    remote_id: str
    data: str
    data_hash: str
    remote_data: str | None
    remote_updated_at: dt.datetime | None
    created_at: dt.datetime
    modified_at: dt.datetime
    deleted: bool
    seq: int | None = None  # not known without reading it back; nothing on the sync path needs it


@dataclass
class Ingested:
    """What a page did to the store: the created/updated records (for events), and how many were only seen."""

    changed: list[Upserted] = field(default_factory=list)
    rewritten: int = 0  # unchanged data, but a new provider version (remote_data, remote_updated_at) stored
    unchanged: int = 0
    stale: int = 0  # older than the stored version: kept as stored

    @property
    def written(self) -> int:
        return len(self.changed) + self.rewritten


@dataclass
class _Prepared:
    item: RemoteRecord
    uuid: uuid.UUID
    id: str
    data: str
    data_hash: str
    extracted: tuple[Any, ...]  # status, kind, contact_id, issued_at


def _prepare(scope: Scope, items: Sequence[RemoteRecord]) -> dict[str, _Prepared]:
    """Ids, unified JSON (serialised once: stored, hashed, and evented), hashes and filter columns of a page, by
    record id (a later duplicate of a record replaces the earlier one)."""
    prepared: dict[str, _Prepared] = {}
    for item in items:
        id_ = record_id(scope.connection_id, item.object, item.remote_key)
        key = str(id_)
        data = wire.dumps(item.data.model_dump(mode="python"))
        extracted = records._extracted(item.data)
        prepared[key] = _Prepared(
            item, id_, key, data, records.data_hash(data),
            (extracted["status"], extracted["kind"], extracted["contact_id"], extracted["issued_at"]),
        )
    return prepared


async def ingest(
    connection: AsyncConnection, scope: Scope, items: Sequence[RemoteRecord], *, now: dt.datetime
) -> Ingested:
    """Store a page of provider records; see the module docstring. Call it inside the page's transaction."""
    outcome = Ingested()
    if not items:
        return outcome
    page = _prepare(scope, items)
    if connection.dialect.name == "postgresql":
        await connection.exec_driver_sql(_CUSTOM_PLANS)
    existing = await _existing(connection, scope, list(page))
    rows: list[tuple[Any, ...]] = []
    touched: list[str] = []
    for key, new in page.items():
        item = new.item
        old = existing.get(key)
        if old is not None and _older(item.remote_updated_at, old.remote_updated_at):
            # A read that started before a newer version was stored (a poll's page racing a notified fetch, a
            # replayed page): the store keeps the newer version; the record was seen all the same.
            touched.append(key)
            outcome.stale += 1
            continue
        if old is not None and old.data_hash == new.data_hash and old.deleted == item.deleted:
            if item.remote_updated_at is not None and old.remote_updated_at == item.remote_updated_at:
                touched.append(key)
                outcome.unchanged += 1
                continue
            change = "unchanged"
        else:
            change = "created" if old is None else "updated"
        remote_data = None if item.remote_data is None else wire.dumps(item.remote_data)
        rows.append((
            key, item.object, item.remote_id, item.remote_key, new.data, new.data_hash, remote_data,
            item.remote_updated_at, item.deleted, *new.extracted,
        ))
        if change == "unchanged":
            outcome.rewritten += 1
            continue
        stored = StoredRow(
            id=key, object_type=item.object, remote_id=item.remote_id, data=new.data, data_hash=new.data_hash,
            remote_data=remote_data, remote_updated_at=item.remote_updated_at,
            created_at=now if old is None else old.created_at, modified_at=now, deleted=item.deleted,
        )
        outcome.changed.append(Upserted(new.uuid, item.object, change, stored))
    if rows:
        await _write(connection, scope, rows, now)
    if touched:
        await _touch(connection, scope, touched, now)
    return outcome


def _older(incoming: dt.datetime | None, stored: dt.datetime | None) -> bool:
    """Whether the provider's version time of an incoming record is before the stored one's (both known)."""
    if incoming is None or stored is None:
        return False
    if stored.tzinfo is None:  # a backend that hands back naive UTC
        stored = stored.replace(tzinfo=dt.UTC)
    if incoming.tzinfo is None:
        incoming = incoming.replace(tzinfo=dt.UTC)
    return incoming < stored


# On PostgreSQL the page's ids come as one array and are looked up in the unique index on ``id`` alone, in a
# materialised CTE; the scope is checked on what it found. Given ``id IN (…) AND connection_id = …`` (or a join
# with the array) the planner may instead, on statistics that lag while a first sync fills the table, scan every
# row of the connection for each page.
_EXISTING_SQL = (
    "WITH found AS MATERIALIZED (SELECT id, project_id, connection_id, data_hash, deleted, remote_updated_at, "
    "created_at FROM records WHERE id = ANY($1::varchar[])) "
    "SELECT id, data_hash, deleted, remote_updated_at, created_at FROM found "
    "WHERE project_id = $2 AND connection_id = $3"
)
# Those statements are prepared once per pooled connection (asyncpg's statement cache). After five executions
# PostgreSQL may switch a prepared statement to a generic plan, costed once and kept: run first on an empty table
# (a fresh install's first sync, a sync after TRUNCATE) that plan is a full scan of ``records`` per page, and
# stays one while the table grows (ingest fell to ~1k records/s). Planned for each page's own arrays instead —
# microseconds against a page's milliseconds — and for this transaction only, so other statements keep theirs.
_CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan"
_TOUCH_SQL = (
    "WITH found AS MATERIALIZED (SELECT seq, project_id, connection_id FROM records WHERE id = ANY($1::varchar[])) "
    "UPDATE records SET last_seen_at = $4 "
    "WHERE seq IN (SELECT seq FROM found WHERE project_id = $2 AND connection_id = $3)"
)


async def _existing(connection: AsyncConnection, scope: Scope, ids: list[str]) -> dict[str, Any]:
    if connection.dialect.name == "postgresql":
        result = await connection.exec_driver_sql(
            _EXISTING_SQL, (ids, str(scope.project_id), str(scope.connection_id))
        )
        return {row.id: row for row in result}
    result = await connection.execute(
        select(
            records_table.c.id, records_table.c.data_hash, records_table.c.deleted,
            records_table.c.remote_updated_at, records_table.c.created_at,
        ).where(
            records_table.c.project_id == str(scope.project_id),
            records_table.c.connection_id == str(scope.connection_id),
            records_table.c.id.in_(ids),
        )
    )
    return {row.id: row for row in result}


async def _touch(connection: AsyncConnection, scope: Scope, ids: list[str], now: dt.datetime) -> None:
    """``last_seen_at = now`` for records seen unchanged: the reconcile counts them as still at the provider."""
    if connection.dialect.name == "postgresql":
        await connection.exec_driver_sql(_TOUCH_SQL, (ids, str(scope.project_id), str(scope.connection_id), now))
        return
    await connection.execute(
        update(records_table)
        .where(
            records_table.c.project_id == str(scope.project_id),
            records_table.c.connection_id == str(scope.connection_id),
            records_table.c.id.in_(ids),
        )
        .values(last_seen_at=now)
    )


async def _write(connection: AsyncConnection, scope: Scope, rows: list[tuple[Any, ...]], now: dt.datetime) -> None:
    if connection.dialect.name == "postgresql":
        columns = [list(column) for column in zip(*rows, strict=True)]
        # Through SQLAlchemy's connection (not the raw driver one), so it runs inside the caller's transaction.
        await connection.exec_driver_sql(_SQL, (str(scope.project_id), str(scope.connection_id), now, *columns))
        return
    shared = {"project_id": str(scope.project_id), "connection_id": str(scope.connection_id), "created_at": now,
              "modified_at": now, "last_seen_at": now}
    await connection.execute(records.upsert_statement(connection.dialect.name, returning=False),
                             [dict(zip(_NAMES, row, strict=True), **shared) for row in rows])


async def upsert(connection: AsyncConnection, scope: Scope, items: Sequence[RemoteRecord], *, now: dt.datetime) -> int:
    """Store ``items`` like :func:`ingest`; returns how many records were in the page (after de-duplication)."""
    outcome = await ingest(connection, scope, items, now=now)
    return outcome.written + outcome.unchanged
