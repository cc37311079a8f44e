"""Company info ⇄ the company of ``GET /me`` (a Pennylane token reaches one company)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.pennylane.mapping.common import text
from ledgerbridge.unified.company_info import CompanyInfo


def to_unified(me: dict[str, Any]) -> RemoteRecord:
    company = me["company"]
    info = CompanyInfo(name=text(company.get("name")), legal_name=text(company.get("name")),
                       tax_number=text(company.get("reg_no")), currency="EUR")
    return RemoteRecord(object="company_info", remote_key=str(company["id"]), remote_id=str(company["id"]),
                        data=info, remote_data=company)
