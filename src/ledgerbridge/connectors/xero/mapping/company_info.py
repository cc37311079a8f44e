"""Xero Organisation → company info (read only; one per connection). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import RefMaker, text
from ledgerbridge.unified.company_info import CompanyInfo


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    remote_id = str(remote["OrganisationID"]).lower()
    month, day = remote.get("FinancialYearEndMonth"), remote.get("FinancialYearEndDay")
    links = [text(link.get("Url")) for link in remote.get("ExternalLinks") or []]
    info = CompanyInfo(
        name=text(remote.get("Name")),
        legal_name=text(remote.get("LegalName")),
        tax_number=text(remote.get("TaxNumber")),
        fiscal_year_end_month=int(month) if month else None,
        fiscal_year_end_day=int(day) if day else None,
        currency=text(remote.get("BaseCurrency")),
        urls=[link for link in links if link],
        remote_created_at=read_date(remote.get("CreatedDateUTC")),
    )
    return RemoteRecord("company_info", remote_id, remote_id, info, remote, read_date(remote.get("CreatedDateUTC")))
