"""Credit notes: a Tryton ``out`` invoice whose total is negative → the unified credit note. Pure.

Tryton has no separate object: a credit note is an ``account.invoice`` whose total is negative (the credit wizard
negates the quantities). Amounts are shown positive, as credit notes are on paper (quantities and line totals
flipped with them); ``remaining_credit`` is what is left to refund or apply. Such an invoice is still listed under
invoices too, with its negative total, because for Tryton it is one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key
from ledgerbridge.unified.credit_note import CreditNote
from ledgerbridge.unified.invoice import Invoice, InvoiceStatus

# Statuses of a credit note, from the invoice's state (unified credit notes say AUTHORIZED where invoices say OPEN).
_CREDIT_STATUS = {InvoiceStatus.DRAFT: "DRAFT", InvoiceStatus.SUBMITTED: "SUBMITTED", InvoiceStatus.OPEN:
                  "AUTHORIZED", InvoiceStatus.PARTIALLY_PAID: "AUTHORIZED", InvoiceStatus.PAID: "PAID",
                  InvoiceStatus.VOID: "VOID"}


def negated(value: Decimal | None) -> Decimal | None:
    return None if value is None else -value


def to_unified(record: dict[str, Any], invoice: Invoice, ref: RefFn) -> CreditNote:
    """An out invoice with a negative total, as the credit note it is (see the module's notes on signs)."""
    lines = [line.model_copy(update={"quantity": negated(line.quantity), "total_amount": negated(line.total_amount)})
             for line in invoice.line_items]
    payments = [ref("payment", key(MODELS["payment"], line_id)) for line_id in record.get("payment_lines") or []]
    return CreditNote(
        type="ACCOUNTS_RECEIVABLE",
        transaction_date=invoice.issue_date,
        status=_CREDIT_STATUS.get(invoice.status) if invoice.status is not None else None,
        number=invoice.number,
        memo=invoice.memo,
        contact_id=invoice.contact_id,
        company_id=ref("company_info", key(MODELS["company_info"], record.get("company"))),
        currency=invoice.currency,
        sub_total=negated(invoice.sub_total),
        total_tax_amount=negated(invoice.total_tax_amount),
        total_amount=negated(invoice.total_amount),
        remaining_credit=negated(invoice.balance),
        payments=[p for p in payments if p is not None],
        line_items=lines,
        remote_created_at=record.get("create_date"),
    )
