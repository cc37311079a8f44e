"""Credit notes: Tryton ``out`` invoices with a negative total, read only (see ``mapping/credit_note``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import credit_note
from ledgerbridge.connectors.tryton.mapping.invoice import FIELDS
from ledgerbridge.connectors.tryton.objects.invoice import lines_changed, records
from ledgerbridge.connectors.tryton.table import Table

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    ref = connector.context.ref
    return await records(connector, TABLE, rows, lambda row, _lines, invoice: credit_note.to_unified(row, invoice, ref))


TABLE = Table("credit_note", FIELDS, to_records, domain=[("type", "=", "out"), ("total_amount", "<", 0)],
              touched=lines_changed)
DECLARATION = ObjectDeclaration("credit_note", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many)
