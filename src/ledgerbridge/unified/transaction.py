"""Transactions: money movements that are not invoices or payments (Xero bank transactions: SPEND, RECEIVE,
transfers…). Panora has ``total_amount`` and line figures as strings; here they are numbers like all money."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
from ledgerbridge.unified.documents import PricedLine
from ledgerbridge.unified.types import CurrencyCode, DateTime, ExchangeRate, Money


class Transaction(UnifiedModel):
    transaction_type: str | None = None
    number: str | None = None
    transaction_date: DateTime | None = None
    total_amount: Money | None = None
    exchange_rate: ExchangeRate | None = None
    currency: CurrencyCode | None = None
    status: str | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)
    account_id: UUID | None = None
    contact_id: UUID | None = None
    company_info_id: UUID | None = None
    accounting_period_id: UUID | None = None
    line_items: list[PricedLine] = Field(default_factory=list)


class TransactionOutput(Transaction, RecordEnvelope):
    pass
