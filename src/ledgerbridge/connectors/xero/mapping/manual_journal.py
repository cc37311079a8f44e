"""Manual journals, Xero → unified journal entry (read only, a plain dict until a unified model exists).

Fields follow Panora's journal entry: transaction_date, memo (Xero's Narration), posting_status (Xero's Status:
DRAFT, POSTED, VOIDED, ARCHIVED), tracking_categories (every option used on a line) and journal_lines
``{"account_id", "net_amount", "tax_amount", "tax_rate_id", "tracking_categories", "description"}``. Xero signs
LineAmount: positive is a debit, negative a credit; the sign is kept.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, account_ref, money, text
from ledgerbridge.connectors.xero.mapping.invoice import line_tracking


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None = None) -> dict[str, Any]:
    journal_id = str(remote["ManualJournalID"]).lower()
    status = str(remote.get("Status") or "").upper()
    lines = []
    for line in remote.get("JournalLines") or []:
        lines.append({
            "account_id": account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
            "net_amount": money(line.get("LineAmount")),
            "tax_amount": money(line.get("TaxAmount")),
            "tax_rate_id": ctx.ref("tax_rate", text(line.get("TaxType"))),
            "tracking_categories": line_tracking(ctx, lookup, line.get("Tracking")),
            "description": text(line.get("Description")),
        })
    return {
        "remote_id": journal_id,
        "transaction_date": read_date(remote.get("Date")),
        "memo": text(remote.get("Narration")),
        "posting_status": status or None,
        "line_amount_types": text(remote.get("LineAmountTypes")),
        "tracking_categories": list(dict.fromkeys(t for line in lines for t in line["tracking_categories"])),
        "journal_lines": lines,
        "remote_updated_at": read_date(remote.get("UpdatedDateUTC")),
        "remote_was_deleted": status == "DELETED",
    }
