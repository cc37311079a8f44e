"""Value conversions every QBO mapper shares: numbers, dates, refs, remote keys.

QBO quirks handled here (see shared/reference/recorded/README.md, "QuickBooks Online"):
- money comes as ``0``, ``300.00`` or ``12.75``; JSON is parsed with Decimals (``ledgerbridge.wire.loads``),
  but integers arrive as ``int``: everything goes through :func:`money` so the model only ever holds Decimals;
- refs are ``{"value": "3", "name": "…"}`` and ``name`` is often missing: only ``value`` is used;
- ``MetaData.LastUpdatedTime`` is Pacific time with its offset: parsed as an aware instant, stored in UTC;
- ``TxnDate``/``DueDate`` are plain dates: read as midnight UTC.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol
from uuid import UUID


class RefMaker(Protocol):
    """What a mapper needs from the connection: the Ledgerbridge id of a provider record
    (:meth:`ledgerbridge.connectors.base.ConnectionContext.ref` fits)."""

    def ref(self, object_name: str, remote_key: str | None) -> UUID | None: ...


def key(entity: str, remote_id: str) -> str:
    """Remote key of a QBO record: ``Invoice/130``. Ids are only unique per entity, hence the prefix."""
    return f"{entity}/{remote_id}"


def split_key(remote_key: str) -> tuple[str, str]:
    entity, sep, remote_id = remote_key.partition("/")
    if not sep or not entity or not remote_id:
        raise ValueError(f"not a QuickBooks remote key: {remote_key!r}")
    return entity, remote_id


def money(value: Any) -> Decimal | None:
    """A QBO number as an exact Decimal (None stays None; floats only occur in hand-built test dicts)."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise ValueError("boolean where a number was expected")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def ref_value(container: dict[str, Any] | None, name: str) -> str | None:
    """``container[name]["value"]``, tolerant of a missing ref, a ref without value, or an empty string."""
    if not container:
        return None
    ref = container.get(name)
    value = ref.get("value") if isinstance(ref, dict) else ref  # XML-derived payloads carry the id as text
    if value is None or value == "":
        return None
    return str(value)


def ref_id(
    ctx: RefMaker, object_name: str, entity: str, container: dict[str, Any] | None, name: str
) -> UUID | None:
    value = ref_value(container, name)
    return None if value is None else ctx.ref(object_name, key(entity, value))


def read_date(value: Any) -> dt.datetime | None:
    """``"2026-04-08"`` → 2026-04-08T00:00:00Z. A unified date is an instant; a QBO date is a calendar day."""
    if not value:
        return None
    day = dt.date.fromisoformat(str(value)[:10])
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def write_date(value: dt.datetime | None) -> str | None:
    """The calendar day the caller meant: the date part in the caller's own offset (12:00Z → that day)."""
    return None if value is None else value.date().isoformat()


def read_timestamp(value: Any) -> dt.datetime | None:
    """``"2026-05-05T03:13:29-07:00"`` → aware UTC datetime. A missing offset is taken as UTC."""
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def updated_at(remote: dict[str, Any]) -> dt.datetime | None:
    return read_timestamp((remote.get("MetaData") or {}).get("LastUpdatedTime"))


def active(remote: dict[str, Any]) -> bool:
    # Absent Active means active: the US pseudo tax codes (TAX, NON) have no Active element at all.
    value = remote.get("Active", True)
    if isinstance(value, str):
        return value.strip().lower() != "false"
    return bool(value)


def currency(remote: dict[str, Any]) -> str | None:
    value = ref_value(remote, "CurrencyRef")
    return value.upper() if value else None
