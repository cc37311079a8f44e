"""Credit notes ← QBO CreditMemo (read only): lines and totals as an invoice's. Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import (
    RefMaker,
    currency,
    money,
    read_date,
    read_timestamp,
    ref_id,
)
from ledgerbridge.connectors.quickbooks.mapping.invoice import to_unified as invoice_to_unified
from ledgerbridge.connectors.quickbooks.mapping.transaction import exchange_rate, record
from ledgerbridge.unified.credit_note import CreditNote


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    # A CreditMemo has the Invoice's line shape: reuse the invoice mapping for lines and totals, keyed as the
    # CreditMemo it is (QBO numbers each type apart: an Invoice of the same Id must not share its lines' ids).
    as_invoice = invoice_to_unified("CreditMemo", {**remote, "Balance": remote.get("RemainingCredit")}, ctx).data
    remaining = money(remote.get("RemainingCredit"))
    total = money(remote.get("TotalAmt"))
    note = CreditNote(
        type="ACCOUNTS_RECEIVABLE",
        transaction_date=read_date(remote.get("TxnDate")),
        status="PAID" if remaining == 0 and total else "AUTHORIZED",
        number=remote.get("DocNumber"),
        memo=remote.get("PrivateNote"),
        contact_id=ref_id(ctx, "contact", "Customer", remote, "CustomerRef"),
        currency=currency(remote),
        exchange_rate=exchange_rate(remote),
        sub_total=getattr(as_invoice, "sub_total", None),
        total_tax_amount=getattr(as_invoice, "total_tax_amount", None),
        total_amount=total,
        remaining_credit=remaining,
        tracking_categories=getattr(as_invoice, "tracking_categories", []),
        line_items=getattr(as_invoice, "line_items", []),
        remote_created_at=read_timestamp((remote.get("MetaData") or {}).get("CreateTime")),
    )
    return record("credit_note", "CreditMemo", remote, note)
