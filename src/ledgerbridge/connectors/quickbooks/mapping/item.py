"""Items ⇄ QBO Item (read only)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, active, key, money, ref_id, updated_at
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.status import RecordStatus


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    remote_id = str(remote["Id"])
    item = Item(
        name=remote.get("Name"),
        status=RecordStatus.ACTIVE if active(remote) else RecordStatus.ARCHIVED,
        unit_price=money(remote.get("UnitPrice")),
        purchase_price=money(remote.get("PurchaseCost")),
        sales_account=ref_id(ctx, "account", "Account", remote, "IncomeAccountRef"),
        purchase_account=ref_id(ctx, "account", "Account", remote, "ExpenseAccountRef"),
    )
    return RemoteRecord(
        object="item",
        remote_key=key("Item", remote_id),
        remote_id=remote_id,
        data=item,
        remote_data=remote,
        remote_updated_at=updated_at(remote),
    )
