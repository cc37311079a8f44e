"""What every Moneybird mapper shares: decimals, dates, timestamps, refs.

Moneybird prints money as decimal strings (``"121.0"``) in some places and JSON numbers in others (payments,
tax totals); dates are ``YYYY-MM-DD``, timestamps ISO 8601 in UTC. Ids are numeric strings (the spec allows
integers too: :func:`ident` folds both to text).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol
from uuid import UUID


class RefMaker(Protocol):
    """The Ledgerbridge id of a provider record (``ConnectionContext.ref`` fits)."""

    def ref(self, object_name: str, remote_key: str | None) -> UUID | None: ...


def money(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("boolean where a number was expected")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value).replace(",", "."))


def ident(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def text(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value)


def read_date(value: Any) -> dt.datetime | None:
    """A Moneybird date (``2026-03-01``) or timestamp as an aware datetime (dates at midnight UTC)."""
    if not value:
        return None
    text_value = str(value)
    if len(text_value) == 10:
        return dt.datetime.combine(dt.date.fromisoformat(text_value), dt.time(), dt.UTC)
    return dt.datetime.fromisoformat(text_value.replace("Z", "+00:00"))


def write_date(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def wire_money(value: Decimal) -> str:
    """Money as Moneybird takes it (the spec's ``money``: a decimal string)."""
    return format(value, "f")
