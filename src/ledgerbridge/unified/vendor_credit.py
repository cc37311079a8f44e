"""Vendor credits: credits a supplier owes us (QuickBooks VendorCredit, Xero ACCPAYCREDIT credit notes)."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
from ledgerbridge.unified.documents import AccountLine
from ledgerbridge.unified.types import CurrencyCode, DateTime, ExchangeRate, Money


class VendorCredit(UnifiedModel):
    number: str | None = None
    transaction_date: DateTime | None = None
    vendor: UUID | None = Field(default=None, description="The supplier (a contact id).")
    total_amount: Money | None = None
    remaining_credit: Money | None = None
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None
    company_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)
    accounting_period_id: UUID | None = None
    line_items: list[AccountLine] = Field(default_factory=list)


class VendorCreditOutput(VendorCredit, RecordEnvelope):
    pass
