"""Tax rates: Tryton's ``account.tax``, read only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import tax_rate
from ledgerbridge.connectors.tryton.table import Table

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [TABLE.record(row, tax_rate.to_unified(row)) for row in rows]


TABLE = Table("tax_rate", tax_rate.FIELDS, to_records)
DECLARATION = ObjectDeclaration("tax_rate", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many)
