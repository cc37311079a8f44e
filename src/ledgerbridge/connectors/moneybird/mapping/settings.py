"""Items (products), tax rates and the company (administration): read only, pure mapping.

- item ⇄ product: ``name`` is its title (else description), ``unit_price`` its price, ``sales_account`` its
  ledger account;
- tax_rate ⇄ tax rate: ``description`` is its name (``21% btw``), both rates its percentage; Moneybird keeps
  separate rates for sales, purchase and journal documents;
- company_info ⇄ administration: name, currency;
- tracking_category ⇄ project (Moneybird's one dimension to book lines to; category_type ``PROJECT``).
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.moneybird.mapping.common import RefMaker, ident, money, read_date, text
from ledgerbridge.unified.company_info import CompanyInfo
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.status import RecordStatus
from ledgerbridge.unified.tax_rate import TaxRate
from ledgerbridge.unified.tracking_category import TrackingCategory


def item_to_unified(row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    item = Item(name=text(row.get("title")) or text(row.get("description")), status=RecordStatus.ACTIVE,
                unit_price=money(row.get("price")),
                sales_account=ctx.ref("account", ident(row.get("ledger_account_id"))))
    return RemoteRecord(object="item", remote_key=str(row["id"]), remote_id=str(row["id"]), data=item,
                        remote_data=row, remote_updated_at=read_date(row.get("updated_at")))


def tax_rate_to_unified(row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    rate = money(row.get("percentage"))
    tax = TaxRate(description=text(row.get("name")), total_tax_rate=rate, effective_tax_rate=rate)
    return RemoteRecord(object="tax_rate", remote_key=str(row["id"]), remote_id=str(row["id"]), data=tax,
                        remote_data=row, remote_updated_at=read_date(row.get("updated_at")))


def company_to_unified(row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    company = CompanyInfo(name=text(row.get("name")), legal_name=text(row.get("name")),
                          currency=text(row.get("currency")))
    return RemoteRecord(object="company_info", remote_key=str(row["id"]), remote_id=str(row["id"]), data=company,
                        remote_data=row)


def project_to_unified(row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    category = TrackingCategory(name=text(row.get("name")), category_type="PROJECT",
                                status=RecordStatus.ARCHIVED if row.get("state") == "archived" else RecordStatus.ACTIVE)
    return RemoteRecord(object="tracking_category", remote_key=str(row["id"]), remote_id=str(row["id"]),
                        data=category, remote_data=row)
