"""Accounts ⇄ Xero Account. ``Code`` is the account number; ``Class`` is already the unified classification;
``BankAccountNumber`` (BANK accounts only) is the bank account number. Xero's Accounts endpoint carries no
balance (that is a report), so ``current_balance`` stays empty."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import RefMaker, text
from ledgerbridge.unified.account import Account, AccountClassification
from ledgerbridge.unified.status import AccountStatus

_STATUS = {"ACTIVE": AccountStatus.ACTIVE, "ARCHIVED": AccountStatus.INACTIVE, "DELETED": AccountStatus.INACTIVE}


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    account_id = str(remote["AccountID"]).lower()
    status = str(remote.get("Status") or "").upper()
    classification = str(remote.get("Class") or "").upper()
    account = Account(
        name=text(remote.get("Name")),
        description=text(remote.get("Description")),
        classification=AccountClassification(classification) if classification in AccountClassification.__members__
        else None,
        type=text(remote.get("Type")),
        status=_STATUS.get(status),
        currency=text(remote.get("CurrencyCode")),
        account_number=text(remote.get("Code")),
        bank_account_number=text(remote.get("BankAccountNumber")),
    )
    return RemoteRecord(
        object="account",
        remote_key=account_id,
        remote_id=account_id,
        data=account,
        remote_data=remote,
        remote_updated_at=read_date(remote.get("UpdatedDateUTC")),
        deleted=status == "DELETED",
    )
