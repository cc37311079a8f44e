"""Credit notes, Xero → unified (read only, into a plain dict until a unified CreditNote model exists).

Fields follow Panora's credit note: transaction_date, status, number, contact_id, currency, exchange_rate,
total_amount, remaining_credit, tracking_categories, payments, applied_payments (here: allocations to invoices,
``{"invoice_id", "amount", "date"}``) and line_items (same shape as invoice lines). Xero answers with both
``CreditNoteID`` and ``ID`` (same value); the former is used.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, lower_id, money, text
from ledgerbridge.connectors.xero.mapping.invoice import line_to_unified

TYPES = {"ACCRECCREDIT": "ACCOUNTS_RECEIVABLE", "ACCPAYCREDIT": "ACCOUNTS_PAYABLE"}
_STATUS = {"DRAFT": "DRAFT", "SUBMITTED": "SUBMITTED", "AUTHORISED": "OPEN", "PAID": "PAID", "VOIDED": "VOID"}


def is_customer_credit(remote: dict[str, Any]) -> bool:
    """An ACCRECCREDIT: the unified credit_note. Supplier credits (ACCPAYCREDIT) are vendor_credit records."""
    return TYPES.get(str(remote.get("Type") or "")) == "ACCOUNTS_RECEIVABLE"


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None = None) -> dict[str, Any]:
    credit_id = str(remote.get("CreditNoteID") or remote["ID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    rate = money(remote.get("CurrencyRate"))
    status = str(remote.get("Status") or "").upper()
    lines = [line_to_unified(credit_id, line, ctx, lookup, currency) for line in remote.get("LineItems") or []]
    return {
        "remote_id": credit_id,
        "type": TYPES.get(str(remote.get("Type") or "")),
        "number": text(remote.get("CreditNoteNumber")),
        "memo": text(remote.get("Reference")),
        "transaction_date": read_date(remote.get("Date")),
        "paid_on_date": read_date(remote.get("FullyPaidOnDate")),
        "status": _STATUS.get(status),
        "contact_id": ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID"))),
        "currency": currency,
        "exchange_rate": str(rate) if rate is not None and rate > 0 else None,
        "sub_total": money(remote.get("SubTotal")),
        "total_tax_amount": money(remote.get("TotalTax")),
        "total_amount": money(remote.get("Total")),
        "remaining_credit": money(remote.get("RemainingCredit")),
        "tracking_categories": sorted({t for line in lines for t in line.tracking_categories}, key=str),
        "payments": [ctx.ref("payment", lower_id(p.get("PaymentID"))) for p in remote.get("Payments") or []
                     if p.get("PaymentID")],
        "applied_payments": [
            {
                "invoice_id": ctx.ref("invoice", lower_id((a.get("Invoice") or {}).get("InvoiceID"))),
                "amount": money(a.get("Amount")),
                "date": read_date(a.get("Date")),
            }
            for a in remote.get("Allocations") or []
        ],
        "line_items": [line.model_dump() for line in lines],
        "remote_updated_at": read_date(remote.get("UpdatedDateUTC")),
        "remote_was_deleted": status == "DELETED",
    }
