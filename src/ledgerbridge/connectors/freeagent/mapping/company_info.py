"""The company ⇄ company info (one per connection: a FreeAgent login reaches one company)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import day, text
from ledgerbridge.unified.company_info import CompanyInfo


def to_unified(remote: dict[str, Any]) -> RemoteRecord:
    key = str(remote.get("subdomain") or remote.get("id") or "company")
    year_end = day(remote.get("first_accounting_year_end"))
    company = CompanyInfo(
        name=text(remote.get("name")),
        legal_name=text(remote.get("name")),
        tax_number=text(remote.get("sales_tax_registration_number")),
        fiscal_year_end_month=year_end.month if year_end else None,
        fiscal_year_end_day=year_end.day if year_end else None,
        currency=text(remote.get("currency")),
        urls=[u for u in (text(remote.get("url")),) if u],
        remote_created_at=day(remote.get("created_at")),
    )
    return RemoteRecord(object="company_info", remote_key=key, remote_id=key, data=company, remote_data=remote,
                        remote_updated_at=day(remote.get("updated_at")))
