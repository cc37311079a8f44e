"""Items: the products and services an invoice line can refer to."""

from __future__ import annotations

from uuid import UUID

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
from ledgerbridge.unified.status import RecordStatusField
from ledgerbridge.unified.types import Money


class Item(UnifiedModel):
    name: str | None = None
    status: RecordStatusField | None = None
    unit_price: Money | None = None
    purchase_price: Money | None = None
    sales_account: UUID | None = None
    purchase_account: UUID | None = None
    company_info_id: UUID | None = None


class ItemOutput(Item, RecordEnvelope):
    pass
