"""List and retrieve, served from the store."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from ledgerbridge.errors import NotFound
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.service import render
from ledgerbridge.service.cursor import Cursor
from ledgerbridge.store import records
from ledgerbridge.store.records import Scope

DEFAULT_LIMIT = 50
MAX_LIMIT = 100


@dataclass(frozen=True)
class ListQuery:
    limit: int = DEFAULT_LIMIT
    cursor: Cursor | None = None
    remote_data: bool = False
    include_deleted: bool = False
    remote_id: str | None = None
    modified_after: dt.datetime | None = None


async def list_records(engine: AsyncEngine, scope: Scope, spec: ObjectSpec, query: ListQuery) -> str:
    cursor = query.cursor
    backwards = cursor is not None and cursor.backwards
    async with engine.connect() as connection:
        rows = await records.page(
            connection,
            scope,
            spec.name,
            after=None if cursor is None or backwards else cursor.position,
            before=cursor.position if backwards and cursor is not None else None,
            limit=query.limit,
            with_remote_data=query.remote_data,
            include_deleted=query.include_deleted,
            remote_id=query.remote_id,
            modified_after=query.modified_after,
        )
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    if backwards:
        rows.reverse()
        next_cursor = Cursor(rows[-1].seq).encode() if rows else None
        prev_cursor = Cursor(rows[0].seq, backwards=True).encode() if more else None
    else:
        next_cursor = Cursor(rows[-1].seq).encode() if more else None
        prev_cursor = Cursor(rows[0].seq, backwards=True).encode() if cursor is not None and rows else None
    return render.page(rows, with_remote_data=query.remote_data, next_cursor=next_cursor, prev_cursor=prev_cursor)


async def retrieve(
    engine: AsyncEngine, scope: Scope, spec: ObjectSpec, record_id: str, *, remote_data: bool, extra: str = ""
) -> str:
    try:
        id_ = uuid.UUID(record_id)
    except ValueError:
        raise NotFound(f"No {spec.name.replace('_', ' ')} with id {record_id}") from None
    async with engine.connect() as connection:
        row = await records.get(connection, scope, spec.name, id_, with_remote_data=remote_data)
    if row is None:
        raise NotFound(f"No {spec.name.replace('_', ' ')} with id {record_id}")
    return render.record(row, with_remote_data=remote_data, extra=extra)
