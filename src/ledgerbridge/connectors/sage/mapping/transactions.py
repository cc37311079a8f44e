"""Sage's other transactions as unified records: sales credit notes, contact payments, journals (read)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.sage.mapping.common import RefMaker, currency, day, money, ref_id, stamp, text
from ledgerbridge.connectors.sage.mapping.invoice import PURCHASES, SALES, STATUS, line_to_unified
from ledgerbridge.unified.credit_note import CreditNote
from ledgerbridge.unified.journal_entry import JournalEntry, JournalLine
from ledgerbridge.unified.payment import Payment, PaymentLine, PaymentType


def _record(object_name: str, remote: dict[str, Any], data: Any) -> RemoteRecord:
    key = str(remote["id"])
    return RemoteRecord(object=object_name, remote_key=key, remote_id=key, data=data, remote_data=remote,
                        remote_updated_at=stamp(remote.get("updated_at")), deleted=bool(remote.get("deleted_at")))


def credit_note_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    status = STATUS.get(ref_id(remote.get("status")) or "")
    return _record("credit_note", remote, CreditNote(
        type="ACCOUNTS_RECEIVABLE", transaction_date=day(remote.get("date")),
        status=None if status is None else status.value, number=text(remote.get("credit_note_number")),
        memo=text(remote.get("notes")) or text(remote.get("reference")),
        contact_id=ctx.ref("contact", ref_id(remote.get("contact"))), currency=currency(remote),
        exchange_rate=text(remote.get("exchange_rate")), sub_total=money(remote.get("net_amount")),
        total_tax_amount=money(remote.get("tax_amount")), total_amount=money(remote.get("total_amount")),
        remaining_credit=money(remote.get("outstanding_amount")),
        line_items=[line_to_unified(line, ctx) for line in remote.get("credit_note_lines") or []
                    if isinstance(line, dict)],
        remote_created_at=stamp(remote.get("created_at"))))


def payment_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    receipt = ref_id(remote.get("transaction_type")) == "CUSTOMER_RECEIPT"
    collection = SALES if receipt else PURCHASES
    lines = []
    for allocation in remote.get("allocated_artefacts") or []:
        artefact = ref_id(allocation.get("artefact"))
        lines.append(PaymentLine(remote_id=text(allocation.get("id")), applied_amount=money(allocation.get("amount")),
                                 applied_date=day(remote.get("date")), related_object_type="INVOICE",
                                 related_object_id=ctx.ref("invoice",
                                                           f"{collection}/{artefact}" if artefact else None)))
    return _record("payment", remote, Payment(
        invoice_id=lines[0].related_object_id if len(lines) == 1 else None,
        transaction_date=day(remote.get("date")), contact_id=ctx.ref("contact", ref_id(remote.get("contact"))),
        currency=currency(remote), exchange_rate=text(remote.get("exchange_rate")),
        total_amount=money(remote.get("total_amount")), type=PaymentType.AR if receipt else PaymentType.AP,
        reference=text(remote.get("reference")), line_items=lines))


def journal_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    lines = []
    for line in remote.get("journal_lines") or []:
        debit, credit = money(line.get("debit")) or Decimal(0), money(line.get("credit")) or Decimal(0)
        lines.append(JournalLine(remote_id=text(line.get("id")), account_id=ctx.ref(
            "account", ref_id(line.get("ledger_account"))), debit=debit, credit=credit, net_amount=debit - credit,
            description=text(line.get("details"))))
    return _record("journal_entry", remote, JournalEntry(
        transaction_date=day(remote.get("date")), memo=text(remote.get("description")) or text(remote.get("reference")),
        journal_number=text(remote.get("reference")), posting_status="POSTED", line_items=lines))
