"""Payments received (AR, against invoices) and made (AP, against bills).

A payment is applied through ``line_items``: each names the document it pays (``related_object_id``, an
invoice) and how much (``applied_amount``). Panora's single ``invoice_id`` is accepted as a shorthand for one
line applying the whole ``total_amount``. Creating a payment changes the invoices it pays: their new balance and
status are stored in the same transaction.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

from pydantic import BeforeValidator, Field, model_validator

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_
from ledgerbridge.unified.types import CurrencyCode, DateTime, ExchangeRate, Money


class PaymentType(StrEnum):
    AR = "AR"
    AP = "AP"


def _payment_type(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().upper()
        word = {"ACCOUNTS_RECEIVABLE": "AR", "RECEIVABLE": "AR", "ACCRECPAYMENT": "AR", "ACCOUNTS_PAYABLE": "AP",
                "PAYABLE": "AP", "ACCPAYPAYMENT": "AP"}.get(word, word)
        if word not in PaymentType.__members__:
            raise ValueError("must be AR or AP")
        return PaymentType(word)
    return value


PaymentTypeField = Annotated[PaymentType, BeforeValidator(_payment_type)]


class PaymentLineFields(UnifiedModel):
    applied_amount: Money | None = None
    applied_date: DateTime | None = None
    related_object_id: UUID | None = None
    related_object_type: str | None = Field(default=None, description="INVOICE (also CREDIT_NOTE on reads).")


class PaymentLineInput(PaymentLineFields):
    applied_amount: Money = Field(gt=0)
    related_object_id: UUID

    @model_validator(mode="after")
    def _invoice_only(self) -> PaymentLineInput:
        kind = (self.related_object_type or "INVOICE").strip().upper().replace(" ", "_")
        if kind not in ("INVOICE",):
            raise ValueError("related_object_type: payments can be applied to invoices only")
        self.related_object_type = "INVOICE"
        return self


class PaymentLine(PaymentLineFields):
    id: UUID | None = None
    remote_id: str | None = None


class PaymentFields(UnifiedModel):
    invoice_id: UUID | None = None
    transaction_date: DateTime | None = None
    contact_id: UUID | None = None
    account_id: UUID | None = Field(default=None, description="The bank (or undeposited funds) account.")
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None
    total_amount: Money | None = None
    type: PaymentTypeField | None = None
    reference: str | None = None
    status: str | None = None
    company_info_id: UUID | None = None
    accounting_period_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)


class PaymentInput(PaymentFields):
    line_items: list[PaymentLineInput] = Field(default_factory=list)
    field_mappings: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _applied(self) -> PaymentInput:
        if not self.line_items:
            if self.invoice_id is None or self.total_amount is None:
                raise ValueError("line_items: give line_items, or invoice_id with total_amount")
            self.line_items = [PaymentLineInput(applied_amount=self.total_amount, related_object_id=self.invoice_id)]
        applied = sum((line.applied_amount for line in self.line_items), Decimal(0))
        if self.total_amount is None:
            self.total_amount = applied
        elif applied != self.total_amount:
            raise ValueError(f"line_items: applied amounts ({applied}) must add up to total_amount "
                             f"({self.total_amount})")
        ids = [line.related_object_id for line in self.line_items]
        if len(set(ids)) != len(ids):
            raise ValueError("line_items: each invoice may appear once")
        return self


class Payment(PaymentFields):
    line_items: list[PaymentLine] = Field(default_factory=list)


class PaymentOutput(Payment, RecordEnvelope):
    warnings: list[Warning_] | None = None
