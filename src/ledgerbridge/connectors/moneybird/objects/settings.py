"""Items (``products``), tax rates (``tax_rates``), tracking categories (``projects``) and the company
(``administrations``): read only. Projects carry no update time: every listing is whole."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.moneybird.mapping import settings as mapping
from ledgerbridge.connectors.moneybird.reader import Reader, Resource

if TYPE_CHECKING:
    import datetime as dt

    from ledgerbridge.connectors.moneybird.connector import MoneybirdConnector

ITEMS = Reader(Resource("products"), mapping.item_to_unified)
TAX_RATES = Reader(Resource("tax_rates", by_id=False), mapping.tax_rate_to_unified)
PROJECTS = Reader(Resource("projects"), mapping.project_to_unified)


async def company_pages(conn: MoneybirdConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    """The connection's administration, read again every time (administrations carry no update time)."""
    record = await company_fetch(conn, conn.client.administration_id)
    if record is not None:
        yield [record]


async def company_fetch(conn: MoneybirdConnector, remote_key: str) -> RemoteRecord | None:
    for row in await conn.client.administrations():
        if str(row["id"]) == remote_key:
            return mapping.company_to_unified(row, conn.context)
    return None


ITEM = ObjectDeclaration(name="item", list=ITEMS.pages, fetch=ITEMS.fetch)
TAX_RATE = ObjectDeclaration(name="tax_rate", list=TAX_RATES.pages, fetch=TAX_RATES.fetch)
COMPANY_INFO = ObjectDeclaration(name="company_info", list=company_pages, fetch=company_fetch)
TRACKING_CATEGORY = ObjectDeclaration(name="tracking_category", list=PROJECTS.pages, fetch=PROJECTS.fetch)
