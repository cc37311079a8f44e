"""Expenses ⇄ QBO Purchase (paid from a Bank or Credit Card account). Pure.

A Purchase with ``Credit: true`` is a credit-card refund (money back onto the card): QBO states its amounts as
positive numbers, so it reads as an expense with negative amounts. (Unified expense lines are positive on input,
so a refund is not written through this object.)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import (
    RefMaker,
    currency,
    key,
    money,
    read_date,
    read_timestamp,
    ref_id,
    split_key,
)
from ledgerbridge.connectors.quickbooks.mapping.transaction import (
    account_lines,
    entity_contact,
    exchange_rate,
    expense_lines,
    header,
    record,
    value_ref,
)
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.expense import Expense, ExpenseInput


def _signed(amount: Decimal | None, sign: Decimal) -> Decimal | None:
    return None if amount is None else amount * sign


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("Purchase", str(remote["Id"]))
    sign = Decimal(-1) if remote.get("Credit") is True else Decimal(1)
    lines = [line.model_copy(update={"net_amount": _signed(line.net_amount, sign)})
             for line in account_lines("expense", parent, remote, ctx)]
    tax = _signed(money((remote.get("TxnTaxDetail") or {}).get("TotalTax")), sign)
    expense = Expense(
        transaction_date=read_date(remote.get("TxnDate")),
        total_amount=_signed(money(remote.get("TotalAmt")), sign),
        sub_total=sum((line.net_amount or Decimal(0) for line in lines), Decimal(0)),
        total_tax_amount=tax,
        currency=currency(remote),
        exchange_rate=exchange_rate(remote),
        memo=remote.get("PrivateNote"),
        account_id=ref_id(ctx, "account", "Account", remote, "AccountRef"),
        contact_id=entity_contact(ctx, remote),
        tracking_categories=[t for t in [ref_id(ctx, "tracking_category", "Department", remote, "DepartmentRef")] if t],
        line_items=lines,
        remote_created_at=read_timestamp((remote.get("MetaData") or {}).get("CreateTime")),
    )
    return record("expense", "Purchase", remote, expense)


def to_remote(body: ExpenseInput, refs: Refs) -> dict[str, Any]:
    account = refs.get(body.account_id)
    credit_card = account is not None and account.data.get("type") == "Credit Card"
    remote: dict[str, Any] = {
        "AccountRef": value_ref(refs, body.account_id),
        "PaymentType": "CreditCard" if credit_card else "Cash",
        "Line": expense_lines(body.line_items, refs, lambda line: line.net_amount),
    }
    if (contact := refs.get(body.contact_id)) is not None:
        remote["EntityRef"] = {"value": contact.remote_id, "type": split_key(contact.remote_key)[0]}
    for unified_id in body.tracking_categories:
        ref = refs.get(unified_id)
        if ref is not None and ref.remote_key.startswith("Department/"):
            remote["DepartmentRef"] = {"value": ref.remote_id}
    return header(remote, date=body.transaction_date, currency_code=body.currency, rate=body.exchange_rate,
                   memo=body.memo)


def validate(body: ExpenseInput, refs: Refs) -> list[FieldError]:
    """A QBO Purchase is paid from a Bank or Credit Card account (the account's ``type`` as stored)."""
    account = refs.get(body.account_id)
    kind = str((account.data if account else {}).get("type") or "")
    if account is not None and kind not in ("Bank", "Credit Card"):
        return [FieldError("account_id", f"must be a Bank or Credit Card account, not a {kind or 'other'} "
                                         "account")]
    return []
