"""Purchase orders ⇄ QBO PurchaseOrder: read, create (a Vendor's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.quickbooks.client import request_id
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import purchase_order as mapping
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.purchase_order import PurchaseOrderInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

READER = EntityReader((Entity("PurchaseOrder"),), each(mapping.to_unified), cdc=True)


async def validate(connector: QuickBooksConnector, body: PurchaseOrderInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


async def create(connector: QuickBooksConnector, body: PurchaseOrderInput, refs: Refs,
                 request_key: str) -> WriteResult:
    created = await connector.client.create("PurchaseOrder", mapping.to_remote(body, refs),
                                            requestid=request_id(request_key))
    return WriteResult(mapping.to_unified(created, connector.context), connector.not_stored("purchase_order", body))


DECLARATION = ObjectDeclaration(
    "purchase_order",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many, deleted=READER.deleted,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "company_id", "customer", "delivery_address",
                                  "field_mappings", "line_items[].tax_amount"}),
)
