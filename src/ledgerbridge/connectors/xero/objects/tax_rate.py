"""Tax rates at Xero: ``/TaxRates`` (one call), read only, keyed by TaxType."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.collection import TAX_RATES, first
from ledgerbridge.connectors.xero.mapping import tax_rate as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [mapping.to_unified(row, conn.context) for row in rows]


async def list_tax_rates(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(TAX_RATES, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(TAX_RATES, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


DECLARATION = ObjectDeclaration(name="tax_rate", list=list_tax_rates, fetch=fetch)
