"""Reading the values of a request body as FreeAgent does: decimal strings (or JSON numbers), ISO dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import invalid


def decimal(value: Any, field: str, default: Decimal | None = None) -> Decimal:
    if value is None or value == "":
        if default is None:
            raise invalid(f"{field.capitalize()} can't be blank")
        return default
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise invalid(f"{field.capitalize()} is not a number") from None
    if not number.is_finite():
        raise invalid(f"{field.capitalize()} is not a number")
    return number


def date(value: Any, field: str) -> dt.date:
    if not value:
        raise invalid(f"{field.capitalize()} can't be blank")
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise invalid(f"{field.capitalize()} is not a valid date") from None


def flag(value: Any) -> bool:
    return value in (True, "true", "1", 1)
