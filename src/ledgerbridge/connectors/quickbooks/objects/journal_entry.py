"""Journal entries ⇄ QBO JournalEntry: read, create."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.quickbooks.client import request_id
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import journal_entry as mapping
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

READER = EntityReader((Entity("JournalEntry"),), each(mapping.to_unified), cdc=True)


async def create(connector: QuickBooksConnector, body: JournalEntryInput, refs: Refs,
                 request_key: str) -> WriteResult:
    created = await connector.client.create("JournalEntry", mapping.to_remote(body, refs),
                                            requestid=request_id(request_key))
    return WriteResult(mapping.to_unified(created, connector.context), connector.not_stored("journal_entry", body))


DECLARATION = ObjectDeclaration(
    "journal_entry",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many, deleted=READER.deleted,
    create=create,
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "field_mappings", "payments",
                                  "applied_payments", "posting_status", "line_items[].tax_rate_id"}),
)
