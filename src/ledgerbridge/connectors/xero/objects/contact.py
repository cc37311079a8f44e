"""Contacts at Xero: ``/Contacts``, read (paged, archived ones included) and created."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import CONTACTS, first
from ledgerbridge.connectors.xero.mapping import contact as mapping
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [mapping.to_unified(row, conn.context) for row in rows]


async def list_contacts(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(CONTACTS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(CONTACTS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


async def fetch_many(conn: XeroConnector, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
    return await conn.records_by_ids(CONTACTS, remote_keys, map_rows)


async def create(conn: XeroConnector, body: ContactInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.put("Contacts", mapping.to_remote(body), key=idempotency_key(request_key, "contact"))
    return WriteResult(mapping.to_unified(created, conn.context), mapping.write_warnings(body))


DECLARATION = ObjectDeclaration(
    name="contact",
    list=list_contacts,
    fetch=fetch,
    fetch_many=fetch_many,
    create=create,
    unsupported_fields=frozenset({"company_info_id", "field_mappings", "is_customer", "is_supplier"}),
)
