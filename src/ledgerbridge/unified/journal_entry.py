"""Journal entries: balanced postings to accounts (QuickBooks JournalEntry, Xero ManualJournal, Tryton account.move).

Panora's journal lines have neither account nor debit/credit (panora-accounting.md § 8.9), so they cannot say
what a journal says. Here every line names its ``account_id`` and either ``debit``/``credit`` or a signed
``net_amount`` with ``posting_type`` (positive net_amount = debit, the convention of Xero and Merge). Stored lines
always carry all four, so a reader never has to guess. An entry whose debits and credits differ is refused (422).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

from pydantic import BeforeValidator, Field, field_validator, model_validator

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_
from ledgerbridge.unified.types import CurrencyCode, DateTime, ExchangeRate, Money


class PostingType(StrEnum):
    DEBIT = "DEBIT"
    CREDIT = "CREDIT"


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


PostingTypeField = Annotated[PostingType, BeforeValidator(_upper)]


class JournalLineFields(UnifiedModel):
    account_id: UUID | None = None
    debit: Money | None = Field(default=None, ge=0)
    credit: Money | None = Field(default=None, ge=0)
    net_amount: Money | None = Field(default=None, description="Signed: positive is a debit, negative a credit.")
    posting_type: PostingTypeField | None = None
    description: str | None = None
    contact_id: UUID | None = None
    tax_rate_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None


def signed_amount(line: JournalLineFields) -> Decimal | None:
    """The line as one signed figure (debit positive), from whichever form the caller used."""
    if line.debit is not None or line.credit is not None:
        return (line.debit or Decimal(0)) - (line.credit or Decimal(0))
    if line.net_amount is None:
        return None
    if line.posting_type == PostingType.CREDIT:
        return -abs(line.net_amount)
    if line.posting_type == PostingType.DEBIT:
        return abs(line.net_amount)
    return line.net_amount


def complete(line: JournalLineFields, amount: Decimal) -> None:
    """Fill every form of the amount from the signed figure."""
    line.net_amount = amount
    line.posting_type = PostingType.DEBIT if amount >= 0 else PostingType.CREDIT
    line.debit = amount if amount >= 0 else Decimal(0)
    line.credit = -amount if amount < 0 else Decimal(0)


class JournalLineInput(JournalLineFields):
    account_id: UUID

    @model_validator(mode="after")
    def _one_amount(self) -> JournalLineInput:
        has_dc = self.debit is not None or self.credit is not None
        if has_dc and self.net_amount is not None:
            raise ValueError("give debit/credit or net_amount, not both")
        if self.debit and self.credit:
            raise ValueError("a line is a debit or a credit, not both")
        amount = signed_amount(self)
        if amount is None:
            raise ValueError("needs debit, credit or net_amount")
        if amount == 0:
            raise ValueError("amount must not be zero")
        complete(self, amount)
        return self


class JournalLine(JournalLineFields):
    id: UUID | None = None
    remote_id: str | None = None


class JournalEntryFields(UnifiedModel):
    transaction_date: DateTime | None = None
    memo: str | None = None
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None
    journal_number: str | None = None
    posting_status: str | None = Field(default=None, description="POSTED or DRAFT (Xero also VOIDED, ARCHIVED).")
    tracking_categories: list[UUID] = Field(default_factory=list)
    company_info_id: UUID | None = None
    accounting_period_id: UUID | None = None
    payments: list[UUID] = Field(default_factory=list)
    applied_payments: list[UUID] = Field(default_factory=list)


class JournalEntryInput(JournalEntryFields):
    line_items: list[JournalLineInput] = Field(min_length=2)
    field_mappings: dict[str, Any] = Field(default_factory=dict)
    # Panora's raw DB names, accepted as aliases (panora-accounting.md § 2.9).
    id_acc_company_info: UUID | None = Field(default=None, description="Alias of company_info_id (Panora).")
    id_acc_accounting_period: UUID | None = Field(default=None, description="Alias of accounting_period_id (Panora).")

    @field_validator("line_items")
    @classmethod
    def _balanced(cls, lines: list[JournalLineInput]) -> list[JournalLineInput]:
        debits = sum((line.debit or Decimal(0) for line in lines), Decimal(0))
        credits = sum((line.credit or Decimal(0) for line in lines), Decimal(0))
        if debits != credits:
            raise ValueError(f"unbalanced: debits total {debits}, credits total {credits}; they must be equal")
        return lines

    @model_validator(mode="after")
    def _aliases(self) -> JournalEntryInput:
        self.company_info_id = self.company_info_id or self.id_acc_company_info
        self.accounting_period_id = self.accounting_period_id or self.id_acc_accounting_period
        return self


class JournalEntry(JournalEntryFields):
    line_items: list[JournalLine] = Field(default_factory=list)


class JournalEntryOutput(JournalEntry, RecordEnvelope):
    warnings: list[Warning_] | None = None
