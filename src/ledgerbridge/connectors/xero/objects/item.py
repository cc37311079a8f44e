"""Items at Xero: ``/Items`` (one call), read only. Their sales and purchase accounts are named by code."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.collection import ITEMS, first
from ledgerbridge.connectors.xero.mapping import item as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    lookup = await conn.learn({"Accounts"})
    return [mapping.to_unified(row, conn.context, lookup) for row in rows]


async def list_items(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(ITEMS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(ITEMS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


DECLARATION = ObjectDeclaration(name="item", list=list_items, fetch=fetch)
