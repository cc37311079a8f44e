"""Payments, Xero → unified (read only, into a plain dict: the unified Payment model does not exist yet).

Fields follow Panora's payment: invoice_id, transaction_date, contact_id, account_id, currency, exchange_rate,
total_amount, type, plus status and remote_was_deleted. ``type`` is Xero's PaymentType (ACCRECPAYMENT…).
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import RefMaker, account_ref, lower_id, money, text


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> dict[str, Any]:
    payment_id = str(remote["PaymentID"]).lower()
    invoice = remote.get("Invoice") or {}
    credit_note = remote.get("CreditNote") or {}
    document = invoice or credit_note
    account = remote.get("Account") or {}
    rate = money(remote.get("CurrencyRate"))
    status = str(remote.get("Status") or "").upper()
    return {
        "remote_id": payment_id,
        "invoice_id": ctx.ref("invoice", lower_id(invoice.get("InvoiceID"))),
        "credit_note_id": ctx.ref("credit_note", lower_id(credit_note.get("CreditNoteID"))),
        "transaction_date": read_date(remote.get("Date")),
        "contact_id": ctx.ref("contact", lower_id((document.get("Contact") or {}).get("ContactID"))),
        "account_id": account_ref(ctx, None, account.get("AccountID"), None),
        "currency": text(document.get("CurrencyCode")),
        "exchange_rate": str(rate) if rate is not None and rate > 0 else None,
        "total_amount": money(remote.get("Amount")),
        "type": text(remote.get("PaymentType")),
        "reference": text(remote.get("Reference")),
        "status": status or None,
        "remote_updated_at": read_date(remote.get("UpdatedDateUTC")),
        "remote_was_deleted": status == "DELETED",
    }
