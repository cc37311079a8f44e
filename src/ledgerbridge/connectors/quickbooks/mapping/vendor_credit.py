"""Vendor credits ← QBO VendorCredit (read only). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, currency, key, money, read_date, ref_id
from ledgerbridge.connectors.quickbooks.mapping.transaction import account_lines, exchange_rate, record
from ledgerbridge.unified.vendor_credit import VendorCredit


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("VendorCredit", str(remote["Id"]))
    credit = VendorCredit(
        number=remote.get("DocNumber"),
        transaction_date=read_date(remote.get("TxnDate")),
        vendor=ref_id(ctx, "contact", "Vendor", remote, "VendorRef"),
        total_amount=money(remote.get("TotalAmt")),
        remaining_credit=money(remote.get("Balance")),
        currency=currency(remote),
        exchange_rate=exchange_rate(remote),
        line_items=account_lines("vendor_credit", parent, remote, ctx),
    )
    return record("vendor_credit", "VendorCredit", remote, credit)
