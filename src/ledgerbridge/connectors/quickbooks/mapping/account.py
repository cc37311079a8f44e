"""Accounts ⇄ QBO Account (read only)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import (
    RefMaker,
    active,
    currency,
    key,
    money,
    ref_id,
    updated_at,
)
from ledgerbridge.unified.account import Account, AccountClassification
from ledgerbridge.unified.status import AccountStatus


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
