"""Items: Tryton ``product.product`` → the unified item (accounts from the product's account category). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.status import RecordStatus

FIELDS = ["rec_name", "active", "list_price_used", "cost_price", "default_uom", "account_category",
                  "create_date", "write_date"]
CATEGORY_FIELDS = ["name", "account_revenue", "account_expense", "customer_taxes", "supplier_taxes"]


def to_unified(record: dict[str, Any], category: dict[str, Any] | None, ref: RefFn) -> Item:
    return Item(
        name=record.get("rec_name"),
        status=RecordStatus.ACTIVE if record.get("active", True) else RecordStatus.ARCHIVED,
        unit_price=record.get("list_price_used"),
        purchase_price=record.get("cost_price"),
        sales_account=ref("account", key(MODELS["account"], (category or {}).get("account_revenue"))),
        purchase_account=ref("account", key(MODELS["account"], (category or {}).get("account_expense"))),
    )

