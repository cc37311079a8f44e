"""Credit notes at Xero: customer credits (``/CreditNotes`` of Type ACCRECCREDIT), read only."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.collection import CUSTOMER_CREDITS, first
from ledgerbridge.connectors.xero.mapping import credit_note as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    """Type is filtered by the list's where; a read by id can land on a supplier credit, so filter again."""
    lookup = await conn.learn({"Accounts"})
    return [mapping.to_unified(row, conn.context, lookup) for row in rows if mapping.is_customer_credit(row)]


async def list_credit_notes(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(CUSTOMER_CREDITS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(CUSTOMER_CREDITS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


DECLARATION = ObjectDeclaration(name="credit_note", list=list_credit_notes, fetch=fetch)
