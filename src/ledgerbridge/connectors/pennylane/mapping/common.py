"""What every Pennylane mapping shares: decimal strings, ISO dates, the references of a record."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ledgerbridge.connectors.base import ConnectionContext

__all__ = ["ConnectionContext", "amount", "cents", "day", "stamp", "text", "write_amount", "write_day"]


def text(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value)


def amount(value: Any) -> Decimal | None:
    """A Pennylane amount (a decimal string) as it is written: ``"230.32"`` stays 230.32."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def write_amount(value: Decimal) -> str:
    return format(value, "f")


def day(value: Any) -> dt.datetime | None:
    """A date (``2024-03-01``) as the instant our models hold: midnight UTC of that day."""
    if not value:
        return None
    return dt.datetime.combine(dt.date.fromisoformat(str(value)[:10]), dt.time(), tzinfo=dt.UTC)


def write_day(value: dt.datetime | dt.date) -> str:
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def stamp(value: Any) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)


def cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
