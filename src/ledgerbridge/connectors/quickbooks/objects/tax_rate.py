"""Tax rates ← QBO TaxCode, each rated by the TaxRate entities it charges (read only).

Tax codes are few, and a code's rate changes when one of its TaxRates does without the code's own
LastUpdatedTime moving: so a listing reads all rates and codes, and with ``since`` keeps the codes that changed or
that charge a rate that changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, changed_since
from ledgerbridge.connectors.quickbooks.mapping import tax_rate as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector


async def map_rows(connector: QuickBooksConnector, entity: str, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    """Codes read one by one: each of their TaxRates is read too."""
    ids = {i for row in rows for i in mapping.rate_ids(row)}
    rates = {i: mapping.rate_value(await connector.client.read("TaxRate", i)) for i in ids}
    return _mapped(connector, rows, rates)


def _mapped(connector: QuickBooksConnector, rows: list[dict[str, Any]],
            rates: Mapping[str, Decimal | None]) -> list[RemoteRecord]:
    return [mapping.to_unified(row, connector.context, rates) for row in rows]


READER = EntityReader((Entity("TaxCode"),), map_rows)


async def pages(connector: QuickBooksConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    rates = await _all_rows(connector, "TaxRate")
    changed_rates = {i for i, row in rates.items() if since is not None and changed_since(row, since)}
    values = {i: mapping.rate_value(row) for i, row in rates.items()}
    codes = list((await _all_rows(connector, "TaxCode")).values())
    if since is not None:
        codes = [c for c in codes if changed_since(c, since) or changed_rates & set(mapping.rate_ids(c))]
    for start in range(0, len(codes), connector.page_size):
        yield _mapped(connector, codes[start : start + connector.page_size], values)


async def _all_rows(connector: QuickBooksConnector, entity: str) -> dict[str, dict[str, Any]]:
    """Every row of a small tax list, active or not, by Id.

    Two queries rather than ``Active IN (true, false)``: the US pseudo codes TAX and NON carry no Active
    element (recorded quickbooks-ruby taxcodes), and a filter on Active could leave them out.
    """
    rows: dict[str, dict[str, Any]] = {}
    for where in ([], ["Active = false"]):
        async for page in connector.client.select_all(entity, where, page_size=connector.page_size):
            rows.update((str(row["Id"]), row) for row in page)
    return rows


DECLARATION = ObjectDeclaration("tax_rate", list=pages, fetch=READER.fetch, fetch_many=READER.fetch_many)
