"""Journal entries at Xero: ``/ManualJournals``, read (paged) and created."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import MANUAL_JOURNALS, first
from ledgerbridge.connectors.xero.mapping import journal_entry as mapping
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    lookup = await conn.learn({"Accounts"})
    return [mapping.to_unified(row, conn.context, lookup) for row in rows]


async def list_journals(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(MANUAL_JOURNALS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(MANUAL_JOURNALS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


async def validate(conn: XeroConnector, body: JournalEntryInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: XeroConnector, body: JournalEntryInput, refs: Refs, request_key: str) -> WriteResult:
    lookup = await conn.learn({"Accounts"})  # lines name accounts by code
    created = await conn.client.put("ManualJournals", mapping.to_remote(body, refs, lookup),
                                    key=idempotency_key(request_key, "journal_entry"))
    return WriteResult(mapping.to_unified(created, conn.context, lookup))


DECLARATION = ObjectDeclaration(
    name="journal_entry",
    list=list_journals,
    fetch=fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "currency", "exchange_rate",
                                  "field_mappings", "payments", "applied_payments", "line_items[].contact_id",
                                  "line_items[].currency", "line_items[].exchange_rate"}),
)
