"""Purchase orders at Xero: ``/PurchaseOrders``, read (paged) and created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import PURCHASE_ORDERS
from ledgerbridge.connectors.xero.mapping import purchase_order as mapping
from ledgerbridge.connectors.xero.reader import Reader, with_accounts
from ledgerbridge.unified.purchase_order import PurchaseOrderInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector

READER = Reader(PURCHASE_ORDERS, with_accounts(mapping.to_unified))


async def create(conn: XeroConnector, body: PurchaseOrderInput, refs: Refs, request_key: str) -> WriteResult:
    lookup = await conn.learn_line_codes(body.line_items, refs)
    created = await conn.client.put("PurchaseOrders", mapping.to_remote(body, refs, lookup),
                                    key=idempotency_key(request_key, "purchase_order"))
    return WriteResult(mapping.to_unified(created, conn.context, lookup))


DECLARATION = ObjectDeclaration(
    name="purchase_order",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    unmapped_fields={"SubTotal": "the order's total before tax (its lines' amounts carry it)",
                     "TotalTax": "the order's tax (its lines' tax amounts carry it)",
                     "LineItems[].DiscountRate": "a line's discount percentage (its amount is after the discount)"},
    unsupported_fields=frozenset({"accounting_period_id", "company_id", "customer", "delivery_address",
                                  "exchange_rate", "field_mappings", "total_amount", "line_items[].tax_amount",
                                  "line_items[].currency", "line_items[].exchange_rate"}),
)
