"""JSON on the wire: Decimal amounts as exact JSON numbers, dates as ISO 8601 with an offset.

The standard library and orjson both turn Decimal into floats or strings; simplejson's ``use_decimal`` writes the
Decimal's own digits, so 300.50 stays 300.50.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any
from uuid import UUID

import simplejson


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(value: Any) -> str:
    return simplejson.dumps(value, use_decimal=True, default=_default, separators=(",", ":"), ensure_ascii=False)


def loads(text: str | bytes) -> Any:
    """Parse JSON keeping every non-integer number as an exact Decimal."""
    return simplejson.loads(text, use_decimal=True)
