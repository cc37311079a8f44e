"""The business a connection reaches: ``GET /businesses/{id}`` (Sage's core API) with ``/financial_settings``.
One record; listed whole whatever ``since`` says."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.sage.mapping.reference import company_to_unified

if TYPE_CHECKING:
    from ledgerbridge.connectors.sage.connector import SageConnector


async def _read(conn: SageConnector) -> RemoteRecord:
    business = await conn.client.get(f"businesses/{conn.client.business_id}")
    settings = await conn.client.get("financial_settings")
    return company_to_unified(business, settings)


async def pages(conn: SageConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    yield [await _read(conn)]


async def fetch(conn: SageConnector, remote_key: str) -> RemoteRecord | None:
    return await _read(conn) if remote_key == conn.client.business_id else None


DECLARATION = ObjectDeclaration(name="company_info", list=pages, fetch=fetch)
