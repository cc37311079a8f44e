"""Vendor credits: a Tryton ``in`` invoice whose total is negative → the unified vendor credit. Pure.

As for credit notes (``credit_note``), amounts are shown positive; one account line per invoice line.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key
from ledgerbridge.connectors.tryton.mapping.credit_note import negated
from ledgerbridge.unified.documents import AccountLine
from ledgerbridge.unified.invoice import Invoice
from ledgerbridge.unified.vendor_credit import VendorCredit


def to_unified(record: dict[str, Any], lines: list[dict[str, Any]], invoice: Invoice,
               ref: RefFn) -> VendorCredit:
    """An in invoice with a negative total: the supplier's credit, one account line per invoice line."""
    currency = invoice.currency
    items = [
        AccountLine(
            remote_id=str(line["id"]),
            net_amount=negated(line.get("amount")),
            description=line.get("description"),
            account_id=ref("account", key(MODELS["account"], line.get("account"))),
            item_id=ref("item", key(MODELS["item"], line.get("product"))),
            tax_rate_id=ref("tax_rate", key(MODELS["tax_rate"], (line.get("taxes") or [None])[0])),
            contact_id=invoice.contact_id,
            currency=currency,
        )
        for line in lines if line.get("type") == "line"
    ]
    return VendorCredit(
        number=invoice.number,
        transaction_date=invoice.issue_date,
        vendor=invoice.contact_id,
        total_amount=negated(invoice.total_amount),
        remaining_credit=negated(invoice.balance),
        currency=currency,
        company_id=ref("company_info", key(MODELS["company_info"], record.get("company"))),
        line_items=items,
    )
