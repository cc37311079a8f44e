"""Company info ← QBO CompanyInfo (read only). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, key, read_timestamp, updated_at
from ledgerbridge.unified.company_info import CompanyInfo, fiscal_year_end

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def to_unified(remote: dict[str, Any], ctx: RefMaker, currency: str | None = None) -> RemoteRecord:
    start = remote.get("FiscalYearStartMonth")
    month, day = fiscal_year_end(_MONTHS.index(start) + 1 if start in _MONTHS else None)
    web = (remote.get("WebAddr") or {}).get("URI")
    info = CompanyInfo(
        name=remote.get("CompanyName"),
        legal_name=remote.get("LegalName"),
        fiscal_year_end_month=month,
        fiscal_year_end_day=day,
        currency=currency,
        urls=[web] if web else [],
        remote_created_at=read_timestamp((remote.get("MetaData") or {}).get("CreateTime")),
    )
    remote_id = str(remote["Id"])
    return RemoteRecord("company_info", key("CompanyInfo", remote_id), remote_id, info, remote, updated_at(remote))
