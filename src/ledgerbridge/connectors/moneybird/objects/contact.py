"""Contacts at Moneybird: ``contacts``, read (archived too), created and updated under ``version``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult, check_version
from ledgerbridge.connectors.moneybird.mapping import contact as mapping
from ledgerbridge.connectors.moneybird.reader import Reader, Resource
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.moneybird.connector import MoneybirdConnector

READER = Reader(Resource("contacts", sync=True), mapping.to_unified)


async def create(conn: MoneybirdConnector, body: ContactInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.write("POST", "contacts", body={"contact": mapping.to_remote(body)})
    return WriteResult(mapping.to_unified(created, conn.context), mapping.write_warnings(body))


async def update(conn: MoneybirdConnector, remote_key: str, body: ContactInput, refs: Refs, expected: str | None,
                 request_key: str) -> WriteResult:
    current = await conn.client.get("contacts", remote_key)
    check_version("Moneybird", "version", conn.version(current), expected)
    updated = await conn.client.write("PATCH", "contacts", remote_key, body={"contact": mapping.to_remote(body)})
    return WriteResult(mapping.to_unified(updated, conn.context), mapping.write_warnings(body))


DECLARATION = ObjectDeclaration(
    name="contact",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    update=update,
    unsupported_fields=frozenset({"company_info_id", "currency", "field_mappings", "is_customer", "is_supplier"}),
)
