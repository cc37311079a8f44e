"""Accounts ⇄ Pennylane ledger accounts (the French chart, PCG). The classification follows the number's class:
1 equity, 2–3 and 5 assets, 4 third parties (401 suppliers and 44 taxes owed: liabilities; the rest assets),
6 expenses, 7 revenue."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.pennylane.mapping.common import stamp, text
from ledgerbridge.unified.account import Account, AccountClassification
from ledgerbridge.unified.status import AccountStatus


def classification(number: str) -> AccountClassification | None:
    if not number:
        return None
    if number[0] == "1":
        return AccountClassification.EQUITY
    if number[0] in "235":
        return AccountClassification.ASSET
    if number[0] == "4":
        liability = number.startswith(("40", "42", "43", "44")) and not number.startswith("4456")
        return AccountClassification.LIABILITY if liability else AccountClassification.ASSET
    if number[0] == "6":
        return AccountClassification.EXPENSE
    if number[0] == "7":
        return AccountClassification.REVENUE
    return None


def to_unified(remote: dict[str, Any]) -> RemoteRecord:
    number = str(remote.get("number") or "")
    account = Account(
        name=text(remote.get("label")),
        classification=classification(number),
        type=text(remote.get("type")),
        status=AccountStatus.ACTIVE if remote.get("enabled", True) else AccountStatus.INACTIVE,
        currency="EUR",
        account_number=text(number),
    )
    return RemoteRecord(object="account", remote_key=str(remote["id"]), remote_id=str(remote["id"]), data=account,
                        remote_data=remote, remote_updated_at=stamp(remote.get("updated_at")))
