"""Contacts at Xero: ``/Contacts``, read (paged, archived ones included, many at once by id) and created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import CONTACTS
from ledgerbridge.connectors.xero.mapping import contact as mapping
from ledgerbridge.connectors.xero.reader import Reader, each
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector

READER = Reader(CONTACTS, each(mapping.to_unified))


async def create(conn: XeroConnector, body: ContactInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.put("Contacts", mapping.to_remote(body), key=idempotency_key(request_key, "contact"))
    return WriteResult(mapping.to_unified(created, conn.context), mapping.write_warnings(body))


DECLARATION = ObjectDeclaration(
    name="contact",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    unsupported_fields=frozenset({"company_info_id", "field_mappings", "is_customer", "is_supplier"}),
)
