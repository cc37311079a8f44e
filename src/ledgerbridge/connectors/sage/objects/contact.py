"""Contacts at Sage: ``/contacts``, read (customers and suppliers alike), created and updated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult, check_version
from ledgerbridge.connectors.sage.client import idempotency_id
from ledgerbridge.connectors.sage.mapping import contact as mapping
from ledgerbridge.connectors.sage.reader import Reader
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.sage.connector import SageConnector

READER = Reader("contacts", mapping.to_unified)


async def create(conn: SageConnector, body: ContactInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.create("contacts", "contact", mapping.to_remote(body),
                                       key=idempotency_id(request_key, "contact"))
    return WriteResult(mapping.to_unified(created, conn.context), mapping.write_warnings(body))


async def update(conn: SageConnector, remote_key: str, body: ContactInput, refs: Refs, expected: str | None,
                 request_key: str) -> WriteResult:
    current = await conn.client.record("contacts", remote_key)
    check_version("Sage", "updated_at", conn.version(current), expected)
    updated = await conn.client.update("contacts", "contact", remote_key, mapping.to_remote(body, creating=False))
    return WriteResult(mapping.to_unified(updated, conn.context), mapping.write_warnings(body))


DECLARATION = ObjectDeclaration(
    name="contact", list=READER.pages, deleted=READER.deleted, fetch=READER.fetch, create=create, update=update,
    unsupported_fields=frozenset({"company_info_id", "field_mappings", "status"}),
)
