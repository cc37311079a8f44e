"""Expenses ⇄ QBO Purchase: read, create (from a Bank or Credit Card account)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.quickbooks.client import request_id
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import expense as mapping
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.expense import ExpenseInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

READER = EntityReader((Entity("Purchase"),), each(mapping.to_unified), cdc=True)


async def validate(connector: QuickBooksConnector, body: ExpenseInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


async def create(connector: QuickBooksConnector, body: ExpenseInput, refs: Refs, request_key: str) -> WriteResult:
    created = await connector.client.create("Purchase", mapping.to_remote(body, refs),
                                            requestid=request_id(request_key))
    return WriteResult(mapping.to_unified(created, connector.context), connector.not_stored("expense", body))


DECLARATION = ObjectDeclaration(
    "expense",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many, deleted=READER.deleted,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"company_info_id", "field_mappings", "line_items[].contact_id"}),
)
