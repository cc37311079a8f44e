"""Accounts ⇄ QBO Account."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, active, currency, key, money, ref_id, updated_at
from ledgerbridge.unified.account import Account, AccountClassification, AccountInput
from ledgerbridge.unified.status import AccountStatus

# Default AccountType for a classification when the caller gives none (QBO requires one).
ACCOUNT_TYPES = {
    AccountClassification.ASSET: "Other Current Asset",
    AccountClassification.LIABILITY: "Other Current Liability",
    AccountClassification.EQUITY: "Equity",
    AccountClassification.REVENUE: "Income",
    AccountClassification.EXPENSE: "Expense",
}


def _classification(value: Any) -> AccountClassification | None:
    # QBO spells them Asset, Equity, Expense, Liability, Revenue: the unified enum in upper case.
    if not value:
        return None
    try:
        return AccountClassification(str(value).upper())
    except ValueError:
        return None


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    remote_id = str(remote["Id"])
    account = Account(
        # An inactive account is renamed "Name (deleted)" by QBO; the name is kept as QBO shows it.
        name=remote.get("Name"),
        description=remote.get("Description"),
        classification=_classification(remote.get("Classification")),
        type=remote.get("AccountType"),
        status=AccountStatus.ACTIVE if active(remote) else AccountStatus.INACTIVE,
        current_balance=money(remote.get("CurrentBalance")),
        currency=currency(remote),
        account_number=remote.get("AcctNum"),
        parent_account=ref_id(ctx, "account", "Account", remote, "ParentRef"),
    )
    return RemoteRecord(
        object="account",
        remote_key=key("Account", remote_id),
        remote_id=remote_id,
        data=account,
        remote_data=remote,
        remote_updated_at=updated_at(remote),
    )


def to_remote(body: AccountInput, parent: str | None) -> dict[str, Any]:
    remote: dict[str, Any] = {"Name": body.name, "AccountType": body.type or ACCOUNT_TYPES[body.classification]}
    if body.description:
        remote["Description"] = body.description
    if body.account_number:
        remote["AcctNum"] = body.account_number
    if body.currency:
        remote["CurrencyRef"] = {"value": body.currency}
    if parent:
        remote["ParentRef"] = {"value": parent}
        remote["SubAccount"] = True
    return remote
