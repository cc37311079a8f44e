"""Wire format helpers: Decimal-exact JSON, QBO number literals and Pacific-time timestamps.

QBO money never passes through float: request bodies are parsed with Decimal and written back with the
literal kept, so ``2 x 150.25`` is ``300.50`` on the wire, as in the recorded responses.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

import simplejson

PACIFIC = ZoneInfo("America/Los_Angeles")
CENT = Decimal("0.01")


def loads(text: str | bytes) -> Any:
    return simplejson.loads(text, use_decimal=True)


def dumps(obj: Any) -> str:
    return simplejson.dumps(obj, use_decimal=True, separators=(",", ":"), ensure_ascii=False)


def dec(value: Any) -> Decimal | None:
    """Coerce a JSON number (or numeric string) to Decimal; None when absent/empty/not a number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def money(value: Decimal) -> Decimal | int:
    """QBO writes zero money as ``0`` and everything else with two decimals (``160.00``)."""
    q = value.quantize(CENT)
    return 0 if q == 0 else q


def quantity(value: Decimal) -> Decimal | int:
    """Qty/UnitPrice use the fewest digits (``4``, ``3.5``, ``22.5``) and never exponent notation."""
    n = value.normalize()
    if n == n.to_integral_value():
        return int(n)
    return n


def now_utc(clock: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(clock, tz=dt.UTC)


def meta_time(clock: float) -> str:
    """MetaData times: Pacific wall time, whole seconds, with the offset in force (-07:00 or -08:00)."""
    return now_utc(clock).astimezone(PACIFIC).replace(microsecond=0).isoformat()


def envelope_time(clock: float) -> str:
    """The envelope ``time`` has milliseconds: ``2020-09-29T05:58:07.300-07:00``."""
    return now_utc(clock).astimezone(PACIFIC).isoformat(timespec="milliseconds")


def today_pacific(clock: float) -> dt.date:
    return now_utc(clock).astimezone(PACIFIC).date()


def parse_instant(text: str) -> float:
    """Parse a QBO date/datetime literal to epoch seconds; no offset means Pacific time (as QBO does)."""
    s = text.strip()
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    value = dt.datetime.fromisoformat(s)
    if value.tzinfo is None:
        value = value.replace(tzinfo=PACIFIC)
    return value.timestamp()
