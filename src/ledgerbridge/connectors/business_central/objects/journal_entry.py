"""Journal entries at Business Central: written as general journal lines and posted; read back as the general
ledger entries of their document number.

Create: the lines go into the general journal (the connection's ``general_journal`` code, else the first journal
without a balancing account), then ``Microsoft.NAV.post``. Nothing is retried (no idempotency key); if a line or
the posting fails, the lines written under this entry's document number are deleted again, so the journal is left
as it was and nothing is posted.

Listing pages through ``generalLedgerEntries`` (``since`` on ``lastModifiedDateTime``) and groups them by
document number; ledger entries of one posting are consecutive, and a group cut by a page boundary is held until
the next page.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, reject
from ledgerbridge.connectors.business_central.client import key_segment
from ledgerbridge.connectors.business_central.mapping import journal_entry as mapping
from ledgerbridge.connectors.business_central.mapping.common import etag, text
from ledgerbridge.errors import FieldError, ProviderError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.business_central.connector import BusinessCentralConnector

log = logging.getLogger(__name__)
ENTRIES = "generalLedgerEntries"


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def pages(conn: BusinessCentralConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    held: list[dict[str, Any]] = []
    async for rows in conn.client.pages(ENTRIES, since=since, page_size=conn.page_size):
        groups: list[list[dict[str, Any]]] = []
        for row in held + rows:
            if groups and groups[-1][0].get("documentNumber") == row.get("documentNumber"):
                groups[-1].append(row)
            else:
                groups.append([row])
        held = groups.pop()  # the last group may go on in the next page
        if groups:
            yield [mapping.to_unified(str(g[0].get("documentNumber")), g, conn.context) for g in groups]
    if held:
        yield [mapping.to_unified(str(held[0].get("documentNumber")), held, conn.context)]


async def fetch(conn: BusinessCentralConnector, remote_key: str) -> RemoteRecord | None:
    entries = await conn.client.read_all(ENTRIES, where=f"documentNumber eq {_quoted(remote_key)}")
    return mapping.to_unified(remote_key, entries, conn.context) if entries else None


async def validate(conn: BusinessCentralConnector, body: JournalEntryInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: BusinessCentralConnector, body: JournalEntryInput, refs: Refs,
                 request_key: str) -> WriteResult:
    journal = await _general_journal(conn)
    number = body.journal_number or mapping.document_number(request_key)
    if body.journal_number and await fetch(conn, number) is not None:
        reject([FieldError("journal_number", f"Business Central has posted document {number} already")])
    lines_path = f"journals{key_segment(journal)}/journalLines"
    try:
        for line in mapping.lines_to_remote(body, refs, number):
            await conn.client.create(lines_path, line)
        await conn.client.action("journals", journal, "post")
    except ProviderError:
        await _withdraw(conn, lines_path, number)
        raise
    record = await fetch(conn, number)
    if record is None:
        reject([FieldError("line_items", "Business Central posted nothing for this entry")])
        raise AssertionError  # unreachable: reject raises
    warnings = [Warning_(field="tracking_categories", message="dimensions are not written by this connector")
                ] if body.tracking_categories else []
    return WriteResult(record, warnings)


async def _general_journal(conn: BusinessCentralConnector) -> str:
    code = text(conn.context.credentials.get("general_journal"))
    journals = await conn.client.read_all("journals", where=None if code is None else f"code eq {_quoted(code)}")
    usable = [j for j in journals if code is not None or not text(j.get("balancingAccountId"))]
    if not usable:
        reject([FieldError("line_items", "Business Central has no general journal to post the entry in")])
    return str(usable[0]["id"])


async def _withdraw(conn: BusinessCentralConnector, lines_path: str, number: str) -> None:
    """Delete the journal lines of this entry's document number (a failed create leaves the journal as it was)."""
    try:
        for line in await conn.client.read_all(lines_path, where=f"documentNumber eq {_quoted(number)}"):
            await conn.client.delete(f"{lines_path}{key_segment(str(line['id']))}", etag=etag(line) or "*")
    except ProviderError as exc:  # the original error matters more; this one is logged for an operator
        log.error("business_central: could not withdraw journal lines %s: %s", number, exc)


DECLARATION = ObjectDeclaration(
    name="journal_entry",
    list=pages,
    fetch=fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "currency", "exchange_rate",
                                  "field_mappings", "payments", "applied_payments", "tracking_categories",
                                  "line_items[].contact_id", "line_items[].tax_rate_id",
                                  "line_items[].tracking_categories", "line_items[].currency",
                                  "line_items[].exchange_rate"}),
)
