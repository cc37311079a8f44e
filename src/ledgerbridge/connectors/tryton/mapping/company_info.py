"""Company info: Tryton ``company.company`` and its party (name, tax identifier, website mechanisms) → the unified
company info. The fiscal year end is the end of the fiscal year that holds today (else the latest one). Pure."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ledgerbridge.connectors.tryton.mapping import nested, text
from ledgerbridge.unified.company_info import CompanyInfo

FIELDS = ["party", "currency.code", "create_date", "write_date"]
PARTY_FIELDS = ["name", "tax_identifier.code", "contact_mechanisms.type", "contact_mechanisms.value", "write_date"]
FISCAL_YEAR_FIELDS = ["company", "start_date", "end_date"]


def fiscal_year_end(years: list[dict[str, Any]], today: dt.date) -> tuple[int | None, int | None]:
    """(month, day) of the fiscal year holding ``today``, else of the latest one; (None, None) with none."""
    if not years:
        return None, None
    current = [y for y in years if y["start_date"] <= today <= y["end_date"]]
    end: dt.date = (current[0] if current else max(years, key=lambda y: y["end_date"]))["end_date"]
    return end.month, end.day


def to_unified(record: dict[str, Any], party: dict[str, Any] | None,
                            fiscal_years: list[dict[str, Any]], today: dt.date) -> CompanyInfo:
    party = party or {}
    month, day = fiscal_year_end(fiscal_years, today)
    mechanisms = party.get("contact_mechanisms.") or []
    urls = [m.get("value") for m in mechanisms if m.get("type") == "website" and text(m.get("value"))]
    return CompanyInfo(
        name=party.get("name"),
        # A Tryton party has one name; it is the legal name the company invoices under.
        legal_name=party.get("name"),
        tax_number=nested(party, "tax_identifier.code"),
        fiscal_year_end_month=month,
        fiscal_year_end_day=day,
        currency=nested(record, "currency.code"),
        urls=urls,
        remote_created_at=record.get("create_date"),
    )
