"""Credit notes ⇄ Moneybird credit invoices: sales invoices made from another (``original_sales_invoice_id``) or
negative in total. Moneybird states their amounts negative; a credit note's are positive, so they are negated."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.moneybird.mapping.common import RefMaker, ident, money, read_date, text
from ledgerbridge.connectors.moneybird.mapping.invoice import SALES, line_to_unified
from ledgerbridge.unified.credit_note import CreditNote

STATUS = {"draft": "DRAFT", "scheduled": "SUBMITTED", "paid": "PAID", "uncollectible": "VOID"}


def _positive(value: Any) -> Decimal | None:
    amount = money(value)
    return None if amount is None else -amount


def to_unified(row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    doc_id = str(row["id"])
    currency = text(row.get("currency"))
    excl, incl = _positive(row.get("total_price_excl_tax")), _positive(row.get("total_price_incl_tax"))
    lines = []
    for detail in row.get("details") or []:
        line = line_to_unified(SALES, doc_id, detail, ctx, currency)
        lines.append(line.model_copy(update={"unit_price": -line.unit_price if line.unit_price is not None else None,
                                             "total_amount": -line.total_amount
                                             if line.total_amount is not None else None}))
    credit = CreditNote(
        type="ACCOUNTS_RECEIVABLE", transaction_date=read_date(row.get("invoice_date")),
        status=STATUS.get(str(row.get("state")), "AUTHORIZED"), number=text(row.get("invoice_id")),
        memo=text(row.get("reference")), contact_id=ctx.ref("contact", ident(row.get("contact_id"))),
        currency=currency, sub_total=excl, total_tax_amount=incl - excl if incl is not None and excl is not None
        else None, total_amount=incl, remaining_credit=_positive(row.get("total_unpaid")), line_items=lines,
        remote_created_at=read_date(row.get("created_at")))
    return RemoteRecord(object="credit_note", remote_key=doc_id, remote_id=doc_id, data=credit, remote_data=row,
                        remote_updated_at=read_date(row.get("updated_at")))
