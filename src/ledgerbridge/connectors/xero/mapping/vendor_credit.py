"""Vendor credits, Xero → unified (read only): supplier credits (``ACCPAYCREDIT`` credit notes). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, currency_rate, lower_id, money, text
from ledgerbridge.connectors.xero.mapping.credit_note import TYPES
from ledgerbridge.connectors.xero.mapping.lines import account_line, all_tracking
from ledgerbridge.unified.vendor_credit import VendorCredit


def is_vendor_credit(remote: dict[str, Any]) -> bool:
    return TYPES.get(str(remote.get("Type") or "")) == "ACCOUNTS_PAYABLE"


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    remote_id = str(remote.get("CreditNoteID") or remote["ID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    lines = [account_line(ctx, lookup, line, currency) for line in remote.get("LineItems") or []]
    data = VendorCredit(
        number=text(remote.get("CreditNoteNumber")), transaction_date=read_date(remote.get("Date")),
        vendor=ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID"))),
        total_amount=money(remote.get("Total")), remaining_credit=money(remote.get("RemainingCredit")),
        currency=currency, exchange_rate=currency_rate(remote), tracking_categories=all_tracking(lines),
        line_items=lines,
    )
    status = str(remote.get("Status") or "").upper()
    return RemoteRecord("vendor_credit", remote_id, remote_id, data, remote,
                        read_date(remote.get("UpdatedDateUTC")), deleted=status in ("DELETED", "VOIDED"))
