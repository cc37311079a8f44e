"""Journal entries ⇄ Xero ManualJournal. Pure.

Xero signs ``LineAmount``: positive is a debit, negative a credit, like the unified ``net_amount``; the sign is
kept and ``posting_type`` follows it. ``memo`` ⇄ ``Narration`` (which Xero requires), ``posting_status`` ⇄
``Status`` (DRAFT, POSTED; Xero also VOIDED, ARCHIVED). The entry's tracking is every option used on a line.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date, write_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, account_ref, money, text
from ledgerbridge.connectors.xero.mapping.lines import account_code, line_tracking, tracking_entries
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalLine, PostingType, complete


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None = None) -> RemoteRecord:
    journal_id = str(remote["ManualJournalID"]).lower()
    status = str(remote.get("Status") or "").upper()
    lines = []
    for line in remote.get("JournalLines") or []:
        unified = JournalLine(
            account_id=account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
            description=text(line.get("Description")),
            tax_rate_id=ctx.ref("tax_rate", text(line.get("TaxType"))),
            tracking_categories=line_tracking(ctx, lookup, line.get("Tracking")),
        )
        complete(unified, money(line.get("LineAmount")) or Decimal(0))
        lines.append(unified)
    entry = JournalEntry(
        transaction_date=read_date(remote.get("Date")),
        memo=text(remote.get("Narration")),
        posting_status=status or None,
        tracking_categories=list(dict.fromkeys(t for line in lines for t in line.tracking_categories)),
        line_items=lines,
    )
    return RemoteRecord("journal_entry", journal_id, journal_id, entry, remote,
                        read_date(remote.get("UpdatedDateUTC")), deleted=status == "DELETED")


def validate(body: JournalEntryInput) -> list[FieldError]:
    if not (body.memo or body.journal_number):
        return [FieldError("memo", "Xero needs a narration for a manual journal; give a memo")]
    return []


def to_remote(body: JournalEntryInput, refs: Refs, lookup: Lookup) -> dict[str, Any]:
    lines = []
    for line in body.line_items:
        assert line.net_amount is not None  # JournalLineInput completes every form of the amount
        amount = abs(line.net_amount) if line.posting_type == PostingType.DEBIT else -abs(line.net_amount)
        remote: dict[str, Any] = {"LineAmount": amount}
        if (account := account_code(refs, line.account_id, lookup)) is not None:
            remote[account[0]] = account[1]
        if line.description:
            remote["Description"] = line.description
        if (tax := refs.get(line.tax_rate_id)) is not None:
            remote["TaxType"] = tax.remote_key
        if tracking := tracking_entries(refs, [*line.tracking_categories, *body.tracking_categories]):
            remote["Tracking"] = tracking
        lines.append(remote)
    status = (body.posting_status or "POSTED").strip().upper()
    journal: dict[str, Any] = {"Narration": body.memo or body.journal_number, "JournalLines": lines,
                               "LineAmountTypes": "NoTax" if not any(line.tax_rate_id for line in body.line_items)
                               else "Exclusive",
                               "Status": "DRAFT" if status == "DRAFT" else "POSTED"}
    if body.transaction_date is not None:
        journal["Date"] = write_date(body.transaction_date)
    return journal
