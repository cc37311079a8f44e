"""Invoices: receivable (a sale, QuickBooks Invoice / Xero ACCREC) and payable (a bill, QuickBooks Bill / ACCPAY)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BeforeValidator, Field, model_validator

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_
from ledgerbridge.unified.types import CurrencyCode, DateTime, ExchangeRate, Money, Quantity


class InvoiceType(StrEnum):
    ACCOUNTS_RECEIVABLE = "ACCOUNTS_RECEIVABLE"
    ACCOUNTS_PAYABLE = "ACCOUNTS_PAYABLE"


# Panora's published example says "Sales"; Merge and Panora's DB say ACCOUNTS_RECEIVABLE. Accept both families.
_TYPE_ALIASES = {
    "SALES": InvoiceType.ACCOUNTS_RECEIVABLE,
    "SALE": InvoiceType.ACCOUNTS_RECEIVABLE,
    "RECEIVABLE": InvoiceType.ACCOUNTS_RECEIVABLE,
    "ACCOUNTS_RECEIVABLE": InvoiceType.ACCOUNTS_RECEIVABLE,
    "ACCREC": InvoiceType.ACCOUNTS_RECEIVABLE,
    "PURCHASE": InvoiceType.ACCOUNTS_PAYABLE,
    "PURCHASES": InvoiceType.ACCOUNTS_PAYABLE,
    "BILL": InvoiceType.ACCOUNTS_PAYABLE,
    "PAYABLE": InvoiceType.ACCOUNTS_PAYABLE,
    "ACCOUNTS_PAYABLE": InvoiceType.ACCOUNTS_PAYABLE,
    "ACCPAY": InvoiceType.ACCOUNTS_PAYABLE,
}


def _invoice_type(value: Any) -> Any:
    if isinstance(value, str):
        found = _TYPE_ALIASES.get(value.strip().upper().replace(" ", "_"))
        if found is None:
            raise ValueError("must be ACCOUNTS_RECEIVABLE (or Sales) or ACCOUNTS_PAYABLE (or Purchase)")
        return found
    return value


class InvoiceStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    OPEN = "OPEN"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PAID = "PAID"
    VOID = "VOID"


def _invoice_status(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().upper().replace(" ", "_")
        word = {"VOIDED": "VOID", "AUTHORISED": "OPEN", "AUTHORIZED": "OPEN"}.get(word, word)
        if word not in InvoiceStatus.__members__:
            raise ValueError("must be one of " + ", ".join(InvoiceStatus.__members__))
        return InvoiceStatus(word)
    return value


# What the schema advertises as accepted input: the canonical words and the aliases real clients send.
_TYPE_INPUTS = (*_TYPE_ALIASES, "Sales", "Purchase")
_STATUS_INPUTS = (*InvoiceStatus.__members__, "VOIDED", "AUTHORISED", "AUTHORIZED", "Draft", "Submitted", "Open",
                  "Partially Paid", "Paid", "Void")
InvoiceTypeField = Annotated[
    InvoiceType, BeforeValidator(_invoice_type, json_schema_input_type=Literal[_TYPE_INPUTS])  # type: ignore[valid-type]
]
InvoiceStatusField = Annotated[
    InvoiceStatus, BeforeValidator(_invoice_status, json_schema_input_type=Literal[_STATUS_INPUTS])  # type: ignore[valid-type]
]


class InvoiceLineItemFields(UnifiedModel):
    description: str | None = None
    quantity: Quantity | None = None
    unit_price: Money | None = Field(default=None, description="Price of one unit, in major units.")
    total_amount: Money | None = Field(default=None, description="Line amount before tax, in major units.")
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None
    item_id: UUID | None = None
    account_id: UUID | None = None
    tax_rate_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)


class InvoiceLineItemInput(InvoiceLineItemFields):
    """A line as a caller sends it.

    Panora's published spec gives invoice lines the report-item shape (``name``, ``value``, ``type``…). Those
    are accepted as aliases: ``name`` is the description and ``value`` the line amount (quantity 1).
    """

    id: UUID | None = Field(
        default=None,
        description="On PATCH: the id of a line of this invoice, which is then updated in place (the provider "
        "keeps its line). Ignored on create.",
    )
    name: str | None = Field(default=None, description="Alias of description (Panora's published LineItem).")
    value: Money | None = Field(default=None, description="Alias of total_amount (Panora's published LineItem).")

    @model_validator(mode="after")
    def _fold_panora_aliases(self) -> InvoiceLineItemInput:
        if self.description is None and self.name is not None:
            self.description = self.name
        if self.total_amount is None and self.value is not None:
            self.total_amount = self.value
            if self.quantity is None and self.unit_price is None:
                self.quantity = Decimal(1)
                self.unit_price = self.value
        return self


class InvoiceLineItem(InvoiceLineItemFields):
    id: UUID | None = None
    remote_id: str | None = None


class InvoiceFields(UnifiedModel):
    type: InvoiceTypeField | None = None
    number: str | None = None
    issue_date: DateTime | None = None
    due_date: DateTime | None = None
    paid_on_date: DateTime | None = None
    memo: str | None = None
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None
    total_discount: Money | None = None
    sub_total: Money | None = None
    status: InvoiceStatusField | None = None
    total_tax_amount: Money | None = None
    total_amount: Money | None = None
    balance: Money | None = None
    contact_id: UUID | None = None
    accounting_period_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)


class InvoiceInput(InvoiceFields):
    type: InvoiceTypeField = Field(
        description="ACCOUNTS_RECEIVABLE (alias Sales) or ACCOUNTS_PAYABLE (alias Purchase).")
    line_items: list[InvoiceLineItemInput] = Field(min_length=1)
    field_mappings: dict[str, Any] = Field(default_factory=dict)


class Invoice(InvoiceFields):
    """An invoice as stored: what a connector maps the provider's record into."""

    line_items: list[InvoiceLineItem] = Field(default_factory=list)


class InvoiceOutput(Invoice, RecordEnvelope):
    warnings: list[Warning_] | None = Field(
        default=None, description="Only on writes: where the provider did not take the request as given."
    )
