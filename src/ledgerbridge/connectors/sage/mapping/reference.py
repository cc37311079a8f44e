"""Sage's settings lists as unified records: ledger accounts, products (items), tax rates, the business."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.sage.mapping.common import RefMaker, currency, money, ref_id, stamp, text
from ledgerbridge.unified.account import Account, AccountClassification
from ledgerbridge.unified.company_info import CompanyInfo
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.status import AccountStatus, RecordStatus
from ledgerbridge.unified.tax_rate import TaxRate
from ledgerbridge.unified.tracking_category import TrackingCategory

# Sage's ledger account types → our classification
CLASSIFICATION = {
    "SALES": AccountClassification.REVENUE, "OTHER_INCOME": AccountClassification.REVENUE,
    "DIRECT_EXPENSES": AccountClassification.EXPENSE, "OVERHEADS": AccountClassification.EXPENSE,
    "DEPRECIATION": AccountClassification.EXPENSE, "CURRENT_ASSETS": AccountClassification.ASSET,
    "FIXED_ASSETS": AccountClassification.ASSET, "BANK": AccountClassification.ASSET,
    "CURRENT_LIABILITY": AccountClassification.LIABILITY, "FUTURE_LIABILITY": AccountClassification.LIABILITY,
    "EQUITY": AccountClassification.EQUITY,
}


def _record(object_name: str, remote: dict[str, Any], data: Any) -> RemoteRecord:
    key = str(remote["id"])
    return RemoteRecord(object=object_name, remote_key=key, remote_id=key, data=data, remote_data=remote,
                        remote_updated_at=stamp(remote.get("updated_at")), deleted=bool(remote.get("deleted_at")))


def account_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    kind = ref_id(remote.get("ledger_account_type"))
    included = remote.get("included_in_chart")
    return _record("account", remote, Account(
        name=text(remote.get("name")), description=text(remote.get("display_name")),
        classification=CLASSIFICATION.get(kind or ""), type=kind,
        status=None if included is None else AccountStatus.ACTIVE if included else AccountStatus.INACTIVE,
        account_number=None if remote.get("nominal_code") is None else str(remote["nominal_code"]),
    ))


def item_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    prices = [p for p in remote.get("sales_prices") or [] if isinstance(p, dict)]
    active = remote.get("active")
    return _record("item", remote, Item(
        name=text(remote.get("description")) or text(remote.get("item_code")),
        status=None if active is None else RecordStatus.ACTIVE if active else RecordStatus.ARCHIVED,
        unit_price=money(prices[0].get("price")) if prices else None,
        purchase_price=money(remote.get("cost_price")),
        sales_account=ctx.ref("account", ref_id(remote.get("sales_ledger_account"))),
        purchase_account=ctx.ref("account", ref_id(remote.get("purchase_ledger_account"))),
    ))


def tax_rate_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    rate = money(remote.get("percentage"))
    return _record("tax_rate", remote, TaxRate(description=text(remote.get("name")) or text(remote.get("displayed_as")),
                                               total_tax_rate=rate, effective_tax_rate=rate))


def company_to_unified(business: dict[str, Any], settings: dict[str, Any]) -> RemoteRecord:
    """The business (core API ``/businesses/{id}``) with its financial settings (year end, currency, VAT no.)."""
    year_end = text(settings.get("year_end_date"))
    website = text(business.get("website"))
    key = str(business["id"])
    return RemoteRecord(object="company_info", remote_key=key, remote_id=key, remote_data={
        "business": business, "financial_settings": settings}, remote_updated_at=stamp(
        settings.get("updated_at") or business.get("updated_at")), data=CompanyInfo(
        name=text(business.get("name")), legal_name=text(business.get("name")),
        tax_number=text(settings.get("tax_number")),
        fiscal_year_end_month=int(year_end[5:7]) if year_end else None,
        fiscal_year_end_day=int(year_end[8:10]) if year_end else None,
        currency=ref_id(settings.get("base_currency")) or currency(business),
        urls=[website] if website else [], remote_created_at=stamp(business.get("created_at"))))


def percentage(remote: dict[str, Any]) -> Decimal:
    return money(remote.get("percentage")) or Decimal(0)


def tracking_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    """An analysis type category ("Department: Sales") is what a line is tracked by; its type is the kind."""
    analysis_type = remote.get("analysis_type") or {}
    name = text(remote.get("name")) or text(remote.get("displayed_as")) or ""
    kind = text(analysis_type.get("displayed_as"))
    return _record("tracking_category", remote, TrackingCategory(
        name=f"{kind}: {name}" if kind else name, status=RecordStatus.ACTIVE, category_type=kind))
