"""List and retrieve, served from the store."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from ledgerbridge.errors import NotFound
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.service import expand, versions
from ledgerbridge.service.cursor import Cursor
from ledgerbridge.service.filters import Filters
from ledgerbridge.store import field_mappings as stored_fields
from ledgerbridge.store import records, render
from ledgerbridge.store.db import read_only
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
    filters: Filters | None = None  # supersedes the three above when given
    expand: tuple[str, ...] = ()


@dataclass(frozen=True)
class Retrieved:
    body: str
    etag: str


async def list_records(
    engine: AsyncEngine, scope: Scope, spec: ObjectSpec, query: ListQuery, *, custom_fields: bool = True
) -> str:
    """A page as JSON text. ``custom_fields`` False (the project defines none) skips the lookup of their values."""
    cursor = query.cursor
    backwards = cursor is not None and cursor.backwards
    filters = query.filters or Filters(
        remote_id=query.remote_id, modified_after=query.modified_after, include_deleted=query.include_deleted
    )
    async with read_only(engine).connect() as connection:
        rows = await records.page(
            connection,
            scope,
            spec.name,
            after=None if cursor is None or backwards else cursor.position,
            before=cursor.position if backwards and cursor is not None else None,
            limit=query.limit,
            with_remote_data=query.remote_data,
            include_deleted=filters.include_deleted,
            remote_id=filters.remote_id,
            modified_after=filters.modified_after,
            created_after=filters.created_after,
            equal=filters.equal,
            issued_after=filters.issued_after,
            issued_before=filters.issued_before,
        )
        more = len(rows) > query.limit
        rows = await expand.apply(connection, scope, spec, rows[: query.limit], list(query.expand))
        custom = await stored_fields.values_json(connection, project_id=scope.project_id,
                                                  record_ids=[row.id for row in rows]) if custom_fields else {}
    if backwards:
        rows.reverse()
        next_cursor = Cursor(rows[-1].seq).encode() if rows else None
        prev_cursor = Cursor(rows[0].seq, backwards=True).encode() if more else None
    else:
        next_cursor = Cursor(rows[-1].seq).encode() if more else None
        prev_cursor = Cursor(rows[0].seq, backwards=True).encode() if cursor is not None and rows else None
    return render.page(rows, with_remote_data=query.remote_data, next_cursor=next_cursor, prev_cursor=prev_cursor,
                       field_mappings=custom)


async def retrieve(
    engine: AsyncEngine,
    scope: Scope,
    spec: ObjectSpec,
    record_id: str,
    *,
    remote_data: bool,
    extra: str = "",
    expand_names: tuple[str, ...] = (),
    custom_fields: bool = True,
) -> Retrieved:
    try:
        id_ = uuid.UUID(record_id)
    except ValueError:
        raise NotFound(f"No {spec.name.replace('_', ' ')} with id {record_id}") from None
    async with read_only(engine).connect() as connection:
        row = await records.get(connection, scope, spec.name, id_, with_remote_data=remote_data)
        if row is None:
            raise NotFound(f"No {spec.name.replace('_', ' ')} with id {record_id}")
        tag = versions.etag(row)
        (row,) = await expand.apply(connection, scope, spec, [row], list(expand_names))
        custom = (await stored_fields.values_json(connection, project_id=scope.project_id, record_ids=[row.id])
                  if custom_fields else {})
    text = render.record(row, with_remote_data=remote_data, extra=extra, field_mappings=custom.get(row.id, "{}"))
    return Retrieved(text, tag)
