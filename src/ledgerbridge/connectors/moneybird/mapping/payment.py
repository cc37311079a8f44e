"""Payments ⇄ Moneybird payments (on a sales invoice, or on a purchase invoice: ``invoice_type`` "Document").

Moneybird lists payments only inside their invoices (``GET /payments/{id}`` reads one): a payment's invoice is
``sales_invoices/{invoice_id}`` or ``purchase_invoices/{invoice_id}``. A payment settles one invoice: ``price``
is its amount, ``payment_date`` its date.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.moneybird.mapping.common import RefMaker, money, read_date, wire_money, write_date
from ledgerbridge.unified.payment import Payment, PaymentInput, PaymentLine, PaymentType

INVOICE_KIND = {"SalesInvoice": "sales_invoices", "Document": "purchase_invoices"}


def to_unified(row: dict[str, Any], ctx: RefMaker, currency: str | None = None) -> RemoteRecord:
    kind = INVOICE_KIND.get(str(row.get("invoice_type")), "sales_invoices")
    invoice = ctx.ref("invoice", f"{kind}/{row['invoice_id']}")
    amount = money(row.get("price"))
    payment = Payment(
        invoice_id=invoice, transaction_date=read_date(row.get("payment_date")), currency=currency,
        total_amount=amount, type=PaymentType.AR if kind == "sales_invoices" else PaymentType.AP,
        reference=row.get("transaction_identifier"),
        line_items=[PaymentLine(applied_amount=amount, applied_date=read_date(row.get("payment_date")),
                                related_object_id=invoice, related_object_type="INVOICE")],
    )
    return RemoteRecord(object="payment", remote_key=str(row["id"]), remote_id=str(row["id"]), data=payment,
                        remote_data=row, remote_updated_at=read_date(row.get("updated_at")))


def to_remote(body: PaymentInput, amount: Any) -> dict[str, Any]:
    attrs: dict[str, Any] = {"price": wire_money(amount), "payment_date": write_date(body.transaction_date),
                             "manual_payment_action": "payment_without_proof"}
    if body.reference:
        attrs["transaction_identifier"] = body.reference
    return {"payment": attrs}
