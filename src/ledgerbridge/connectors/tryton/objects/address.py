"""Addresses: Tryton's ``party.address``, read only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import address
from ledgerbridge.connectors.tryton.table import Table

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [TABLE.record(row, address.to_unified(row, connector.context.ref)) for row in rows]


TABLE = Table("address", address.FIELDS, to_records)
DECLARATION = ObjectDeclaration(
    "address", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    unsupported_fields=frozenset({"company_info_id"}),
)
