"""Contacts ⇄ QBO Customer and Vendor: read, create (a Customer, or a Vendor for a pure supplier)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.quickbooks.client import request_id
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each_of
from ledgerbridge.connectors.quickbooks.mapping import contact as mapping
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

# Customers and vendors hide when inactive; addresses and phone numbers are read from the same two entities.
ENTITIES = (Entity("Customer", has_active=True), Entity("Vendor", has_active=True))
READER = EntityReader(ENTITIES, each_of(mapping.to_unified))


async def create(connector: QuickBooksConnector, body: ContactInput, refs: Refs, request_key: str) -> WriteResult:
    entity = mapping.entity_for(body)
    warnings: list[Warning_] = []
    if body.is_customer and body.is_supplier:
        warnings.append(Warning_(field="is_supplier", message="QuickBooks keeps vendors separately from "
                                 "customers; this contact was created as a Customer only"))
    if body.field_mappings:
        warnings.append(Warning_(field="field_mappings", message="custom field mappings are not sent to QuickBooks"))
    created = await connector.client.create(entity, mapping.to_remote(body), requestid=request_id(request_key))
    return WriteResult(mapping.to_unified(entity, created, connector.context), warnings)


DECLARATION = ObjectDeclaration(
    "contact",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    unsupported_fields=frozenset({"company_info_id", "field_mappings"}),
)
