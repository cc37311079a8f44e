"""Vendor credits at Xero: supplier credits (``/CreditNotes`` of Type ACCPAYCREDIT), read only."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.collection import SUPPLIER_CREDITS, first
from ledgerbridge.connectors.xero.mapping import vendor_credit as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    """Type is filtered by the list's where; a read by id can land on a customer credit, so filter again."""
    lookup = await conn.learn({"Accounts"})
    return [mapping.to_unified(row, conn.context, lookup) for row in rows if mapping.is_vendor_credit(row)]


async def list_vendor_credits(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(SUPPLIER_CREDITS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(SUPPLIER_CREDITS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


DECLARATION = ObjectDeclaration(name="vendor_credit", list=list_vendor_credits, fetch=fetch)
