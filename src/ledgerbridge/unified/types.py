"""Field types shared by every unified object: money, quantities, currencies, dates, ids.

Money is :class:`decimal.Decimal` end to end and travels as a JSON *number* in major units (300.50 means three
hundred dollars and fifty cents). Request bodies are parsed with ``parse_float=Decimal`` so no float ever holds an
amount; responses are written with :func:`ledgerbridge.wire.dumps`, which keeps the Decimal literal.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, BeforeValidator

from ledgerbridge.unified.currencies import ISO_4217

# 10^12 in major units with up to 6 decimal places (unit prices can be finer than cents).
MAX_MONEY = Decimal("1e12")


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError("must be a number, not a boolean")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        # Only reachable from Python callers: the HTTP layer never produces floats. repr() is the shortest
        # string that round-trips, so 150.25 becomes Decimal("150.25"), not its binary approximation.
        number = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError("must be a decimal number") from None
    else:
        raise ValueError("must be a number")
    if not number.is_finite():
        raise ValueError("must be a finite number")
    if abs(number) >= MAX_MONEY:
        raise ValueError("must be less than 10^12 in absolute value")
    if number.as_tuple().exponent < -6:  # type: ignore[operator]
        raise ValueError("must have at most 6 decimal places")
    return number


Money = Annotated[Decimal, BeforeValidator(_to_decimal)]
"""An amount in major units of its currency, exact."""

Quantity = Annotated[Decimal, BeforeValidator(_to_decimal)]

Rate = Annotated[Decimal, BeforeValidator(_to_decimal)]
"""A percentage such as 20 for 20 %, or an exchange rate."""


def _exchange_rate(value: Any) -> str:
    number = _to_decimal(value)
    if number <= 0:
        raise ValueError("must be positive")
    return str(number)


ExchangeRate = Annotated[str, BeforeValidator(_exchange_rate)]
"""Panora sends exchange rates as strings ("1.2"); we accept numbers too and keep the string form."""


def _currency(value: Any) -> str:
    if not isinstance(value, str) or value.upper() not in ISO_4217:
        raise ValueError("must be an ISO 4217 currency code such as USD or EUR")
    return value.upper()


CurrencyCode = Annotated[str, BeforeValidator(_currency)]


def _aware(value: Any) -> Any:
    # A bare date ("2024-06-15") means that day at midnight UTC; a naive datetime is taken as UTC. Both are
    # common in accounting payloads, and refusing them would break Panora clients that send them.
    if isinstance(value, str) and len(value) == 10:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("must be an ISO 8601 date or date-time") from None
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return value


def _utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


DateTime = Annotated[dt.datetime, BeforeValidator(_aware), AfterValidator(_utc)]
"""A timezone-aware instant. Input may be a date, a naive or an offset date-time; output always has an offset."""

Id = UUID
"""A Ledgerbridge id (UUID). References to other unified records use it."""
