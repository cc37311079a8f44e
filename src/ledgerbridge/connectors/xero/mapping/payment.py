"""Payments ⇄ Xero Payment. Pure.

- Read: a Xero payment pays one invoice or one credit note; that document becomes the payment's one line.
  ``PaymentType`` ACCPAY… is a payment made (AP), every other kind a payment received (AR).
- Write: a Xero Payment pays exactly one invoice (batch payments are a separate API), so a unified payment
  applied to several invoices is refused rather than split into payments the caller did not ask for.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date, write_date
from ledgerbridge.connectors.xero.mapping.common import RefMaker, account_ref, currency_rate, lower_id, money, text
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.payment import Payment, PaymentInput, PaymentLine, PaymentType


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    payment_id = str(remote["PaymentID"]).lower()
    invoice = remote.get("Invoice") or {}
    credit_note = remote.get("CreditNote") or {}
    document = invoice or credit_note
    status = str(remote.get("Status") or "").upper()
    invoice_id = ctx.ref("invoice", lower_id(invoice.get("InvoiceID")))
    credit_note_id = ctx.ref("credit_note", lower_id(credit_note.get("CreditNoteID")))
    transaction_date = read_date(remote.get("Date"))
    total_amount = money(remote.get("Amount"))
    target, kind = (invoice_id, "INVOICE") if invoice_id else (credit_note_id, "CREDIT_NOTE")
    lines = [PaymentLine(applied_amount=total_amount, applied_date=transaction_date, related_object_id=target,
                         related_object_type=kind)] if target else []
    payment = Payment(
        invoice_id=invoice_id,
        transaction_date=transaction_date,
        contact_id=ctx.ref("contact", lower_id((document.get("Contact") or {}).get("ContactID"))),
        account_id=account_ref(ctx, None, (remote.get("Account") or {}).get("AccountID"), None),
        currency=text(document.get("CurrencyCode")),
        exchange_rate=currency_rate(remote),
        total_amount=total_amount,
        type=PaymentType.AP if str(text(remote.get("PaymentType")) or "").startswith("ACCPAY") else PaymentType.AR,
        reference=text(remote.get("Reference")),
        status=status or None,
        line_items=lines,
    )
    return RemoteRecord("payment", payment_id, payment_id, payment, remote, read_date(remote.get("UpdatedDateUTC")),
                        deleted=status == "DELETED")


def validate(body: PaymentInput) -> list[FieldError]:
    if len(body.line_items) > 1:
        return [FieldError("line_items", "a Xero payment pays one invoice; send one payment per invoice")]
    return []


def to_remote(body: PaymentInput, invoice_id: str, account: dict[str, str]) -> dict[str, Any]:
    """The Xero Payment of ``body`` against ``invoice_id`` into ``account`` (``{"AccountID": …}`` or
    ``{"Code": …}``)."""
    line = body.line_items[0]
    payment: dict[str, Any] = {"Invoice": {"InvoiceID": invoice_id}, "Account": account,
                               "Amount": line.applied_amount}
    when = line.applied_date or body.transaction_date
    if when is not None:
        payment["Date"] = write_date(when)
    if body.reference:
        payment["Reference"] = body.reference
    if body.exchange_rate is not None:
        payment["CurrencyRate"] = body.exchange_rate
    return payment
