"""Expenses: money spent straight from a bank or card account (QuickBooks Purchase, Xero SPEND bank transaction)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from pydantic import Field, model_validator

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_
from ledgerbridge.unified.documents import AccountLine, AccountLineInput
from ledgerbridge.unified.types import CurrencyCode, DateTime, ExchangeRate, Money


class ExpenseFields(UnifiedModel):
    transaction_date: DateTime | None = None
    total_amount: Money | None = None
    sub_total: Money | None = None
    total_tax_amount: Money | None = None
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None
    memo: str | None = None
    account_id: UUID | None = Field(default=None, description="The bank or card account the money left.")
    contact_id: UUID | None = None
    company_info_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)


class ExpenseInput(ExpenseFields):
    account_id: UUID
    line_items: list[AccountLineInput] = Field(min_length=1)
    field_mappings: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _lines_have_accounts(self) -> ExpenseInput:
        missing = [i for i, line in enumerate(self.line_items) if line.account_id is None and line.item_id is None]
        if missing:
            raise ValueError(f"line_items[{missing[0]}].account_id: each line needs an account_id (or item_id)")
        return self

    def lines_total(self) -> Decimal:
        return sum((line.net_amount for line in self.line_items), Decimal(0))


class Expense(ExpenseFields):
    line_items: list[AccountLine] = Field(default_factory=list)
    remote_created_at: DateTime | None = None


class ExpenseOutput(Expense, RecordEnvelope):
    warnings: list[Warning_] | None = None
