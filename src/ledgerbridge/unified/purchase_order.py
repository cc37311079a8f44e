"""Purchase orders: goods or services ordered from a supplier, not yet billed (QuickBooks PurchaseOrder, Xero
PurchaseOrders). Panora's raw column names ``vendor``, ``customer``, ``delivery_address`` are kept as the field
names (they hold ids); ``vendor_id`` is accepted as an alias of ``vendor``."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

from pydantic import BeforeValidator, Field, model_validator

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_
from ledgerbridge.unified.documents import PricedLine, PricedLineFields
from ledgerbridge.unified.types import CurrencyCode, DateTime, ExchangeRate, Money


class PurchaseOrderStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    AUTHORIZED = "AUTHORIZED"
    BILLED = "BILLED"
    DELETED = "DELETED"


def _status(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().upper()
        word = {"AUTHORISED": "AUTHORIZED", "OPEN": "AUTHORIZED", "CLOSED": "BILLED"}.get(word, word)
        if word not in PurchaseOrderStatus.__members__:
            raise ValueError("must be one of " + ", ".join(PurchaseOrderStatus.__members__))
        return PurchaseOrderStatus(word)
    return value


class PurchaseOrderFields(UnifiedModel):
    status: Annotated[PurchaseOrderStatus, BeforeValidator(_status)] | None = None
    issue_date: DateTime | None = None
    delivery_date: DateTime | None = None
    purchase_order_number: str | None = None
    memo: str | None = None
    vendor: UUID | None = Field(default=None, description="The supplier (a contact id).")
    customer: UUID | None = None
    delivery_address: UUID | None = None
    total_amount: Money | None = None
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None
    company_id: UUID | None = None
    accounting_period_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)


class PurchaseOrderLineInput(PricedLineFields):
    @model_validator(mode="after")
    def _amount(self) -> PurchaseOrderLineInput:
        if self.total_line_amount is None:
            if self.unit_price is None:
                raise ValueError("needs unit_price (with quantity) or total_line_amount")
            self.total_line_amount = self.unit_price * (self.quantity if self.quantity is not None else 1)
        if self.total_line_amount <= 0:
            raise ValueError("total_line_amount must be positive")
        return self


class PurchaseOrderInput(PurchaseOrderFields):
    vendor_id: UUID | None = Field(default=None, description="Alias of vendor.")
    line_items: list[PurchaseOrderLineInput] = Field(min_length=1)
    field_mappings: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _vendor(self) -> PurchaseOrderInput:
        self.vendor = self.vendor or self.vendor_id
        if self.vendor is None:
            raise ValueError("vendor: required (the supplier's contact id)")
        return self


class PurchaseOrder(PurchaseOrderFields):
    line_items: list[PricedLine] = Field(default_factory=list)
    remote_created_at: DateTime | None = None
    remote_updated_at: DateTime | None = None


class PurchaseOrderOutput(PurchaseOrder, RecordEnvelope):
    warnings: list[Warning_] | None = None
