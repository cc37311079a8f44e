"""Accounts at FreeAgent: categories, its chart of accounts, keyed by nominal code. ``GET /categories`` answers
the whole chart in grouped lists and takes no ``updated_since``: every listing is whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.freeagent.errors import is_not_found
from ledgerbridge.connectors.freeagent.mapping import account as mapping
from ledgerbridge.errors import ProviderRejected

if TYPE_CHECKING:
    from ledgerbridge.connectors.freeagent.connector import FreeAgentConnector


async def pages(conn: FreeAgentConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    chart = await conn.client.send("GET", "categories", safe_to_retry=True)
    records = [mapping.to_unified(row, name) for name, rows in sorted(chart.items()) if isinstance(rows, list)
               for row in rows]
    if records:
        yield records


async def fetch(conn: FreeAgentConnector, remote_key: str) -> RemoteRecord | None:
    if not remote_key.isdigit():
        return None
    try:
        row = await conn.client.get(f"categories/{remote_key}", "category")
    except ProviderRejected as exc:
        if is_not_found(exc):
            return None
        raise
    return mapping.to_unified(row, mapping.list_of(row)) if isinstance(row, dict) else None


DECLARATION = ObjectDeclaration(name="account", list=pages, fetch=fetch)
