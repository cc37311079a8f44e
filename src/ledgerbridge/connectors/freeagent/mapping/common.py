"""What every FreeAgent mapper shares: decimal strings, dates, resource URLs and the VAT rates.

FreeAgent sends money as decimal strings (``"120.00"``), dates as ``YYYY-MM-DD``, timestamps in ISO 8601, and
names every resource by its full URL (``…/v2/contacts/3``): our remote keys are the URL's last segment.
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
    return value if isinstance(value, Decimal) else Decimal(str(value))


def text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def key_of(url: Any) -> str | None:
    """``https://api.freeagent.com/v2/contacts/3`` → ``3`` (None for no URL)."""
    return str(url).rstrip("/").rsplit("/", 1)[-1] if url else None


def day(value: Any) -> dt.datetime | None:
    """A FreeAgent date (``2024-03-01``) or timestamp as an aware UTC datetime."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(dt.UTC) if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def rate_key(value: Any) -> str | None:
    """A VAT rate (``"20.0"``) as the key of its tax rate record (``"20"``)."""
    rate = money(value)
    if rate is None:
        return None
    normal = rate.normalize()
    return format(normal, "f")


def iso_day(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
