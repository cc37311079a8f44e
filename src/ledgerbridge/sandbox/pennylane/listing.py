"""Lists as Pennylane serves them: ``filter`` (a JSON list of ``{field, operator, value}``), ``sort`` and cursor
paging (``cursor``, ``limit`` 1–100, default 20) answering ``{has_more, next_cursor, items}``.

The cursor is opaque to clients; here it is the base64 of the sort key and id of the page's last item, so a
record created while a client pages does not shift the pages it has not read yet.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any

from .errors import bad_request
from .state import Record

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
Getter = Callable[[Record], Any]
OPERATORS = ("lt", "lteq", "gt", "gteq", "eq", "not_eq", "in", "not_in", "start_with")


def limit_of(params: Mapping[str, str], maximum: int = MAX_LIMIT) -> int:
    raw = params.get("limit")
    if raw is None:
        return DEFAULT_LIMIT
    try:
        limit = int(raw)
    except ValueError:
        raise bad_request("limit must be an integer", field="limit", code="ValidateError") from None
    if limit < 1:
        raise bad_request(f"limit {limit} is less than 1", field="limit", code="LessThanMinimum")
    if limit > maximum:
        raise bad_request(f"limit {limit} is more than {maximum}", field="limit", code="MoreThanMaximum")
    return limit


def _same(value: Any, wanted: Any) -> bool:
    if isinstance(value, dt.datetime):
        from .dates import parse_datetime

        return value == parse_datetime(str(wanted))
    if isinstance(value, bool):
        return str(wanted).lower() == str(value).lower()
    return str(value) == str(wanted)


def _compare(value: Any, operator: str, wanted: Any) -> bool:
    if operator in ("in", "not_in"):
        wanted_list = wanted if isinstance(wanted, list) else str(wanted).split(",")
        found = any(_same(value, w) for w in wanted_list)
        return found if operator == "in" else not found
    if operator == "eq":
        return _same(value, wanted)
    if operator == "not_eq":
        return not _same(value, wanted)
    if operator == "start_with":
        return str(value or "").startswith(str(wanted))
    if value is None:
        return False
    left: Any = value
    right: Any = wanted
    if isinstance(value, dt.datetime):
        from .dates import parse_datetime

        right = parse_datetime(str(wanted))
    elif isinstance(value, int) and not isinstance(value, bool):
        right = int(wanted)
    else:
        left, right = str(value), str(wanted)
    return {"lt": left < right, "lteq": left <= right, "gt": left > right, "gteq": left >= right}[operator]


def filtered(rows: list[Record], params: Mapping[str, str], fields: Mapping[str, Getter]) -> list[Record]:
    raw = params.get("filter")
    if not raw:
        return rows
    try:
        rules = json.loads(raw)
        assert isinstance(rules, list) and all(isinstance(rule, dict) for rule in rules)
    except (ValueError, AssertionError):
        raise bad_request("filter must be a JSON array of {field, operator, value}", field="filter") from None
    for rule in rules:
        field, operator = rule.get("field"), rule.get("operator")
        if field not in fields:
            raise bad_request(f"filter on {field} is not supported", field="filter")
        if operator not in OPERATORS:
            raise bad_request(f"operator {operator} is not supported", field="filter")
        getter = fields[field]
        try:
            rows = [row for row in rows if _compare(getter(row), operator, rule.get("value"))]
        except ValueError:
            raise bad_request(f"{rule.get('value')!r} is not a valid value for {field}", field="filter") from None
    return rows


def page(rows: list[Record], params: Mapping[str, str], *, sortable: tuple[str, ...] = ("id",),
         render: Callable[[Record], Record], maximum: int = MAX_LIMIT) -> dict[str, Any]:
    limit = limit_of(params, maximum)
    sort = params.get("sort") or "-id"
    field = sort.lstrip("-")
    if field not in sortable:
        raise bad_request(f"sort on {field} is not supported", field="sort")
    descending = sort.startswith("-")

    def key(row: Record) -> tuple[str, int]:
        return (str(row.get(field) or ""), int(row["id"])) if field != "id" else ("", int(row["id"]))

    ordered = sorted(rows, key=key, reverse=descending)
    cursor = params.get("cursor")
    if cursor:
        try:
            after = json.loads(base64.urlsafe_b64decode(cursor.encode()))
            last = (str(after[0]), int(after[1]))
        except (ValueError, TypeError, IndexError):
            raise bad_request("cursor is invalid", field="cursor") from None
        ordered = [row for row in ordered if (key(row) < last if descending else key(row) > last)]
    chunk = ordered[:limit]
    has_more = len(ordered) > limit
    next_cursor = None
    if has_more:
        next_cursor = base64.urlsafe_b64encode(json.dumps(list(key(chunk[-1]))).encode()).decode()
    return {"has_more": has_more, "next_cursor": next_cursor, "items": [render(row) for row in chunk]}


def changelog(events: list[Record], params: Mapping[str, str]) -> dict[str, Any]:
    """``GET /changelogs/{collection}``: change events since ``start_date`` (all kept ones when absent), oldest
    first, up to ``limit`` (1–1000) at a time; the cursor is the position in the append-only log."""
    limit = limit_of(params, 1000)
    start = 0
    if params.get("cursor"):
        try:
            start = int(base64.urlsafe_b64decode(params["cursor"].encode()).decode())
        except ValueError:
            raise bad_request("cursor is invalid", field="cursor") from None
    since = params.get("start_date")
    chosen = [(i, e) for i, e in enumerate(events) if i >= start]
    if since:
        from .dates import parse_datetime

        try:
            bound = parse_datetime(since)
        except ValueError:
            raise bad_request("start_date is not a date-time", field="start_date",
                              code="InvalidDateTimeFormat") from None
        chosen = [(i, e) for i, e in chosen if parse_datetime(e["processed_at"]) >= bound]
    chunk = chosen[:limit]
    has_more = len(chosen) > limit
    next_cursor = base64.urlsafe_b64encode(str(chunk[-1][0] + 1).encode()).decode() if has_more else None
    return {"items": [dict(e) for _, e in chunk], "has_more": has_more, "next_cursor": next_cursor}
