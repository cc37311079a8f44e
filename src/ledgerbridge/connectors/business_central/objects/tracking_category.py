"""Tracking categories at Business Central: ``dimensions`` with their ``dimensionValues`` (read-only in v1.0).

Listed with ``$expand=dimensionValues``; ``since`` filters on the dimension's ``lastModifiedDateTime``, so a
value changed under an unchanged dimension waits for the next full pass (the v1.0 dimension value carries no
link to its dimension to list it alone).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.business_central.mapping import tracking_category as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.business_central.connector import BusinessCentralConnector

EXPAND = "dimensionValues"


async def pages(conn: BusinessCentralConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.client.pages("dimensions", since=since, page_size=conn.page_size, expand=EXPAND):
        yield [record for row in rows for record in mapping.to_unified(row, conn.context)]


async def fetch(conn: BusinessCentralConnector, remote_key: str) -> RemoteRecord | None:
    dimension = remote_key.partition("/")[0]
    row = await conn.client.get("dimensions", dimension, expand=EXPAND)
    if row is None:
        return None
    return next((r for r in mapping.to_unified(row, conn.context) if r.remote_key == remote_key), None)


DECLARATION = ObjectDeclaration(name="tracking_category", list=pages, fetch=fetch)
