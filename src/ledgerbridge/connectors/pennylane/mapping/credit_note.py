"""Credit notes ⇄ Pennylane customer invoices that credit another (``credited_invoice``). Pennylane writes a
credit note's amounts and quantities negative; our credit notes state them positive, and the invoice credited
is the one allocation (the whole amount)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping.common import amount, day, stamp, text
from ledgerbridge.connectors.pennylane.mapping.invoice import CUSTOMER_INVOICES
from ledgerbridge.unified.credit_note import AppliedCredit, CreditNote
from ledgerbridge.unified.invoice import InvoiceLineItem


def _positive(value: Any) -> Decimal | None:
    found = amount(value)
    return None if found is None else abs(found)


def to_unified(remote: dict[str, Any], lines: list[dict[str, Any]], ctx: ConnectionContext) -> RemoteRecord:
    customer = (remote.get("customer") or {}).get("id")
    credited = (remote.get("credited_invoice") or {}).get("id")
    total = _positive(remote.get("currency_amount"))
    note = CreditNote(
        type="ACCOUNTS_RECEIVABLE",
        transaction_date=day(remote.get("date")),
        status="DRAFT" if remote.get("draft") else ("PAID" if remote.get("paid") else "AUTHORIZED"),
        number=text(remote.get("invoice_number")) or text(remote.get("external_reference")),
        memo=text(remote.get("pdf_description")) or text(remote.get("label")),
        contact_id=ctx.ref("contact", None if customer is None else f"customers/{customer}"),
        currency=text(remote.get("currency")),
        exchange_rate=text(remote.get("exchange_rate")),
        sub_total=_positive(remote.get("currency_amount_before_tax")),
        total_tax_amount=_positive(remote.get("currency_tax")),
        total_amount=total,
        remaining_credit=_positive(remote.get("remaining_amount_with_tax")),
        applied_payments=[] if credited is None else [AppliedCredit(
            invoice_id=ctx.ref("invoice", f"{CUSTOMER_INVOICES}/{credited}"), amount=total,
            date=day(remote.get("date")))],
        line_items=[InvoiceLineItem(
            remote_id=str(line["id"]), description=text(line.get("label")),
            quantity=_positive(line.get("quantity")), unit_price=amount(line.get("raw_currency_unit_price")),
            total_amount=_positive(line.get("currency_amount_before_tax")),
            tax_rate_id=ctx.ref("tax_rate", text(line.get("vat_rate")))) for line in lines],
    )
    return RemoteRecord(object="credit_note", remote_key=str(remote["id"]), remote_id=str(remote["id"]), data=note,
                        remote_data=remote, remote_updated_at=stamp(remote.get("updated_at")))
