"""Items ⇄ Xero Item. Prices come from ``SalesDetails``/``PurchaseDetails``, whose accounts are given by code
(resolved to AccountIDs through the :class:`Lookup`). Xero items have no status: listed items are ACTIVE."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, account_ref, money, text
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.status import RecordStatus


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None = None) -> RemoteRecord:
    item_id = str(remote["ItemID"]).lower()
    sales = remote.get("SalesDetails") or {}
    purchase = remote.get("PurchaseDetails") or {}
    item = Item(
        name=text(remote.get("Name")) or text(remote.get("Code")),  # created with a Code only, Xero has no Name
        status=RecordStatus.ACTIVE,
        unit_price=money(sales.get("UnitPrice")),
        purchase_price=money(purchase.get("UnitPrice")),
        sales_account=account_ref(ctx, lookup, None, sales.get("AccountCode")),
        purchase_account=account_ref(ctx, lookup, None, purchase.get("AccountCode")),
    )
    return RemoteRecord(
        object="item",
        remote_key=item_id,
        remote_id=item_id,
        data=item,
        remote_data=remote,
        remote_updated_at=read_date(remote.get("UpdatedDateUTC")),
    )
