"""Journal entries ⇄ Pennylane ledger entries: a date, a label, a journal and balanced lines, each a debit or a
credit (decimal strings) on a ledger account. Entries we create go to the miscellaneous journal (OD)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Refs, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping.common import amount, day, stamp, text, write_amount, write_day
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalLine, complete, signed_amount


def to_unified(entry: dict[str, Any], ctx: ConnectionContext) -> RemoteRecord:
    lines = []
    for line in entry.get("ledger_entry_lines") or []:
        unified = JournalLine(remote_id=str(line["id"]), description=text(line.get("label")),
                              account_id=ctx.ref("account", str((line.get("ledger_account") or {}).get("id"))))
        complete(unified, (amount(line.get("debit")) or Decimal(0)) - (amount(line.get("credit")) or Decimal(0)))
        lines.append(unified)
    journal_entry = JournalEntry(transaction_date=day(entry.get("date")), memo=text(entry.get("label")),
                                 journal_number=text(entry.get("piece_number")), posting_status="POSTED",
                                 currency="EUR", line_items=lines)
    return RemoteRecord(object="journal_entry", remote_key=str(entry["id"]), remote_id=str(entry["id"]),
                        data=journal_entry, remote_data=entry, remote_updated_at=stamp(entry.get("updated_at")))


def check(body: JournalEntryInput, refs: Refs) -> list[FieldError]:
    """What Pennylane would refuse (the input model has already checked the entry balances)."""
    errors = [FieldError(f"line_items[{i}].account_id", "is not a Pennylane ledger account")
              for i, line in enumerate(body.line_items) if refs.remote_id(line.account_id) is None]
    if body.transaction_date is None:
        errors.append(FieldError("transaction_date", "is required: Pennylane books an entry on a date"))
    return errors


def to_remote(body: JournalEntryInput, refs: Refs, journal_id: int) -> dict[str, Any]:
    assert body.transaction_date is not None
    label = body.memo or body.journal_number or "Écriture"
    lines = []
    for line in body.line_items:
        signed = signed_amount(line) or Decimal(0)
        remote: dict[str, Any] = {"ledger_account_id": int(refs.remote_id(line.account_id) or 0),
                                  "debit": write_amount(max(signed, Decimal(0))),
                                  "credit": write_amount(max(-signed, Decimal(0)))}
        if line.description:
            remote["label"] = line.description
        lines.append(remote)
    remote_entry: dict[str, Any] = {"date": write_day(body.transaction_date), "label": label,
                                    "journal_id": journal_id, "ledger_entry_lines": lines}
    if body.journal_number:
        remote_entry["piece_number"] = body.journal_number
    return remote_entry


def write_warnings(body: JournalEntryInput) -> list[Warning_]:
    warnings = []
    if body.tracking_categories or any(line.tracking_categories for line in body.line_items):
        warnings.append(Warning_(field="tracking_categories", message="analytic categories are not sent"))
    if any(line.tax_rate_id or line.contact_id for line in body.line_items):
        warnings.append(Warning_(field="line_items", message="a Pennylane entry line is an amount on an account; "
                                 "tax rates and contacts on lines were not sent"))
    if body.posting_status and body.posting_status.strip().upper() == "DRAFT":
        warnings.append(Warning_(field="posting_status", message="Pennylane books entries at once; it was posted"))
    return warnings
