"""Payments ⇄ QBO Payment: receivable payments applied to invoices (a BillPayment is not supported). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import (
    RefMaker,
    currency,
    key,
    money,
    read_date,
    ref_id,
    ref_value,
)
from ledgerbridge.connectors.quickbooks.mapping.transaction import entity_of, exchange_rate, header, record, value_ref
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.payment import Payment, PaymentInput, PaymentLine, PaymentType


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("Payment", str(remote["Id"]))
    lines = []
    for number, line in enumerate(remote.get("Line") or []):
        for txn in line.get("LinkedTxn") or []:
            kind = txn.get("TxnType")
            target = {"Invoice": "invoice", "CreditMemo": "credit_note", "JournalEntry": "journal_entry"}.get(kind)
            if target is None:
                continue
            lines.append(PaymentLine(
                id=ctx.ref("payment_line_item", f"{parent}#{number}/{kind}/{txn.get('TxnId')}"),
                applied_amount=money(line.get("Amount")),
                applied_date=read_date(remote.get("TxnDate")),
                related_object_id=ctx.ref(target, key(kind, str(txn.get("TxnId")))),
                related_object_type=target.upper(),
            ))
    invoices = [line.related_object_id for line in lines if line.related_object_type == "INVOICE"]
    payment = Payment(
        invoice_id=invoices[0] if len(invoices) == 1 else None,
        transaction_date=read_date(remote.get("TxnDate")),
        contact_id=ref_id(ctx, "contact", "Customer", remote, "CustomerRef"),
        account_id=ref_id(ctx, "account", "Account", remote, "DepositToAccountRef"),
        currency=currency(remote),
        exchange_rate=exchange_rate(remote),
        total_amount=money(remote.get("TotalAmt")),
        type=PaymentType.AR,
        reference=remote.get("PaymentRefNum"),
        status="VOIDED" if (remote.get("PrivateNote") or "").startswith("Voided") else "POSTED",
        line_items=lines,
    )
    return record("payment", "Payment", remote, payment)


def to_remote(body: PaymentInput, refs: Refs, customer: str) -> dict[str, Any]:
    remote: dict[str, Any] = {
        "CustomerRef": {"value": customer},
        "TotalAmt": body.total_amount,
        "Line": [{"Amount": line.applied_amount,
                  "LinkedTxn": [{"TxnId": refs.remote_id(line.related_object_id), "TxnType": "Invoice"}]}
                 for line in body.line_items],
    }
    if (account := value_ref(refs, body.account_id)) is not None:
        remote["DepositToAccountRef"] = account
    if body.reference:
        remote["PaymentRefNum"] = body.reference
    return header(remote, date=body.transaction_date, currency_code=body.currency, rate=body.exchange_rate,
                   memo=None)


def validate(body: PaymentInput, refs: Refs) -> list[FieldError]:
    """Only receivable payments of invoices: paying a bill needs a QBO BillPayment, not supported here."""
    errors = [FieldError(f"line_items[{i}].related_object_id",
                         "QuickBooks records payments of customer invoices here; paying a bill needs a "
                         "BillPayment, which is not supported")
              for i, line in enumerate(body.line_items)
              if entity_of(refs, line.related_object_id) not in (None, "Invoice")]
    if body.type is not None and body.type.value == "AP":
        errors.append(FieldError("type", "QuickBooks payments here are AR (customer) payments only"))
    return errors


def invoice_customer(invoice: dict[str, Any]) -> str | None:
    return ref_value(invoice, "CustomerRef")
