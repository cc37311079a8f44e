"""Vendor credits: Tryton ``in`` invoices with a negative total, read only (see ``mapping/vendor_credit``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import vendor_credit
from ledgerbridge.connectors.tryton.mapping.invoice import FIELDS
from ledgerbridge.connectors.tryton.objects.invoice import lines_changed, records
from ledgerbridge.connectors.tryton.table import Table

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    ref = connector.context.ref
    return await records(connector, TABLE, rows,
                         lambda row, lines, invoice: vendor_credit.to_unified(row, lines, invoice, ref))


TABLE = Table("vendor_credit", FIELDS, to_records, domain=[("type", "=", "in"), ("total_amount", "<", 0)],
              touched=lines_changed)
DECLARATION = ObjectDeclaration("vendor_credit", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many)
