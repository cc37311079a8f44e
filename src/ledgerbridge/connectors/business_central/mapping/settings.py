"""The reference objects ⇄ Business Central: ``accounts`` (read-only in v1.0), ``items``, ``taxGroups``,
``companyInformation``, ``customerPayments`` and ``salesCreditMemos``."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, id_of, money, read_date, text
from ledgerbridge.connectors.business_central.mapping.invoice import line_to_unified
from ledgerbridge.connectors.business_central.mapping.lookup import Lookup
from ledgerbridge.unified.account import Account, AccountClassification
from ledgerbridge.unified.company_info import CompanyInfo
from ledgerbridge.unified.credit_note import CreditNote
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.payment import Payment, PaymentLine, PaymentType
from ledgerbridge.unified.status import AccountStatus, RecordStatus
from ledgerbridge.unified.tax_rate import TaxRate

_CLASSIFICATION = {"Assets": AccountClassification.ASSET, "Liabilities": AccountClassification.LIABILITY,
                   "Equity": AccountClassification.EQUITY, "Income": AccountClassification.REVENUE,
                   "CostOfGoodsSold": AccountClassification.EXPENSE, "Expense": AccountClassification.EXPENSE}


def _record(object_name: str, row: dict[str, Any], data: Any) -> RemoteRecord:
    ident = id_of(row)
    return RemoteRecord(object=object_name, remote_key=ident, remote_id=ident, data=data, remote_data=row,
                        remote_updated_at=read_date(row.get("lastModifiedDateTime")))


def account(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    return _record("account", row, Account(
        name=text(row.get("displayName")),
        classification=_CLASSIFICATION.get(str(row.get("category")), AccountClassification.EXPENSE),
        type=text(row.get("subCategory")),
        status=AccountStatus.INACTIVE if row.get("blocked") else AccountStatus.ACTIVE,
        account_number=text(row.get("number")),
    ))


def item(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    return _record("item", row, Item(
        name=text(row.get("displayName")),
        status=RecordStatus.ARCHIVED if row.get("blocked") else RecordStatus.ACTIVE,
        unit_price=money(row.get("unitPrice")),
        purchase_price=money(row.get("unitCost")),
    ))


def tax_rate(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    """A tax group. The v1.0 API gives tax groups no percent (Business Central applies it per line, as
    ``taxPercent``), so the rate stays unknown here."""
    return _record("tax_rate", row, TaxRate(description=text(row.get("displayName")) or text(row.get("code"))))


def company_info(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    return _record("company_info", row, CompanyInfo(
        name=text(row.get("displayName")),
        legal_name=text(row.get("displayName")),
        tax_number=text(row.get("taxRegistrationNumber")),
        currency=text(row.get("currencyCode")),
        urls=[u for u in (text(row.get("website")),) if u],
    ))


def payment(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    """A customer payment (cash receipt); v1.0 has no vendor payments."""
    invoice = text(row.get("appliesToInvoiceId"))
    amount = money(row.get("amount"))
    invoice_ref = ctx.ref("invoice", None if invoice is None else f"salesInvoices/{invoice.lower()}")
    customer = text(row.get("customerId"))
    lines = [] if invoice_ref is None or amount is None else [PaymentLine(applied_amount=amount,
                                                                          related_object_id=invoice_ref,
                                                                          related_object_type="INVOICE")]
    return _record("payment", row, Payment(
        invoice_id=invoice_ref,
        transaction_date=read_date(row.get("postingDate")),
        contact_id=ctx.ref("contact", None if customer is None else f"customers/{customer.lower()}"),
        total_amount=amount,
        type=PaymentType.AR,
        reference=text(row.get("externalDocumentNumber")) or text(row.get("documentNumber")),
        line_items=lines,
    ))


def credit_note(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Lookup) -> RemoteRecord:
    customer = text(row.get("customerId"))
    return _record("credit_note", row, CreditNote(
        type="ACCOUNTS_RECEIVABLE",
        transaction_date=read_date(row.get("creditMemoDate")),
        status=text(row.get("status")),
        number=text(row.get("number")),
        memo=text(row.get("externalDocumentNumber")),
        contact_id=ctx.ref("contact", None if customer is None else f"customers/{customer.lower()}"),
        currency=text(row.get("currencyCode")),
        sub_total=money(row.get("totalAmountExcludingTax")),
        total_tax_amount=money(row.get("totalTaxAmount")),
        total_amount=money(row.get("totalAmountIncludingTax")),
        line_items=[line_to_unified("salesInvoices", line, ctx, lookup)
                    for line in row.get("salesCreditMemoLines") or []],
    ))
