"""Credit notes at Pennylane: customer invoices crediting another (``filter: credit_note eq true``), read only
(Pennylane makes them from its interface; the API only links an existing one, ``link_credit_note``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping import credit_note as mapping
from ledgerbridge.connectors.pennylane.mapping.invoice import CUSTOMER_INVOICES, is_credit_note
from ledgerbridge.connectors.pennylane.objects.invoice import included_lines
from ledgerbridge.connectors.pennylane.reader import Reader, Source

if TYPE_CHECKING:
    from ledgerbridge.connectors.pennylane.connector import PennylaneConnector

CREDIT_NOTES = Source(CUSTOMER_INVOICES, changelog=CUSTOMER_INVOICES, params={
    "include": "invoice_lines", "filter": '[{"field": "credit_note", "operator": "eq", "value": "true"}]'})


async def map_page(conn: PennylaneConnector, source: Source, body: dict[str, Any]) -> list[RemoteRecord]:
    included = (body.get("included") or {}).get("invoice_lines") or {}
    return [mapping.to_unified(row, await included_lines(conn, source, row, included), conn.context)
            for row in body.get("items") or [] if is_credit_note(row)]


READER = Reader("credit_note", (CREDIT_NOTES,), map_page)
DECLARATION = ObjectDeclaration(name="credit_note", list=READER.pages, deleted=READER.deleted, fetch=READER.fetch,
                                fetch_many=READER.fetch_many)
