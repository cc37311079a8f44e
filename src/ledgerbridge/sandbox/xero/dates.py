"""Xero's MS-JSON dates (``/Date(ms+0000)/``) and the other date spellings clients send.

Xero answers every date as ``/Date(<ms since epoch>+0000)/`` (plus a ``…String`` sibling for some fields) but
accepts ``2019-03-11``, ISO datetimes and the bare ``/Date(ms)/`` form that xero-python emits, so parsing is
deliberately permissive while formatting is exact.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

_MS = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def ms_of(moment: datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int((moment - EPOCH) / timedelta(milliseconds=1))


def ms_date(ms: int, *, offset: bool = True) -> str:
    """Xero's wire form; the envelope's DateTimeUTC has no offset suffix, object fields do."""
    return f"/Date({ms}+0000)/" if offset else f"/Date({ms})/"


def day_ms(d: date) -> int:
    return ms_of(datetime(d.year, d.month, d.day, tzinfo=UTC))


def format_day(d: date) -> tuple[str, str]:
    """(``/Date(..+0000)/``, ``YYYY-MM-DDT00:00:00``) — the value and its ``…String`` sibling."""
    return ms_date(day_ms(d)), f"{d.isoformat()}T00:00:00"


def parse_datetime(value: object) -> datetime:
    """Any accepted spelling → aware UTC datetime. Raises ValueError on garbage."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    m = _MS.match(text.replace("\\/", "/"))
    if m:
        return EPOCH + timedelta(milliseconds=int(m.group(1)))
    try:
        iso = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        iso = None
    if iso is not None:
        return iso.astimezone(UTC) if iso.tzinfo else iso.replace(tzinfo=UTC)
    rfc = parsedate_to_datetime(text)  # RFC-1123, e.g. "Tue, 02 Jan 2024 03:04:05 GMT"
    return rfc.astimezone(UTC) if rfc.tzinfo else rfc.replace(tzinfo=UTC)


def parse_day(value: object) -> date:
    return parse_datetime(value).date()


def parse_if_modified_since(header: str | None) -> int | None:
    """Header → epoch ms, or None when absent/unparseable (Xero ignores a bad header rather than failing)."""
    if not header:
        return None
    try:
        return ms_of(parse_datetime(header))
    except (ValueError, TypeError):
        return None


def ms_to_datetime(ms: int) -> datetime:
    return EPOCH + timedelta(milliseconds=ms)


def parse_wire_ms(value: str) -> datetime | None:
    """A stored ``/Date(..)/`` string back to a naive UTC datetime (for where-clauses); None if not one."""
    m = _MS.match(value)
    if not m:
        return None
    return (EPOCH + timedelta(milliseconds=int(m.group(1)))).replace(tzinfo=None)
