"""Xero's dates, both ways.

Xero answers ``/Date(1776297600000+0000)/`` (epoch milliseconds, offset always ``+0000``; the envelope's
``DateTimeUTC`` and some Items responses leave the offset out; tier-A recordings escape the slashes as
``\\/Date(…)\\/``). Requests take a plain ``YYYY-MM-DD`` (Xero's documented form), and ``If-Modified-Since`` is sent
the way xero-python sends it: a zone-less ISO timestamp meaning UTC.
"""

from __future__ import annotations

import datetime as dt
import re

_MS_DATE = re.compile(r"^\\?/Date\((-?\d+)([+-]\d{4})?\)\\?/$")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def read_date(value: object) -> dt.datetime | None:
    """``/Date(ms±hhmm)/`` or an ISO string → aware UTC datetime; empty or unreadable → None.

    The ``+0000`` suffix is a display offset: the milliseconds are already UTC, so it is not applied again.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _MS_DATE.match(text)
    if match:
        return _EPOCH + dt.timedelta(milliseconds=int(match.group(1)))
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(dt.UTC) if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def write_date(value: dt.datetime | dt.date) -> str:
    """A calendar day for Xero: the date part in the caller's own offset (12:00 at -05:00 is still that day)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


def ms_date(value: dt.datetime) -> str:
    """The inverse of :func:`read_date` for tests and fixtures: ``/Date(ms+0000)/``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return f"/Date({int((value - _EPOCH) / dt.timedelta(milliseconds=1))}+0000)/"


def modified_since(value: dt.datetime) -> str:
    """``If-Modified-Since`` value: UTC, whole seconds, no zone (what xero-python sends and Xero accepts)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat()
