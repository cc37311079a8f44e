"""The sync's ingest path: many records upserted with nothing read back.

:func:`ledgerbridge.store.records.upsert` serves writes, which render the stored row, so it returns every row
(``RETURNING`` the page columns and ``remote_data``) and goes through SQLAlchemy's insertmanyvalues batching, which
binds ~20 parameters per row through the column types. A sync page needs none of that back. On PostgreSQL this
sends one statement per page whose parameters are one array per column, unnested server-side: one round trip,
one plan, and asyncpg encodes the arrays in C. The ``ON CONFLICT`` rules are the same as ``records.upsert``'s
(``modified_at`` moves only on a real change; a row of another project never matches). Other backends fall back
to ``records.upsert``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.ids import record_id
from ledgerbridge.store import records
from ledgerbridge.store.records import Scope

_COLUMNS = (
    ("id", "varchar"), ("project_id", "varchar"), ("connection_id", "varchar"), ("object_type", "varchar"),
    ("remote_id", "varchar"), ("remote_key", "varchar"), ("data", "text"), ("data_hash", "varchar"),
    ("remote_data", "text"), ("remote_updated_at", "timestamptz"), ("created_at", "timestamptz"),
    ("modified_at", "timestamptz"), ("last_seen_at", "timestamptz"), ("deleted", "boolean"),
    ("status", "varchar"), ("kind", "varchar"), ("contact_id", "varchar"), ("issued_at", "timestamptz"),
)
_UPDATED = [c for c, _ in _COLUMNS if c not in ("id", "project_id", "connection_id", "object_type", "created_at")]

_SQL = (
    f"INSERT INTO records ({', '.join(c for c, _ in _COLUMNS)}) "
    f"SELECT * FROM unnest({', '.join(f'${i}::{t}[]' for i, (_, t) in enumerate(_COLUMNS, 1))}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(
        f"{c} = CASE WHEN records.data_hash <> excluded.data_hash OR records.deleted <> excluded.deleted "
        f"THEN excluded.modified_at ELSE records.modified_at END" if c == "modified_at" else f"{c} = excluded.{c}"
        for c in _UPDATED
    )
    + " WHERE records.project_id = excluded.project_id"
)


async def upsert(connection: AsyncConnection, scope: Scope, items: Sequence[RemoteRecord], *, now: dt.datetime) -> int:
    """Store ``items`` like ``records.upsert`` does, in one statement; returns how many rows were sent."""
    if not items:
        return 0
    if connection.dialect.name != "postgresql":
        return len(await records.upsert(connection, scope, items, now=now))
    project, conn = str(scope.project_id), str(scope.connection_id)
    by_id: dict[str, tuple[object, ...]] = {}
    for item in items:
        data = wire.dumps(item.data.model_dump(mode="python"))
        extracted = records._extracted(item.data)
        key = str(record_id(scope.connection_id, item.object, item.remote_key))
        by_id[key] = (  # later duplicates of one record within a page win, as in records.upsert
            key, project, conn, item.object, item.remote_id, item.remote_key, data, records._hash(data),
            None if item.remote_data is None else wire.dumps(item.remote_data), item.remote_updated_at,
            now, now, now, item.deleted, extracted["status"], extracted["kind"], extracted["contact_id"],
            extracted["issued_at"],
        )
    columns = [list(column) for column in zip(*by_id.values(), strict=True)]
    # Through SQLAlchemy's connection (not the raw driver one), so it runs inside the caller's transaction.
    await connection.exec_driver_sql(_SQL, tuple(columns))
    return len(by_id)
