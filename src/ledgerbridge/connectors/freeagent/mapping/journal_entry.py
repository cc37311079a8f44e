"""Journal entries ⇄ FreeAgent journal sets. A set's entries book a signed ``debit_value`` (positive a debit,
negative a credit, as the collection's example has it) to a category; the set has a date and a description."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import RefMaker, day, iso_day, key_of, money, text
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalLine, complete


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(key_of(remote["url"]))
    lines = []
    for entry in remote.get("journal_entries") or []:
        line = JournalLine(id=ctx.ref("journal_line", f"{key}#{key_of(entry.get('url'))}"),
                           remote_id=key_of(entry.get("url")), description=text(entry.get("description")),
                           account_id=ctx.ref("account", key_of(entry.get("category"))))
        complete(line, money(entry.get("debit_value")) or Decimal(0))
        lines.append(line)
    journal = JournalEntry(transaction_date=day(remote.get("dated_on")), memo=text(remote.get("description")),
                           posting_status="POSTED", line_items=lines)
    return RemoteRecord(object="journal_entry", remote_key=key, remote_id=key, data=journal, remote_data=remote,
                        remote_updated_at=day(remote.get("updated_at")))


def to_remote(body: JournalEntryInput, refs: Refs, urls: Any, today: str) -> dict[str, Any]:
    entries = []
    for line in body.line_items:
        assert line.net_amount is not None  # JournalLineInput completes every form of the amount
        entry: dict[str, Any] = {"category": urls("categories", refs.remote_id(line.account_id)),
                                 "debit_value": str(line.net_amount)}
        if line.description:
            entry["description"] = line.description
        entries.append(entry)
    return {"dated_on": iso_day(body.transaction_date) or today,
            "description": body.memo or body.journal_number or "Journal", "journal_entries": entries}
