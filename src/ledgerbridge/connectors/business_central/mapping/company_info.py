"""The company ⇄ Business Central ``companyInformation``."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, record, text
from ledgerbridge.unified.company_info import CompanyInfo


def to_unified(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    return record("company_info", row, CompanyInfo(
        name=text(row.get("displayName")),
        legal_name=text(row.get("displayName")),
        tax_number=text(row.get("taxRegistrationNumber")),
        currency=text(row.get("currencyCode")),
        urls=[u for u in (text(row.get("website")),) if u],
    ))
