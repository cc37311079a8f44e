"""Journal entries ⇄ Business Central general journal postings.

A posted journal is a set of ``generalLedgerEntries`` sharing a ``documentNumber``: that number is the entry's
remote key. Entries are written as ``journalLines`` of a general journal (one per line, the amount signed: debit
positive) and then posted with ``Microsoft.NAV.post``, which turns them into ledger entries and empties the
journal.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, money, read_date, text, write_date
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalLine, complete, signed_amount

DOCUMENT_NUMBER_MAX = 20  # journalLine.documentNumber maxLength
DESCRIPTION_MAX = 100


def document_number(request_key: str) -> str:
    """The entry's document number: stable for one logical request, unique across requests."""
    return "LB" + hashlib.sha256(request_key.encode()).hexdigest()[:12].upper()


def to_unified(number: str, entries: list[dict[str, Any]], ctx: RefMaker) -> RemoteRecord:
    lines = []
    for entry in entries:
        amount = (money(entry.get("debitAmount")) or Decimal(0)) - (money(entry.get("creditAmount")) or Decimal(0))
        line = JournalLine(remote_id=str(entry["id"]), account_id=ctx.ref("account", text(entry.get("accountId"))),
                           description=text(entry.get("description")))
        complete(line, amount)
        lines.append(line)
    first = entries[0] if entries else {}
    stamps = [s for s in (read_date(e.get("lastModifiedDateTime")) for e in entries) if s is not None]
    entry_ = JournalEntry(transaction_date=read_date(first.get("postingDate")), memo=text(first.get("description")),
                          journal_number=number, posting_status="POSTED", line_items=lines)
    return RemoteRecord(object="journal_entry", remote_key=number, remote_id=number, data=entry_,
                        remote_data={"documentNumber": number, "generalLedgerEntries": entries},
                        remote_updated_at=max(stamps) if stamps else None)


def validate(body: JournalEntryInput) -> list[FieldError]:
    errors = []
    if body.journal_number and len(body.journal_number) > DOCUMENT_NUMBER_MAX:
        errors.append(FieldError("journal_number", f"Business Central takes at most {DOCUMENT_NUMBER_MAX} "
                                                   "characters"))
    return errors


def lines_to_remote(body: JournalEntryInput, refs: Refs, number: str) -> list[dict[str, Any]]:
    out = []
    for line in body.line_items:
        remote: dict[str, Any] = {"accountType": "G/L Account", "accountId": refs.remote_id(line.account_id),
                                  "documentNumber": number, "amount": signed_amount(line),
                                  "description": (line.description or body.memo or "")[:DESCRIPTION_MAX]}
        if body.transaction_date is not None:
            remote["postingDate"] = write_date(body.transaction_date)
        out.append(remote)
    return out
