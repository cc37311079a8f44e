"""Bank transactions, Xero → unified transaction (read only; every Type: RECEIVE, SPEND, transfers…). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, account_ref, lower_id, money, text
from ledgerbridge.unified.documents import PricedLine
from ledgerbridge.unified.transaction import Transaction


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None = None) -> RemoteRecord:
    remote_id = str(remote["BankTransactionID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    lines = [
        PricedLine(
            remote_id=lower_id(line.get("LineItemID")), description=text(line.get("Description")),
            unit_price=money(line.get("UnitAmount")), quantity=money(line.get("Quantity")),
            total_line_amount=money(line.get("LineAmount")), tax_amount=money(line.get("TaxAmount")),
            account_id=account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
            tax_rate_id=ctx.ref("tax_rate", text(line.get("TaxType"))), currency=currency,
        )
        for line in remote.get("LineItems") or []
    ]
    status = str(remote.get("Status") or "").upper()
    rate = money(remote.get("CurrencyRate"))
    data = Transaction(
        transaction_type=text(remote.get("Type")), number=text(remote.get("Reference")),
        transaction_date=read_date(remote.get("Date")), total_amount=money(remote.get("Total")),
        exchange_rate=str(rate) if rate else None, currency=currency, status=status or None,
        account_id=ctx.ref("account", lower_id((remote.get("BankAccount") or {}).get("AccountID"))),
        contact_id=ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID"))),
        line_items=lines,
    )
    return RemoteRecord("transaction", remote_id, remote_id, data, remote, read_date(remote.get("UpdatedDateUTC")),
                        deleted=status == "DELETED")
