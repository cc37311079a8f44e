"""Stored records to response JSON, by splicing their stored text: no model is rebuilt per row (DESIGN.md §
Performance). The store renders too, for the webhook bodies it writes to the outbox with each change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import orjson

_NULL = "null"


def _time(value: dt.datetime | None) -> str:
    return _NULL if value is None else '"' + value.isoformat().replace("+00:00", "Z") + '"'


def record(row: Any, *, with_remote_data: bool, extra: str = "", field_mappings: str = "{}") -> str:
    """One record as JSON text. ``extra`` is more ``"key":value`` text to append (e.g. warnings);
    ``field_mappings`` is the record's custom-field values as JSON text."""
    data: str = row.data
    head = '{"id":"' + row.id + '","remote_id":' + orjson.dumps(row.remote_id).decode()
    body = data[1:-1]
    tail = (
        ',"remote_updated_at":' + _time(row.remote_updated_at)
        + ',"remote_was_deleted":' + ("true" if row.deleted else "false")
        + ',"created_at":' + _time(row.created_at)
        + ',"modified_at":' + _time(row.modified_at)
        + ',"field_mappings":' + field_mappings
    )
    if with_remote_data:
        tail += ',"remote_data":' + (row.remote_data or _NULL)
    if extra:
        tail += "," + extra
    return head + ("," + body if body else "") + tail + "}"


def page(
    rows: list[Any],
    *,
    with_remote_data: bool,
    next_cursor: str | None,
    prev_cursor: str | None,
    field_mappings: Mapping[str, str] | None = None,
) -> str:
    """A list page; ``field_mappings`` maps record id → its custom-field values (JSON text) for this page."""
    values = field_mappings or {}
    items = ",".join(
        record(row, with_remote_data=with_remote_data, field_mappings=values.get(row.id, "{}")) for row in rows
    )
    return (
        '{"prev_cursor":' + orjson.dumps(prev_cursor).decode()
        + ',"next_cursor":' + orjson.dumps(next_cursor).decode()
        + ',"data":[' + items + "]}"
    )
