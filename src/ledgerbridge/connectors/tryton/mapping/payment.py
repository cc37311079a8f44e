"""Payments: a Tryton payment line → the unified payment. Pure.

A payment is one line of an invoice's ``payment_lines`` (``account.move.line``): the line the ``account.invoice.pay``
wizard (or a bank statement) books on the invoice's receivable/payable account. Its key is
``account.move.line/<id>``; the amount is what it settles, positive (a customer's credit, a supplier's debit);
``account_id`` is the other side of its move (the payment method's cash account). A direct reconciliation that adds
no payment line (lines matched by hand) pays the invoice without being a payment here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key, nested, to_instant
from ledgerbridge.unified.payment import Payment, PaymentLine, PaymentType

FIELDS = ["move", "move.number", "move.state", "move.description", "date", "account", "debit", "credit", "party",
          "description", "amount_second_currency", "second_currency", "invoice_payment", "create_date",
          "write_date"]
INVOICE_FIELDS = ["type", "total_amount", "currency", "currency.code", "company", "account"]
COUNTERPART_FIELDS = ["move", "account"]


def payment_amount(line: dict[str, Any], invoice: dict[str, Any]) -> Decimal:
    """What the line settles, in the invoice's currency: positive for a payment, negative for a refund."""
    debit, credit = line.get("debit") or Decimal(0), line.get("credit") or Decimal(0)
    signed = credit - debit if invoice.get("type") == "out" else debit - credit
    second = line.get("amount_second_currency")
    if second is not None and line.get("second_currency") == invoice.get("currency"):
        # A payment in the invoice's foreign currency: its own amount, signed like the company one.
        return abs(second) if signed >= 0 else -abs(second)
    return signed


def to_unified(line: dict[str, Any], invoice: dict[str, Any], counterpart_account: int | None,
               ref: RefFn) -> Payment:
    amount = payment_amount(line, invoice)
    credit_note = (invoice.get("total_amount") or Decimal(0)) < 0
    related = ("credit_note" if invoice.get("type") == "out" else "vendor_credit") if credit_note else "invoice"
    invoice_key = key(MODELS["invoice"], line.get("invoice_payment"))
    document = ref(related, invoice_key)
    day = to_instant(line.get("date"))
    line_key = key(MODELS["payment"], line["id"])
    return Payment(
        invoice_id=None if credit_note else document,
        transaction_date=day,
        contact_id=ref("contact", key(MODELS["contact"], line.get("party"))),
        account_id=ref("account", key(MODELS["account"], counterpart_account)),
        currency=nested(invoice, "currency.code"),
        # A refund of a credit note is money going the other way: shown as a positive payment against the note.
        total_amount=abs(amount),
        type=PaymentType.AR if invoice.get("type") == "out" else PaymentType.AP,
        reference=line.get("description") or nested(line, "move.description") or nested(line, "move.number"),
        status="POSTED" if nested(line, "move.state") == "posted" else "DRAFT",
        company_info_id=ref("company_info", key(MODELS["company_info"], invoice.get("company"))),
        line_items=[PaymentLine(
            id=ref("payment_line_item", f"{line_key}#{invoice_key}"), remote_id=str(line["id"]),
            applied_amount=abs(amount), applied_date=day, related_object_id=document,
            related_object_type=related.upper())],
    )
