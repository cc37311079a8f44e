"""Queries on unified records. Every function takes the project first: there is no unscoped query."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, and_, bindparam, case, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql.asyncpg import dialect as _asyncpg_dialect
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.ids import record_id
from ledgerbridge.remote import RemoteRecord
from ledgerbridge.store.tables import records

# Columns a read needs; remote_data is large and fetched only when asked for.
_PAGE_COLUMNS = (
    records.c.seq,
    records.c.id,
    records.c.remote_id,
    records.c.data,
    records.c.remote_updated_at,
    records.c.created_at,
    records.c.modified_at,
    records.c.deleted,
    records.c.data_hash,  # with remote_updated_at and deleted, the record's ETag (service.versions)
)

# Filters that are columns filled from the unified data on every upsert (see _extracted).
FILTER_COLUMNS = ("status", "kind", "contact_id", "issued_at")


@dataclass(frozen=True)
class Scope:
    project_id: uuid.UUID
    connection_id: uuid.UUID


@dataclass(frozen=True)
class Upserted:
    id: uuid.UUID
    object_type: str
    change: str  # "created", "updated" or "unchanged"
    # The stored record, ready for rendering: a database Row, or on the sync path a store.bulk.StoredRow with the
    # same attributes (built from what was written rather than read back).
    row: Any


def data_hash(text: str) -> str:
    """The hash of a record's unified JSON: equal hashes mean an unchanged record (``modified_at`` stays)."""
    return hashlib.sha256(text.encode()).hexdigest()



# What a write hands back for each stored row: enough to render it and to turn it into an event.
RETURNED_COLUMNS = (*_PAGE_COLUMNS, records.c.object_type, records.c.remote_data)

_UPSERTS: dict[tuple[str, bool], Any] = {}
_ASYNCPG = _asyncpg_dialect()


def upsert_statement(dialect: str, *, returning: bool = True) -> Any:
    """The bulk upsert, built once per dialect: constructing ``excluded`` copies the table, which is not free.

    Without ``returning`` it is the sync's write (:mod:`ledgerbridge.store.bulk`), which reads nothing back.
    """
    statement = _UPSERTS.get((dialect, returning))
    if statement is not None:
        return statement
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(records)
    excluded = insert.excluded
    changed = (records.c.data_hash != excluded.data_hash) | (records.c.deleted != excluded.deleted)
    statement = insert.on_conflict_do_update(
        index_elements=[records.c.id],
        set_={
            "remote_id": excluded.remote_id,
            "data": excluded.data,
            "data_hash": excluded.data_hash,
            "remote_data": excluded.remote_data,
            "remote_updated_at": excluded.remote_updated_at,
            "modified_at": case((changed, excluded.modified_at), else_=records.c.modified_at),
            "last_seen_at": excluded.last_seen_at,
            "deleted": excluded.deleted,
            **{name: getattr(excluded, name) for name in FILTER_COLUMNS},
        },
        # A record id is derived from its connection, so a row of another project can never match; the check
        # keeps that true even if an id were forged.
        where=records.c.project_id == excluded.project_id,
    )
    if returning:
        statement = statement.returning(*RETURNED_COLUMNS, sort_by_parameter_order=True)
    _UPSERTS[(dialect, returning)] = statement
    return statement


async def upsert(
    connection: AsyncConnection, scope: Scope, items: Sequence[RemoteRecord], *, now: dt.datetime
) -> list[Upserted]:
    """Insert or update many records in two statements, whatever their number.

    ``modified_at`` moves only when the unified data changed; ``last_seen_at`` always does (it says when the
    provider last showed us the record).
    """
    if not items:
        return []
    rows = []
    for item in items:
        data = wire.dumps(item.data.model_dump(mode="python"))
        rows.append(
            {
                "id": str(record_id(scope.connection_id, item.object, item.remote_key)),
                "project_id": str(scope.project_id),
                "connection_id": str(scope.connection_id),
                "object_type": item.object,
                "remote_id": item.remote_id,
                "remote_key": item.remote_key,
                "data": data,
                "data_hash": data_hash(data),
                "remote_data": None if item.remote_data is None else wire.dumps(item.remote_data),
                "remote_updated_at": item.remote_updated_at,
                "created_at": now,
                "modified_at": now,
                "last_seen_at": now,
                "deleted": item.deleted,
                **_extracted(item.data),
            }
        )
    # Later duplicates of one record within a batch win, as they would if sent one by one.
    rows = list({row["id"]: row for row in rows}.values())
    result = await connection.execute(upsert_statement(connection.dialect.name), rows)
    outcome = []
    for stored in result.all():
        # The statement sets both times to `now` on insert and moves modified_at only on a real change.
        if stored.created_at == now:
            change = "created"
        elif stored.modified_at == now:
            change = "updated"
        else:
            change = "unchanged"
        outcome.append(Upserted(uuid.UUID(stored.id), stored.object_type, change, stored))
    return outcome


