"""JSON on the wire: Decimal amounts as exact JSON numbers, dates as ISO 8601 with an offset.

Writing: orjson, with each Decimal embedded as a raw JSON fragment of its own digits, so 300.50 stays 300.50
(orjson would otherwise refuse Decimals, and the standard library would make them floats). orjson also writes
datetimes (UTC as ``Z``), UUIDs and enums natively; it is several times faster than the alternatives, which
matters on the sync path where every record is serialised. Reading: simplejson with ``use_decimal``, so every
non-integer number arrives as an exact Decimal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import orjson
import simplejson

_OPTIONS = orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TypeError(f"{value} has no JSON representation")
        return orjson.Fragment(str(value))
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value, default=_default, option=_OPTIONS).decode()
    except TypeError as exc:
        if "64-bit" not in str(exc):
            raise
        # JSON has no integer limit, orjson has (64 bits): such integers (from a caller's body, say) go as digits.
        return orjson.dumps(_big_ints_as_digits(value), default=_default, option=_OPTIONS).decode()


def _big_ints_as_digits(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**64:
        return orjson.Fragment(str(value))
    if isinstance(value, dict):
        return {key: _big_ints_as_digits(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_big_ints_as_digits(item) for item in value]
    return value


def loads(text: str | bytes) -> Any:
    """Parse JSON keeping every non-integer number as an exact Decimal."""
    return simplejson.loads(text, use_decimal=True)
