"""Journal entries ⇄ Moneybird general journal documents (``documents/general_journal_documents``).

``memo`` ⇄ ``reference``, ``transaction_date`` ⇄ ``date``; each entry line has a ledger account and a debit or a
credit (Moneybird requires them to balance). Lines carry no tax at Moneybird: a line's ``tax_rate_id`` is refused.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.moneybird.mapping.common import RefMaker, ident, money, read_date, text, wire_money
from ledgerbridge.connectors.moneybird.mapping.common import write_date as date_text
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalLine


def to_unified(row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    doc_id = str(row["id"])
    lines = []
    for entry in row.get("general_journal_document_entries") or []:
        debit, credit = money(entry.get("debit")) or Decimal(0), money(entry.get("credit")) or Decimal(0)
        lines.append(JournalLine(
            id=ctx.ref("journal_line", f"{doc_id}#{entry['id']}"), remote_id=str(entry["id"]),
            account_id=ctx.ref("account", ident(entry.get("ledger_account_id"))), debit=debit, credit=credit,
            net_amount=debit - credit, description=text(entry.get("description")),
            contact_id=ctx.ref("contact", ident(entry.get("contact_id")))))
    journal = JournalEntry(transaction_date=read_date(row.get("date")), memo=text(row.get("reference")),
                           journal_number=doc_id, posting_status="POSTED", line_items=lines)
    return RemoteRecord(object="journal_entry", remote_key=doc_id, remote_id=doc_id, data=journal, remote_data=row,
                        remote_updated_at=read_date(row.get("updated_at")))


def to_remote(body: JournalEntryInput, refs: Refs) -> dict[str, Any]:
    entries = []
    for line in body.line_items:
        debit, credit = line.debit or Decimal(0), line.credit or Decimal(0)
        if line.debit is None and line.credit is None and line.net_amount is not None:
            debit, credit = max(line.net_amount, Decimal(0)), max(-line.net_amount, Decimal(0))
        entry: dict[str, Any] = {"ledger_account_id": refs.remote_id(line.account_id), "debit": wire_money(debit),
                                 "credit": wire_money(credit)}
        if line.description:
            entry["description"] = line.description
        if (contact := refs.remote_id(line.contact_id)) is not None:
            entry["contact_id"] = contact
        entries.append(entry)
    attrs: dict[str, Any] = {"general_journal_document_entries_attributes": entries}
    if body.memo:
        attrs["reference"] = body.memo
    if body.transaction_date is not None:
        attrs["date"] = date_text(body.transaction_date)
    return {"general_journal_document": attrs}


def validate(body: JournalEntryInput) -> list[FieldError]:
    return [FieldError(f"line_items[{i}].tax_rate_id", "Moneybird journal lines carry no tax")
            for i, line in enumerate(body.line_items) if line.tax_rate_id is not None]
