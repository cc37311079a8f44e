"""Line shapes shared by the purchase-side documents: expenses, purchase orders, vendor credits, transactions.

Panora's published spec points every ``line_items`` at the report ``LineItem`` (panora-accounting.md § 2.10);
these are the lines the code models actually describe, with Decimal money and the ids as ``*_id``.
"""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import UnifiedModel
from ledgerbridge.unified.types import CurrencyCode, ExchangeRate, Money, Quantity


class AccountLineFields(UnifiedModel):
    """A line booked to an account for an amount (expense and vendor-credit lines)."""

    net_amount: Money | None = None
    description: str | None = None
    account_id: UUID | None = None
    item_id: UUID | None = None
    tax_rate_id: UUID | None = None
    contact_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None


class AccountLine(AccountLineFields):
    id: UUID | None = None
    remote_id: str | None = None


class AccountLineInput(AccountLineFields):
    net_amount: Money = Field(gt=0)


class PricedLineFields(UnifiedModel):
    """A line with quantity and unit price (purchase-order and bank-transaction lines)."""

    description: str | None = None
    unit_price: Money | None = None
    quantity: Quantity | None = None
    total_line_amount: Money | None = None
    tax_amount: Money | None = None
    item_id: UUID | None = None
    account_id: UUID | None = None
    tax_rate_id: UUID | None = None
    tracking_categories: list[UUID] = Field(default_factory=list)
    currency: CurrencyCode | None = None
    exchange_rate: ExchangeRate | None = None


class PricedLine(PricedLineFields):
    id: UUID | None = None
    remote_id: str | None = None
