"""Credit notes ⇄ Business Central ``salesCreditMemos`` and their lines."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, money, read_date, record, text
from ledgerbridge.connectors.business_central.mapping.invoice import line_to_unified
from ledgerbridge.connectors.business_central.mapping.lookup import Lookup
from ledgerbridge.unified.credit_note import CreditNote


def to_unified(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Lookup) -> RemoteRecord:
    customer = text(row.get("customerId"))
    return record("credit_note", row, CreditNote(
        type="ACCOUNTS_RECEIVABLE",
        transaction_date=read_date(row.get("creditMemoDate")),
        status=text(row.get("status")),
        number=text(row.get("number")),
        memo=text(row.get("externalDocumentNumber")),
        contact_id=ctx.ref("contact", None if customer is None else f"customers/{customer.lower()}"),
        currency=text(row.get("currencyCode")),
        sub_total=money(row.get("totalAmountExcludingTax")),
        total_tax_amount=money(row.get("totalTaxAmount")),
        total_amount=money(row.get("totalAmountIncludingTax")),
        line_items=[line_to_unified("salesInvoices", line, ctx, lookup)
                    for line in row.get("salesCreditMemoLines") or []],
    ))
