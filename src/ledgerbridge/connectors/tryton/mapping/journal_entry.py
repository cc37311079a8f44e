"""Journal entries: Tryton ``account.move`` (with its lines) ⇄ the unified journal entry. Pure.

- Reads: every move (draft → DRAFT, posted → POSTED), amounts in the company currency; each line's signed amount is
  debit − credit.
- Writes: an ``account.move`` in the first general journal, in the standard period holding the date; lines carry
  debit/credit and, on accounts that require one, the party. Tryton numbers moves itself when posting, so a
  caller's ``journal_number`` is not kept.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs
from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key, nested, to_day, to_instant
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalLine, complete

FIELDS = ["number", "date", "description", "state", "company", "company.currency.code", "lines", "create_date",
          "write_date"]
LINE_FIELDS = ["move", "account", "debit", "credit", "party", "description", "write_date"]


def to_unified(record: dict[str, Any], lines: list[dict[str, Any]], ref: RefFn) -> JournalEntry:
    move_key = key(MODELS["journal_entry"], record["id"])
    currency = nested(record, "company.currency.code")
    items = []
    for line in lines:
        item = JournalLine(
            id=ref("journal_entry_line_item", f"{move_key}#{line['id']}"),
            remote_id=str(line["id"]),
            account_id=ref("account", key(MODELS["account"], line.get("account"))),
            description=line.get("description"),
            contact_id=ref("contact", key(MODELS["contact"], line.get("party"))),
            currency=currency,
        )
        complete(item, (line.get("debit") or Decimal(0)) - (line.get("credit") or Decimal(0)))
        items.append(item)
    return JournalEntry(
        transaction_date=to_instant(record.get("date")),
        memo=record.get("description"),
        currency=currency,
        journal_number=record.get("number"),
        posting_status="POSTED" if record.get("state") == "posted" else "DRAFT",
        company_info_id=ref("company_info", key(MODELS["company_info"], record.get("company"))),
        line_items=items,
    )


def to_remote(body: JournalEntryInput, refs: Refs, *, day: dt.date, period: int, journal: int,
              party_required: set[int], unit: Decimal = Decimal("0.01")) -> tuple[dict[str, Any], list[Warning_]]:
    """The ``account.move`` create values (draft) for ``body``, and what could not be taken as given.

    Amounts are sent at the currency's precision (``unit``), as Tryton's own forms would round them."""
    warnings: list[Warning_] = []
    lines = []
    for index, line in enumerate(body.line_items):
        account = int(refs.remote_id(line.account_id) or 0)
        values: dict[str, Any] = {"account": account, "debit": (line.debit or Decimal(0)).quantize(unit),
                                  "credit": (line.credit or Decimal(0)).quantize(unit)}
        if line.description:
            values["description"] = line.description
        party = refs.remote_id(line.contact_id)
        if party is not None and account in party_required:
            values["party"] = int(party)
        elif party is not None:
            # Tryton refuses a party on an account that does not track parties; the entry is still right without.
            warnings.append(Warning_(field=f"line_items[{index}].contact_id", message=(
                "Tryton keeps a party only on accounts that require one (receivable/payable); not sent")))
        lines.append(values)
    if body.journal_number:
        warnings.append(Warning_(field="journal_number", message=(
            "Tryton numbers journal entries from its own sequence when posting; not kept")))
    move: dict[str, Any] = {"journal": journal, "period": period, "date": day, "lines": [("create", lines)]}
    if body.memo:
        move["description"] = body.memo
    return move, warnings


def wants_posting(body: JournalEntryInput) -> bool:
    """Entries are posted unless the caller asks for a draft (as QuickBooks and Xero post them)."""
    return (body.posting_status or "POSTED").strip().upper() != "DRAFT"


def entry_day(body: JournalEntryInput, today: dt.date) -> dt.date:
    return to_day(body.transaction_date) or today