def _text(value: Any) -> str | None:
    if value is None:
        return None
    # Enums by their wire value; cut to the column's width (a provider's free-text account type can be long,
    # and these columns only serve equality filters on short codes).
    return str(getattr(value, "value", value))[:255]


def _extracted(data: Any) -> dict[str, Any]:
    """The filter columns of one unified record: any object with these fields gets them filterable."""
    issued = getattr(data, "issue_date", None)
    if isinstance(issued, dt.datetime) and issued.tzinfo is None:
        issued = issued.replace(tzinfo=dt.UTC)
    return {
        "status": _text(getattr(data, "status", None)),
        "kind": _text(getattr(data, "type", None)),
        "contact_id": _text(getattr(data, "contact_id", None)),
        "issued_at": issued if isinstance(issued, dt.datetime) else None,
    }


async def get(
    connection: AsyncConnection, scope: Scope, object_type: str, id_: uuid.UUID, *, with_remote_data: bool
) -> Row | None:
    def build() -> Any:
        columns = _PAGE_COLUMNS + ((records.c.remote_data,) if with_remote_data else ())
        return select(*columns).where(
            records.c.project_id == bindparam("project_id"),
            records.c.connection_id == bindparam("connection_id"),
            records.c.object_type == bindparam("object_type"),
            records.c.id == bindparam("id"),
        )

    result = await _run(connection, ("get", with_remote_data), build, {
        "project_id": str(scope.project_id), "connection_id": str(scope.connection_id), "object_type": object_type,
        "id": str(id_),
    })
    return result.first()


# The read path's statements, built once per shape (which filters, which direction) rather than per request:
# building a select and computing its cache key cost as much as the query. On PostgreSQL each is also compiled
# once to its SQL text and sent as such (positional parameters in the compiled order), with no compilation step
# per request at all; elsewhere SQLAlchemy's compiled cache serves the prebuilt statement.
_STATEMENTS: dict[tuple[Any, ...], tuple[Any, str, tuple[str, ...]]] = {}


async def _run(connection: AsyncConnection, shape: tuple[Any, ...], build: Any, params: dict[str, Any]) -> Any:
    found = _STATEMENTS.get(shape)
    if found is None:
        statement = build()
        compiled = statement.compile(dialect=_ASYNCPG)
        found = _STATEMENTS[shape] = (statement, str(compiled), tuple(compiled.positiontup or ()))
    statement, sql, order = found
    if connection.dialect.name == "postgresql":
        return await connection.exec_driver_sql(sql, tuple(_bound(params[name]) for name in order))
    return await connection.execute(statement, params)


