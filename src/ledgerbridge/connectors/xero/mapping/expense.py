"""Expenses ⇄ Xero SPEND bank transactions. Pure.

Xero prices lines and computes the totals itself (``LineAmountTypes`` Exclusive: tax on top), so writes send
lines only and the stored totals are Xero's. A voided or deleted spend is gone for our purposes.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date, write_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, currency_rate, lower_id, money, text
from ledgerbridge.connectors.xero.mapping.lines import account_line, all_tracking, coded_line
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.expense import Expense, ExpenseInput

EXPENSE_TYPE = "SPEND"


def is_expense(remote: dict[str, Any]) -> bool:
    """A SPEND: the list filters by Type, but a retrieve by id can land on another kind of bank transaction."""
    return remote.get("Type") == EXPENSE_TYPE


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    remote_id = str(remote["BankTransactionID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    lines = [account_line(ctx, lookup, line, currency) for line in remote.get("LineItems") or []]
    data = Expense(
        transaction_date=read_date(remote.get("Date")), total_amount=money(remote.get("Total")),
        sub_total=money(remote.get("SubTotal")), total_tax_amount=money(remote.get("TotalTax")),
        currency=currency, exchange_rate=currency_rate(remote), memo=text(remote.get("Reference")),
        account_id=ctx.ref("account", lower_id((remote.get("BankAccount") or {}).get("AccountID"))),
        contact_id=ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID"))),
        tracking_categories=all_tracking(lines),
        line_items=lines,
    )
    status = str(remote.get("Status") or "").upper()
    return RemoteRecord("expense", remote_id, remote_id, data, remote, read_date(remote.get("UpdatedDateUTC")),
                        deleted=status in ("DELETED", "VOIDED"))


def validate(body: ExpenseInput) -> list[FieldError]:
    if body.contact_id is None:
        return [FieldError("contact_id", "Xero records a spend money transaction against a contact; give the payee")]
    return []


def to_remote(body: ExpenseInput, refs: Refs, lookup: Lookup) -> dict[str, Any]:
    """A SPEND BankTransaction; lines are net amounts (Quantity 1), tax added on top as Xero computes it."""
    lines = [coded_line({"Quantity": 1, "UnitAmount": line.net_amount}, line, body.tracking_categories, refs, lookup)
             for line in body.line_items]
    transaction: dict[str, Any] = {
        "Type": EXPENSE_TYPE, "Contact": {"ContactID": refs.remote_id(body.contact_id)},
        "BankAccount": {"AccountID": refs.remote_id(body.account_id)}, "LineItems": lines,
        "LineAmountTypes": "Exclusive",
    }
    if body.transaction_date is not None:
        transaction["Date"] = write_date(body.transaction_date)
    if body.memo:
        transaction["Reference"] = body.memo
    if body.currency:
        transaction["CurrencyCode"] = body.currency
    return transaction
