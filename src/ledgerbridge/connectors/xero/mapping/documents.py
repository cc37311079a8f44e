"""Xero payments, credit notes, manual journals and bank transactions as unified records.

The field-level mapping lives in :mod:`.payment`, :mod:`.credit_note` and :mod:`.manual_journal` (dicts); this
module shapes those into the unified models. Xero signs manual-journal LineAmount (positive = debit).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping import credit_note, manual_journal, payment
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, account_ref, lower_id, money, text
from ledgerbridge.unified.credit_note import CreditNote
from ledgerbridge.unified.documents import PricedLine
from ledgerbridge.unified.journal_entry import JournalEntry, JournalLine, complete
from ledgerbridge.unified.payment import Payment, PaymentLine
from ledgerbridge.unified.transaction import Transaction


def _record(object_name: str, remote_id: str, remote: dict[str, Any], data: Any,
            mapped: dict[str, Any]) -> RemoteRecord:
    return RemoteRecord(object_name, remote_id, remote_id, data, remote, mapped.get("remote_updated_at"),
                        deleted=bool(mapped.get("remote_was_deleted")))


def payment_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    mapped = payment.to_unified(remote, ctx)
    target, kind = ((mapped["invoice_id"], "INVOICE") if mapped["invoice_id"]
                    else (mapped["credit_note_id"], "CREDIT_NOTE"))
    lines = [PaymentLine(applied_amount=mapped["total_amount"], applied_date=mapped["transaction_date"],
                         related_object_id=target, related_object_type=kind)] if target else []
    ptype = str(mapped.get("type") or "")
    data = Payment(
        invoice_id=mapped["invoice_id"], transaction_date=mapped["transaction_date"], contact_id=mapped["contact_id"],
        account_id=mapped["account_id"], currency=mapped["currency"], exchange_rate=mapped["exchange_rate"],
        total_amount=mapped["total_amount"], type="AP" if ptype.startswith("ACCPAY") else "AR",
        reference=mapped["reference"], status=mapped["status"], line_items=lines,
    )
    return _record("payment", mapped["remote_id"], remote, data, mapped)


def credit_note_to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    mapped = credit_note.to_unified(remote, ctx, lookup)
    status = {"OPEN": "AUTHORIZED"}.get(mapped["status"] or "", mapped["status"])
    fields = {k: mapped[k] for k in ("type", "number", "memo", "transaction_date", "contact_id", "currency",
                                     "exchange_rate", "sub_total", "total_tax_amount", "total_amount",
                                     "remaining_credit", "tracking_categories", "payments", "applied_payments",
                                     "line_items")}
    return _record("credit_note", mapped["remote_id"], remote, CreditNote(status=status, **fields), mapped)


def journal_entry_to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    mapped = manual_journal.to_unified(remote, ctx, lookup)
    lines = []
    for line in mapped["journal_lines"]:
        unified = JournalLine(account_id=line["account_id"], description=line["description"],
                              tax_rate_id=line["tax_rate_id"], tracking_categories=line["tracking_categories"])
        complete(unified, line["net_amount"] or Decimal(0))
        lines.append(unified)
    data = JournalEntry(transaction_date=mapped["transaction_date"], memo=mapped["memo"],
                        posting_status=mapped["posting_status"], tracking_categories=mapped["tracking_categories"],
                        line_items=lines)
    return _record("journal_entry", mapped["remote_id"], remote, data, mapped)


def transaction_to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    remote_id = str(remote["BankTransactionID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    lines = [
        PricedLine(
            remote_id=lower_id(line.get("LineItemID")), description=text(line.get("Description")),
            unit_price=money(line.get("UnitAmount")), quantity=money(line.get("Quantity")),
            total_line_amount=money(line.get("LineAmount")), tax_amount=money(line.get("TaxAmount")),
            account_id=account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
            tax_rate_id=ctx.ref("tax_rate", text(line.get("TaxType"))), currency=currency,
        )
        for line in remote.get("LineItems") or []
    ]
    status = str(remote.get("Status") or "").upper()
    rate = money(remote.get("CurrencyRate"))
    data = Transaction(
        transaction_type=text(remote.get("Type")), number=text(remote.get("Reference")),
        transaction_date=read_date(remote.get("Date")), total_amount=money(remote.get("Total")),
        exchange_rate=str(rate) if rate else None, currency=currency, status=status or None,
        account_id=ctx.ref("account", lower_id((remote.get("BankAccount") or {}).get("AccountID"))),
        contact_id=ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID"))),
        line_items=lines,
    )
    mapped = {"remote_updated_at": read_date(remote.get("UpdatedDateUTC")), "remote_was_deleted": status == "DELETED"}
    return _record("transaction", remote_id, remote, data, mapped)