def _bound(value: Any) -> Any:
    """A parameter as UTCDateTime would bind it (the driver-level path skips the column types' processing)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(dt.UTC)
    return value


async def page(
    connection: AsyncConnection,
    scope: Scope,
    object_type: str,
    *,
    after: int | None,
    before: int | None,
    limit: int,
    with_remote_data: bool,
    include_deleted: bool = False,
    remote_id: str | None = None,
    modified_after: dt.datetime | None = None,
    created_after: dt.datetime | None = None,
    equal: dict[str, str] | None = None,
    issued_after: dt.datetime | None = None,
    issued_before: dt.datetime | None = None,
) -> list[Row]:
    """Up to ``limit + 1`` rows in ``seq`` order after (or before) a position; the extra row says "there is more"."""
    for name in equal or {}:
        if name not in FILTER_COLUMNS:
            raise ValueError(f"{name} is not a filter column")
    params: dict[str, Any] = {
        "project_id": str(scope.project_id), "connection_id": str(scope.connection_id), "object_type": object_type,
        "remote_id": remote_id, "modified_after": modified_after, "created_after": created_after,
        "issued_after": issued_after, "issued_before": issued_before, "after": after, "before": before,
        "limit": limit + 1, **{f"equal_{name}": value for name, value in (equal or {}).items()},
    }
    # Which optional conditions apply is the statement's shape; their values are its parameters.
    optional = tuple(name for name in ("remote_id", "modified_after", "created_after", "issued_after",
                                       "issued_before", "after", "before") if params[name] is not None)
    equal_names = tuple(sorted(equal or {}))

    def build() -> Any:
        columns = _PAGE_COLUMNS + ((records.c.remote_data,) if with_remote_data else ())
        conditions = [
            records.c.project_id == bindparam("project_id"),
            records.c.connection_id == bindparam("connection_id"),
            records.c.object_type == bindparam("object_type"),
        ]
        if not include_deleted:
            conditions.append(records.c.deleted.is_(False))
        compare = {
            "remote_id": lambda p: records.c.remote_id == p,
            "modified_after": lambda p: records.c.modified_at > p,
            "created_after": lambda p: records.c.created_at > p,
            "issued_after": lambda p: records.c.issued_at >= p,
            "issued_before": lambda p: records.c.issued_at < p,
            "after": lambda p: records.c.seq > p,
            "before": lambda p: records.c.seq < p,
        }
        conditions += [compare[name](bindparam(name)) for name in optional]
        conditions += [records.c[name] == bindparam(f"equal_{name}") for name in equal_names]
        order = records.c.seq.desc() if "before" in optional else records.c.seq.asc()
        return select(*columns).where(and_(*conditions)).order_by(order).limit(bindparam("limit"))

    shape = ("page", with_remote_data, include_deleted, optional, equal_names)
    result = await _run(connection, shape, build, params)
    return list(result.all())


@dataclass(frozen=True)
class Resolved:
    id: uuid.UUID
    object_type: str
    remote_id: str
    remote_key: str
    data: str


async def resolve(connection: AsyncConnection, scope: Scope, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Resolved]:
    """Look up many referenced ids in one query (never one per reference)."""
    wanted = sorted({str(i) for i in ids})
    if not wanted:
        return {}
    result = await connection.execute(
        select(records.c.id, records.c.object_type, records.c.remote_id, records.c.remote_key, records.c.data).where(
            records.c.project_id == str(scope.project_id),
            records.c.connection_id == str(scope.connection_id),
            records.c.deleted.is_(False),
            records.c.id.in_(wanted),
        )
    )
    return {
        uuid.UUID(r.id): Resolved(uuid.UUID(r.id), r.object_type, r.remote_id, r.remote_key, r.data) for r in result
    }


async def count(connection: AsyncConnection, scope: Scope, object_type: str) -> int:
    result = await connection.execute(
        select(func.count()).where(
            records.c.project_id == str(scope.project_id),
            records.c.connection_id == str(scope.connection_id),
            records.c.object_type == object_type,
        )
    )
    return int(result.scalar_one())


async def get_for_write(
    connection: AsyncConnection, scope: Scope, object_type: str, id_: uuid.UUID
) -> Row | None:
    """A record with what a change needs besides what a read shows: its remote key and raw provider JSON."""
    result = await connection.execute(
        select(*_PAGE_COLUMNS, records.c.remote_key, records.c.remote_data).where(
            records.c.project_id == str(scope.project_id),
            records.c.connection_id == str(scope.connection_id),
            records.c.object_type == object_type,
            records.c.id == str(id_),
        )
    )
    return result.first()


async def get_many(
    connection: AsyncConnection, scope: Scope, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, Row]:
    """Many records of any object by id, in one query (for ``expand``); deleted ones included."""
    wanted = sorted({str(i) for i in ids})
    if not wanted:
        return {}
    result = await connection.execute(
        select(*_PAGE_COLUMNS, records.c.object_type).where(
            records.c.project_id == str(scope.project_id),
            records.c.connection_id == str(scope.connection_id),
            records.c.id.in_(wanted),
        )
    )
    return {uuid.UUID(r.id): r for r in result}


async def unseen(
    connection: AsyncConnection, scope: Scope, object_type: str, *, seen_since: dt.datetime, after: int, limit: int
) -> list[Row]:
    """Up to ``limit`` live records (``seq``, ``remote_key``) not seen since ``seen_since``, in ``seq`` order after
    ``after``: the reconcile's candidates for deletion, read in keyset batches."""
    result = await connection.execute(
        select(records.c.seq, records.c.remote_key)
        .where(
            records.c.project_id == str(scope.project_id),
            records.c.connection_id == str(scope.connection_id),
            records.c.object_type == object_type,
            records.c.deleted.is_(False),
            records.c.last_seen_at < seen_since,
            records.c.seq > after,
        )
        .order_by(records.c.seq)
        .limit(limit)
    )
    return list(result.all())


async def mark_deleted(
    connection: AsyncConnection, scope: Scope, object_type: str, remote_keys: Iterable[str], *, now: dt.datetime
) -> list[Upserted]:
    """Mark the live records of these remote keys deleted; what changed, as ``updated`` upserts (for events)."""
    marked = await connection.execute(
        update(records)
        .where(
            records.c.project_id == str(scope.project_id),
            records.c.connection_id == str(scope.connection_id),
            records.c.object_type == object_type,
            # By id (derived from the key): the unique index finds each one; remote_key has none.
            records.c.id.in_([str(record_id(scope.connection_id, object_type, key)) for key in remote_keys]),
            records.c.deleted.is_(False),
        )
        .values(deleted=True, modified_at=now)
        .returning(*RETURNED_COLUMNS)
    )
    return [Upserted(uuid.UUID(row.id), row.object_type, "updated", row) for row in marked]
