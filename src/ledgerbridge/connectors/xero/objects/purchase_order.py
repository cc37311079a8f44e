"""Purchase orders at Xero: ``/PurchaseOrders``, read (paged) and created."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import PURCHASE_ORDERS, first
from ledgerbridge.connectors.xero.mapping import purchase_order as mapping
from ledgerbridge.unified.purchase_order import PurchaseOrderInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    lookup = await conn.learn({"Accounts"})
    return [mapping.to_unified(row, conn.context, lookup) for row in rows]


async def list_orders(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(PURCHASE_ORDERS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(PURCHASE_ORDERS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


async def create(conn: XeroConnector, body: PurchaseOrderInput, refs: Refs, request_key: str) -> WriteResult:
    lookup = await conn.learn({"Accounts"})
    await conn.learn_item_codes(body.line_items, refs)  # lines name items by Code
    created = await conn.client.put("PurchaseOrders", mapping.to_remote(body, refs, lookup),
                                    key=idempotency_key(request_key, "purchase_order"))
    return WriteResult(mapping.to_unified(created, conn.context, lookup))


DECLARATION = ObjectDeclaration(
    name="purchase_order",
    list=list_orders,
    fetch=fetch,
    create=create,
    unsupported_fields=frozenset({"accounting_period_id", "company_id", "customer", "delivery_address",
                                  "exchange_rate", "field_mappings", "total_amount", "line_items[].tax_amount",
                                  "line_items[].currency", "line_items[].exchange_rate"}),
)
