"""Addresses at Xero: each non-empty entry of a contact's ``Addresses`` (``/Contacts``, paged), read only."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.collection import CONTACTS, first
from ledgerbridge.connectors.xero.mapping import contact_details as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [address for row in rows for address in mapping.addresses_to_unified(row, conn.context)]


async def list_addresses(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(CONTACTS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(CONTACTS, mapping.contact_of(remote_key))
    return None if rows is None else first(await map_rows(conn, rows), remote_key)


DECLARATION = ObjectDeclaration(name="address", list=list_addresses, fetch=fetch)
