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
    return orjson.dumps(value, default=_default, option=_OPTIONS).decode()


def loads(text: str | bytes) -> Any:
    """Parse JSON keeping every non-integer number as an exact Decimal."""
    return simplejson.loads(text, use_decimal=True)
