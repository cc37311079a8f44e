"""Company info at Xero: ``/Organisation`` (one organisation per connection), read only."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.collection import ORGANISATION, first
from ledgerbridge.connectors.xero.mapping import company_info as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [mapping.to_unified(row, conn.context) for row in rows]


async def list_company_info(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(ORGANISATION, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    """``GET /Organisation`` takes no id: read the organisation and check it is the one asked for."""
    rows = await conn.read(ORGANISATION, None)
    return None if rows is None else first(await map_rows(conn, rows), remote_key)


DECLARATION = ObjectDeclaration(name="company_info", list=list_company_info, fetch=fetch)
