"""Journal entries at Xero: ``/ManualJournals``, read (paged) and created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import MANUAL_JOURNALS
from ledgerbridge.connectors.xero.mapping import journal_entry as mapping
from ledgerbridge.connectors.xero.reader import Reader, with_accounts
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector

READER = Reader(MANUAL_JOURNALS, with_accounts(mapping.to_unified))


async def validate(conn: XeroConnector, body: JournalEntryInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: XeroConnector, body: JournalEntryInput, refs: Refs, request_key: str) -> WriteResult:
    lookup = await conn.learn({"Accounts"})  # lines name accounts by code
    created = await conn.client.put("ManualJournals", mapping.to_remote(body, refs, lookup),
                                    key=idempotency_key(request_key, "journal_entry"))
    return WriteResult(mapping.to_unified(created, conn.context, lookup))


DECLARATION = ObjectDeclaration(
    name="journal_entry",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    validate=validate,
    unmapped_fields={"JournalLines[].TaxAmount": "the tax Xero computed on a line (its tax rate is tax_rate_id)"},
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "currency", "exchange_rate",
                                  "field_mappings", "payments", "applied_payments", "line_items[].contact_id",
                                  "line_items[].currency", "line_items[].exchange_rate"}),
)
