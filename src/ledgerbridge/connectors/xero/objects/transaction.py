"""Transactions at Xero: every ``/BankTransactions`` record (paged), read only."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.collection import BANK_TRANSACTIONS, first
from ledgerbridge.connectors.xero.mapping import transaction as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    lookup = await conn.learn({"Accounts"})
    return [mapping.to_unified(row, conn.context, lookup) for row in rows]


async def list_transactions(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(BANK_TRANSACTIONS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(BANK_TRANSACTIONS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


DECLARATION = ObjectDeclaration(name="transaction", list=list_transactions, fetch=fetch)
