"""Accounts ⇄ Xero Account. Pure.

``Code`` is the account number; ``Class`` is already the unified classification; ``BankAccountNumber`` (BANK
accounts only) is the bank account number. Xero's Accounts endpoint carries no balance (that is a report), so
``current_balance`` stays empty.

An Account needs a Code (except BANK accounts) and a Type; without ``type`` the classification picks one. A BANK
account needs its BankAccountNumber instead ("For bank accounts only", and required for them, in Xero's OpenAPI),
and only a BANK account takes one.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import RefMaker, text
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.account import Account, AccountClassification, AccountInput
from ledgerbridge.unified.status import AccountStatus

ACCOUNT_TYPES = {
    AccountClassification.ASSET: "CURRENT",
    AccountClassification.LIABILITY: "CURRLIAB",
    AccountClassification.EQUITY: "EQUITY",
    AccountClassification.REVENUE: "REVENUE",
    AccountClassification.EXPENSE: "EXPENSE",
}
XERO_TYPES = frozenset({"BANK", "CURRENT", "CURRLIAB", "DEPRECIATN", "DIRECTCOSTS", "EQUITY", "EXPENSE", "FIXED",
                        "INVENTORY", "LIABILITY", "NONCURRENT", "OTHERINCOME", "OVERHEADS", "PREPAYMENT", "REVENUE",
                        "SALES", "TERMLIAB"})
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


def validate(body: AccountInput) -> list[FieldError]:
    errors = []
    kind = (body.type or ACCOUNT_TYPES[body.classification]).strip().upper()
    if kind not in XERO_TYPES:
        errors.append(FieldError("type", "Xero account types are " + ", ".join(sorted(XERO_TYPES))))
    if not body.account_number and kind != "BANK":
        errors.append(FieldError("account_number", "Xero needs a code for the account; give an account_number"))
    if kind == "BANK" and not (body.bank_account_number or "").strip():
        errors.append(FieldError("bank_account_number", "Xero requires the bank account number of a BANK account"))
    if kind != "BANK" and body.bank_account_number:
        errors.append(FieldError("bank_account_number", "Xero keeps a bank account number on BANK accounts only"))
    return errors


def to_remote(body: AccountInput) -> dict[str, Any]:
    remote: dict[str, Any] = {"Name": body.name, "Type": (body.type or ACCOUNT_TYPES[body.classification]).upper()}
    if body.account_number:
        remote["Code"] = body.account_number
    if body.bank_account_number and remote["Type"] == "BANK":
        remote["BankAccountNumber"] = body.bank_account_number.strip()
    if body.description:
        remote["Description"] = body.description
    if body.currency:
        remote["CurrencyCode"] = body.currency
    return remote
