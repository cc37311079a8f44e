"""Items: Tryton's ``product.product``, read only; their accounts come from the product's account category."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import item
from ledgerbridge.connectors.tryton.table import Table

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    categories = await connector.categories([row["account_category"] for row in rows])
    out = []
    for row in rows:
        category = categories.get(row["account_category"]) if row.get("account_category") is not None else None
        out.append(TABLE.record(row, item.to_unified(row, category, connector.context.ref)))
    return out


TABLE = Table("item", item.FIELDS, to_records)
DECLARATION = ObjectDeclaration("item", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many)
