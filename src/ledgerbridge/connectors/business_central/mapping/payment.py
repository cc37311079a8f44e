"""Payments ⇄ Business Central ``customerPayments`` (cash receipts applied to a sales invoice)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, money, read_date, record, text
from ledgerbridge.unified.payment import Payment, PaymentLine, PaymentType


def to_unified(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    """A customer payment (cash receipt); v1.0 has no vendor payments."""
    invoice = text(row.get("appliesToInvoiceId"))
    amount = money(row.get("amount"))
    invoice_ref = ctx.ref("invoice", None if invoice is None else f"salesInvoices/{invoice.lower()}")
    customer = text(row.get("customerId"))
    lines = [] if invoice_ref is None or amount is None else [PaymentLine(applied_amount=amount,
                                                                          related_object_id=invoice_ref,
                                                                          related_object_type="INVOICE")]
    return record("payment", row, Payment(
        invoice_id=invoice_ref,
        transaction_date=read_date(row.get("postingDate")),
        contact_id=ctx.ref("contact", None if customer is None else f"customers/{customer.lower()}"),
        total_amount=amount,
        type=PaymentType.AR,
        reference=text(row.get("externalDocumentNumber")) or text(row.get("documentNumber")),
        line_items=lines,
    ))
