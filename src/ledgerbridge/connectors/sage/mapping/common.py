"""Helpers every Sage mapping shares: references, dates, money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol
from uuid import UUID


class RefMaker(Protocol):
    def ref(self, object_name: str, remote_key: str | None) -> UUID | None: ...


def text(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value)


def ref_id(value: Any) -> str | None:
    """The id of a Sage reference (``{"id","displayed_as","$path"}``)."""
    return text(value.get("id")) if isinstance(value, dict) else None


def money(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def stamp(value: Any) -> dt.datetime | None:
    """Sage's ``2026-12-07T20:11:18Z`` (or a date) as an aware datetime."""
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def day(value: Any) -> dt.datetime | None:
    """A Sage date (``2026-11-02``) as midnight UTC."""
    return None if not value else dt.datetime.combine(dt.date.fromisoformat(str(value)[:10]), dt.time(), dt.UTC)


def iso_day(value: dt.datetime | dt.date | None) -> str | None:
    return None if value is None else value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()


def currency(remote: dict[str, Any]) -> str | None:
    return ref_id(remote.get("currency"))
