"""Accounts of the chart of accounts."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_
from ledgerbridge.unified.status import AccountStatusField
from ledgerbridge.unified.types import CurrencyCode, Money


class AccountClassification(StrEnum):
    ASSET = "ASSET"
    EQUITY = "EQUITY"
    EXPENSE = "EXPENSE"
    LIABILITY = "LIABILITY"
    REVENUE = "REVENUE"


class Account(UnifiedModel):
    name: str | None = None
    description: str | None = None
    classification: AccountClassification | None = None
    type: str | None = None
    status: AccountStatusField | None = None
    current_balance: Money | None = None
    currency: CurrencyCode | None = None
    account_number: str | None = None
    bank_account_number: str | None = Field(
        default=None,
        description="A bank account's number at its bank (Xero BankAccountNumber, which Xero requires on a BANK "
        "account); account_number is the account's code in the chart of accounts.",
    )
    parent_account: UUID | None = None
    company_info_id: UUID | None = None


class AccountInput(Account):
    """A new account. ``type`` is the provider's own account type (QuickBooks AccountType such as "Expense" or
    "Bank", Xero Type such as EXPENSE or BANK); without it the connector derives one from ``classification``."""

    name: str = Field(min_length=1, max_length=100)
    classification: AccountClassification
    current_balance: None = Field(default=None, description="Read only: the provider computes balances.")
    field_mappings: dict[str, Any] = Field(default_factory=dict)


class AccountOutput(Account, RecordEnvelope):
    warnings: list[Warning_] | None = None
