"""Items ⇄ Business Central ``items``."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, money, record, text
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.status import RecordStatus


def to_unified(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    return record("item", row, Item(
        name=text(row.get("displayName")),
        status=RecordStatus.ARCHIVED if row.get("blocked") else RecordStatus.ACTIVE,
        unit_price=money(row.get("unitPrice")),
        purchase_price=money(row.get("unitCost")),
    ))
