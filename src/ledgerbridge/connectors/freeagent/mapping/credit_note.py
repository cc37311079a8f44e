"""Credit notes ⇄ FreeAgent credit notes (sales credit notes: receivable). FreeAgent states their lines and
totals negative; unified credit notes carry positive amounts, so figures are read as their absolute values."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import RefMaker, day, key_of, money, text
from ledgerbridge.connectors.freeagent.mapping.invoice import line_to_unified
from ledgerbridge.unified.credit_note import CreditNote

_STATUS = {"Draft": "DRAFT", "Sent": "AUTHORIZED", "Open": "AUTHORIZED", "Overdue": "AUTHORIZED",
           "Paid": "PAID", "Refunded": "PAID", "Cancelled": "VOID"}


def _positive(value: Any) -> Any:
    amount = money(value)
    return abs(amount) if amount is not None else None


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(key_of(remote["url"]))
    currency = text(remote.get("currency"))
    lines = []
    for line in remote.get("credit_note_items") or []:
        unified = line_to_unified(f"credit_notes/{key}", line, ctx, currency)
        lines.append(unified.model_copy(update={"unit_price": _positive(unified.unit_price),
                                                "total_amount": _positive(unified.total_amount)}))
    note = CreditNote(
        type="ACCOUNTS_RECEIVABLE",
        transaction_date=day(remote.get("dated_on")),
        status=_STATUS.get(str(remote.get("status") or "")),
        number=text(remote.get("reference")),
        memo=text(remote.get("comments")),
        contact_id=ctx.ref("contact", key_of(remote.get("contact"))),
        currency=currency,
        sub_total=_positive(remote.get("net_value")),
        total_tax_amount=_positive(remote.get("sales_tax_value")),
        total_amount=_positive(remote.get("total_value")),
        remaining_credit=_positive(remote.get("due_value")),
        line_items=lines,
        remote_created_at=day(remote.get("created_at")),
    )
    return RemoteRecord(object="credit_note", remote_key=key, remote_id=key, data=note, remote_data=remote,
                        remote_updated_at=day(remote.get("updated_at")))
