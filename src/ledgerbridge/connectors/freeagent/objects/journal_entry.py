"""Journal entries at FreeAgent: journal sets (``/journal_sets``), read and created. Listing takes dates and a
tag, not ``updated_since``: every listing is whole."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.freeagent.mapping import journal_entry as mapping
from ledgerbridge.connectors.freeagent.reader import Reader
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.freeagent.connector import FreeAgentConnector

READER = Reader("journal_sets", "journal_set", mapping.to_unified, filtered=False)


async def create(conn: FreeAgentConnector, body: JournalEntryInput, refs: Refs, request_key: str) -> WriteResult:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    created = await conn.client.create("journal_sets", "journal_set", mapping.to_remote(body, refs, conn.client.url,
                                                                                        today))
    return WriteResult(mapping.to_unified(created, conn.context))


DECLARATION = ObjectDeclaration(
    name="journal_entry",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "currency", "exchange_rate",
                                  "field_mappings", "payments", "applied_payments", "tracking_categories",
                                  "journal_number", "line_items[].contact_id", "line_items[].currency",
                                  "line_items[].exchange_rate", "line_items[].tax_rate_id",
                                  "line_items[].tracking_categories"}),
)
