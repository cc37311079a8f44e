"""Journal entries at Pennylane: ledger entries. Listed (cursor pages; with ``since``, ``updated_at gteq``, the
list's own filter, as entries have no change feed), each read whole for its lines; created in the
miscellaneous journal (OD)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.pennylane.errors import PROVIDER, is_not_found
from ledgerbridge.connectors.pennylane.mapping import journal_entry as mapping
from ledgerbridge.errors import FieldError, ProviderDetail, ProviderRejected
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.pennylane.connector import PennylaneConnector

MISC = "misc"


async def pages(conn: PennylaneConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    params = {}
    if since is not None:
        params["filter"] = json.dumps([{"field": "updated_at", "operator": "gteq",
                                        "value": since.astimezone(dt.UTC).isoformat()}])
    async for body in conn.client.pages("ledger_entries", page_size=conn.page_size, params=params):
        yield [mapping.to_unified(await conn.client.get(f"ledger_entries/{row['id']}"), conn.context)
               for row in body["items"]]


async def fetch(conn: PennylaneConnector, remote_key: str) -> RemoteRecord | None:
    if not remote_key.isdigit():
        return None
    try:
        return mapping.to_unified(await conn.client.get(f"ledger_entries/{remote_key}"), conn.context)
    except ProviderRejected as exc:
        if is_not_found(exc):
            return None
        raise


async def validate(conn: PennylaneConnector, body: JournalEntryInput, refs: Refs) -> list[FieldError]:
    return mapping.check(body, refs)


async def _journal(conn: PennylaneConnector) -> int:
    found = await conn.client.get("journals", {"filter": json.dumps([{"field": "type", "operator": "eq",
                                                                      "value": MISC}]), "limit": "1"})
    if not found.get("items"):
        raise ProviderRejected(ProviderDetail(PROVIDER, message="no miscellaneous journal to book the entry in",
                                              fields=[FieldError("journal_number", "Pennylane has no OD journal")]))
    return int(found["items"][0]["id"])


async def create(conn: PennylaneConnector, body: JournalEntryInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.post("ledger_entries", mapping.to_remote(body, refs, await _journal(conn)))
    record = await fetch(conn, str(created["id"]))
    assert record is not None
    return WriteResult(record, mapping.write_warnings(body))


DECLARATION = ObjectDeclaration(
    name="journal_entry",
    list=pages,
    fetch=fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"currency", "exchange_rate", "tracking_categories", "company_info_id",
                                  "accounting_period_id", "payments", "applied_payments", "field_mappings"}),
)
