"""The part of OData v4 the Business Central API serves: ``$filter`` (comparisons joined by ``and``/``or``),
``$select``, ``$expand``, ``$top``/``$skip`` and server-driven paging (``Prefer: odata.maxpagesize`` →
``@odata.nextLink`` carrying a ``$skiptoken``).

Values are OData literals: ``'text'`` (quotes doubled inside), numbers, ``true``/``false``, ``null``, GUIDs and
dates/datetimes unquoted (``2024-01-01``, ``2024-01-01T00:00:00Z``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import bad_request

MAX_PAGE = 20_000  # Business Central's largest page; more needs paging
Predicate = Callable[[dict[str, Any]], bool]

_TOKEN = re.compile(r"\s*(\(|\)|'(?:[^']|'')*'"
                    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    r"|\d{4}-\d{2}-\d{2}[\w:.+-]*|[A-Za-z_][\w/]*|[-+\w.:]+)")
_OPS = {"eq", "ne", "gt", "ge", "lt", "le"}
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$")


def _literal(token: str) -> Any:
    if token.startswith("'"):
        return token[1:-1].replace("''", "'")
    low = token.lower()
    if low in ("true", "false"):
        return low == "true"
    if low == "null":
        return None
    if _GUID.match(token):
        return token.lower()
    if _DATETIME.match(token):
        return _instant(token)
    try:
        return Decimal(token)
    except InvalidOperation as exc:
        raise bad_request(f"Syntax error in $filter: unexpected '{token}'.", "BadRequest_InvalidFilter") from exc


def _instant(text: str) -> datetime:
    if "T" not in text:
        text += "T00:00:00Z"
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _compare(actual: Any, op: str, wanted: Any) -> bool:
    if isinstance(wanted, datetime) and isinstance(actual, str):
        try:
            actual = _instant(actual)
        except ValueError:
            return False
    elif isinstance(wanted, Decimal) and actual is not None:
        actual = Decimal(str(actual))
    elif isinstance(wanted, str) and isinstance(actual, str) and _GUID.match(wanted):
        actual = actual.lower()
    if op == "eq":
        return bool(actual == wanted)
    if op == "ne":
        return bool(actual != wanted)
    if actual is None or wanted is None:
        return False
    try:
        return bool({"gt": actual > wanted, "ge": actual >= wanted, "lt": actual < wanted,
                     "le": actual <= wanted}[op])
    except TypeError:
        return False


def parse_filter(text: str, fields: set[str]) -> Predicate:
    """Compile ``$filter``; a field the entity does not have is a 400, as in Business Central."""
    tokens = [t for t in _TOKEN.findall(text) if t]
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise bad_request("Syntax error in $filter: unexpected end of expression.", "BadRequest_InvalidFilter")
        pos += 1
        return tokens[pos - 1]

    def primary() -> Predicate:
        if peek() == "(":
            take()
            inner = disjunction()
            if take() != ")":
                raise bad_request("Syntax error in $filter: ')' expected.", "BadRequest_InvalidFilter")
            return inner
        field, op, value = take(), take().lower(), _literal(take())
        if field not in fields:
            raise bad_request(f"Could not find a property named '{field}' on type "
                              "'Microsoft.NAV.entity'.", "BadRequest_InvalidFilter")
        if op not in _OPS:
            raise bad_request(f"Syntax error in $filter: unknown operator '{op}'.", "BadRequest_InvalidFilter")
        return lambda row: _compare(row.get(field), op, value)

    def conjunction() -> Predicate:
        parts = [primary()]
        while (peek() or "").lower() == "and":
            take()
            parts.append(primary())
        return lambda row: all(p(row) for p in parts)

    def disjunction() -> Predicate:
        parts = [conjunction()]
        while (peek() or "").lower() == "or":
            take()
            parts.append(conjunction())
        return lambda row: any(p(row) for p in parts)

    predicate = disjunction()
    if peek() is not None:
        raise bad_request(f"Syntax error in $filter at '{peek()}'.", "BadRequest_InvalidFilter")
    return predicate


def csv(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def integer(params: dict[str, str], name: str) -> int | None:
    if name not in params:
        return None
    try:
        value = int(params[name])
    except ValueError as exc:
        raise bad_request(f"Invalid value for {name}: '{params[name]}'.") from exc
    if value < 0:
        raise bad_request(f"Invalid value for {name}: '{params[name]}'.")
    return value


def max_page_size(prefer: str | None) -> int:
    """``Prefer: odata.maxpagesize=N`` (several preferences may be comma-separated); BC caps pages at 20,000."""
    for part in (prefer or "").split(","):
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "odata.maxpagesize" and value.strip().isdigit():
            return max(1, min(int(value), MAX_PAGE))
    return MAX_PAGE
