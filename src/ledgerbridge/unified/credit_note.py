"""Credit notes: sales credits to customers (QuickBooks CreditMemo, Xero ACCRECCREDIT) and supplier credits read
as such by Xero (ACCPAYCREDIT). Unlike Panora's, they carry their lines (same shape as invoice lines)."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
from ledgerbridge.unified.invoice import InvoiceLineItem
from ledgerbridge.unified.types import CurrencyCode, DateTime, ExchangeRate, Money


class AppliedCredit(UnifiedModel):
    invoice_id: UUID | None = None
    amount: Money | None = None
    date: DateTime | None = None


class CreditNote(UnifiedModel):
    type: str | None = Field(default=None, description="ACCOUNTS_RECEIVABLE or ACCOUNTS_PAYABLE.")
    transaction_date: DateTime | None = None
    status: str | None = Field(default=None, description="DRAFT, SUBMITTED, AUTHORIZED, PAID or VOID.")
    number: str | None = None
    memo: str | None = None
    contact_id: UUID | None = None
    company_id: UUID | None = None
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None
    sub_total: Money | None = None
    total_tax_amount: Money | None = None
    total_amount: Money | None = None
    remaining_credit: Money | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)
    payments: list[UUID] = Field(default_factory=list)
    applied_payments: list[AppliedCredit] = Field(default_factory=list)
    accounting_period_id: UUID | None = None
    line_items: list[InvoiceLineItem] = Field(default_factory=list)
    remote_created_at: DateTime | None = None


class CreditNoteOutput(CreditNote, RecordEnvelope):
    pass
