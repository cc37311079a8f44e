"""Payments ⇄ FreeAgent bank transaction explanations that pay an invoice (``paid_invoice``, money in) or a
bill (``paid_bill``, money out). Other explanations (booked to a category) are not payments."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import RefMaker, day, key_of, money, text
from ledgerbridge.unified.payment import Payment, PaymentLine, PaymentType


def is_payment(remote: dict[str, Any]) -> bool:
    return bool(remote.get("paid_invoice") or remote.get("paid_bill"))


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(key_of(remote["url"]))
    receivable = bool(remote.get("paid_invoice"))
    paid = key_of(remote.get("paid_invoice") or remote.get("paid_bill"))
    invoice_key = f"{'invoices' if receivable else 'bills'}/{paid}" if paid else None
    amount = money(remote.get("gross_value"))
    total = abs(amount) if amount is not None else None
    invoice_id = ctx.ref("invoice", invoice_key)
    payment = Payment(
        invoice_id=invoice_id,
        transaction_date=day(remote.get("dated_on")),
        total_amount=total,
        type=PaymentType.AR if receivable else PaymentType.AP,
        reference=text(remote.get("description")),
        line_items=[PaymentLine(applied_amount=total, applied_date=day(remote.get("dated_on")),
                                related_object_id=invoice_id, related_object_type="INVOICE")] if invoice_id else [],
    )
    return RemoteRecord(object="payment", remote_key=key, remote_id=key, data=payment, remote_data=remote,
                        remote_updated_at=day(remote.get("updated_at")))
