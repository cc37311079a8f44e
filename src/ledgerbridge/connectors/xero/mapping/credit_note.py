"""Credit notes, Xero → unified (read only). Pure.

Xero's CreditNotes hold both kinds: customer credits (``ACCRECCREDIT``) are unified credit notes, supplier
credits (``ACCPAYCREDIT``) vendor credits (:mod:`.vendor_credit`). Lines have the shape of invoice lines;
``applied_payments`` are the allocations to invoices. Xero answers with both ``CreditNoteID`` and ``ID`` (same
value); the former is used.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, currency_rate, lower_id, money, text
from ledgerbridge.connectors.xero.mapping.invoice import line_to_unified
from ledgerbridge.connectors.xero.mapping.lines import all_tracking
from ledgerbridge.unified.credit_note import AppliedCredit, CreditNote

TYPES = {"ACCRECCREDIT": "ACCOUNTS_RECEIVABLE", "ACCPAYCREDIT": "ACCOUNTS_PAYABLE"}
_STATUS = {"DRAFT": "DRAFT", "SUBMITTED": "SUBMITTED", "AUTHORISED": "AUTHORIZED", "PAID": "PAID", "VOIDED": "VOID"}


def is_customer_credit(remote: dict[str, Any]) -> bool:
    """An ACCRECCREDIT: the unified credit_note. Supplier credits (ACCPAYCREDIT) are vendor_credit records."""
    return TYPES.get(str(remote.get("Type") or "")) == "ACCOUNTS_RECEIVABLE"


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None = None) -> RemoteRecord:
    credit_id = str(remote.get("CreditNoteID") or remote["ID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    status = str(remote.get("Status") or "").upper()
    lines = [line_to_unified(credit_id, line, ctx, lookup, currency) for line in remote.get("LineItems") or []]
    credit = CreditNote(
        type=TYPES.get(str(remote.get("Type") or "")),
        number=text(remote.get("CreditNoteNumber")),
        memo=text(remote.get("Reference")),
        transaction_date=read_date(remote.get("Date")),
        status=_STATUS.get(status),
        contact_id=ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID"))),
        currency=currency,
        exchange_rate=currency_rate(remote),
        sub_total=money(remote.get("SubTotal")),
        total_tax_amount=money(remote.get("TotalTax")),
        total_amount=money(remote.get("Total")),
        remaining_credit=money(remote.get("RemainingCredit")),
        tracking_categories=all_tracking(lines),
        payments=[ref for p in remote.get("Payments") or [] if p.get("PaymentID")
                  if (ref := ctx.ref("payment", lower_id(p.get("PaymentID")))) is not None],
        applied_payments=[
            AppliedCredit(
                invoice_id=ctx.ref("invoice", lower_id((a.get("Invoice") or {}).get("InvoiceID"))),
                amount=money(a.get("Amount")),
                date=read_date(a.get("Date")),
            )
            for a in remote.get("Allocations") or []
        ],
        line_items=lines,
    )
    return RemoteRecord("credit_note", credit_id, credit_id, credit, remote, read_date(remote.get("UpdatedDateUTC")),
                        deleted=status == "DELETED")
