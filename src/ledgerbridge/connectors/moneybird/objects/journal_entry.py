"""Journal entries at Moneybird: ``documents/general_journal_documents``, read and created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.moneybird.mapping import journal_entry as mapping
from ledgerbridge.connectors.moneybird.reader import Reader, Resource
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.moneybird.connector import MoneybirdConnector

READER = Reader(Resource("documents/general_journal_documents", filter="state:all", sync=True), mapping.to_unified)


async def validate(conn: MoneybirdConnector, body: JournalEntryInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: MoneybirdConnector, body: JournalEntryInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.write("POST", "documents/general_journal_documents",
                                      body=mapping.to_remote(body, refs))
    return WriteResult(mapping.to_unified(created, conn.context))


DECLARATION = ObjectDeclaration(
    name="journal_entry",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"currency", "exchange_rate", "tracking_categories", "company_info_id",
                                  "accounting_period_id", "journal_number", "field_mappings"}),
)
