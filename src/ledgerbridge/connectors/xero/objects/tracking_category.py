"""Tracking at Xero: ``/TrackingCategories`` (one call), read only. Each category and each of its options is a
record; an option's remote key is ``<TrackingCategoryID>/<TrackingOptionID>``."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.collection import TRACKING_CATEGORIES, first
from ledgerbridge.connectors.xero.mapping import tracking_category as mapping
from ledgerbridge.connectors.xero.mapping.common import split_tracking_key

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [record for row in rows for record in mapping.to_unified(row, conn.context)]


async def list_tracking(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(TRACKING_CATEGORIES, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    """Read the category, then pick the record asked for: the category or one of its options."""
    rows = await conn.read(TRACKING_CATEGORIES, split_tracking_key(remote_key)[0])
    return None if rows is None else first(await map_rows(conn, rows), remote_key)


DECLARATION = ObjectDeclaration(name="tracking_category", list=list_tracking, fetch=fetch)
