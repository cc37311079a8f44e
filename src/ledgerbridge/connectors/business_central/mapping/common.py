"""Small pure helpers the Business Central mappings share: text, money, dates, the record's etag and stamp."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol
from uuid import UUID

from ledgerbridge.remote import RemoteRecord


class RefMaker(Protocol):
    def ref(self, object_name: str, remote_key: str | None) -> UUID | None: ...


def text(value: Any) -> str | None:
    """A non-blank string, else None (Business Central sends ``""`` for empty fields)."""
    if value is None:
        return None
    found = str(value).strip()
    return found or None


def money(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def read_date(value: Any) -> dt.datetime | None:
    """An Edm.Date (``2026-09-01``) or DateTimeOffset (``…T12:00:00.123Z``) as an aware datetime; BC's empty
    date ``0001-01-01`` is None."""
    found = text(value)
    if found is None or found.startswith("0001-01-01"):
        return None
    if "T" not in found:
        return dt.datetime.fromisoformat(found).replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(found.replace("Z", "+00:00"))


def write_date(value: dt.datetime | None) -> str | None:
    """A unified datetime as the Edm.Date Business Central takes for document dates."""
    return None if value is None else value.date().isoformat()


def etag(row: dict[str, Any]) -> str | None:
    found = row.get("@odata.etag")
    return None if found is None else str(found)


def id_of(row: dict[str, Any]) -> str:
    return str(row["id"]).lower()


def record(object_name: str, row: dict[str, Any], data: Any) -> RemoteRecord:
    """A record keyed by its id, stamped with its ``lastModifiedDateTime``."""
    ident = id_of(row)
    return RemoteRecord(object=object_name, remote_key=ident, remote_id=ident, data=data, remote_data=row,
                        remote_updated_at=read_date(row.get("lastModifiedDateTime")))
