"""Accounts of the chart of accounts."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
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
    parent_account: UUID | None = None
    company_info_id: UUID | None = None


class AccountOutput(Account, RecordEnvelope):
    pass
