"""Tryton → unified for payments, credit notes and vendor credits, and unified → Tryton for journal entries. Pure.

Choices where the two models do not line up:

- payments: a payment is one line of an invoice's ``payment_lines`` (``account.move.line``): the line the
  ``account.invoice.pay`` wizard (or a bank statement) books on the invoice's receivable/payable account. Its key is
  ``account.move.line/<id>``; the amount is what it settles, positive (a customer's credit, a supplier's debit);
  ``account_id`` is the other side of its move (the payment method's cash account). A direct reconciliation that
  adds no payment line (lines matched by hand) pays the invoice without being a payment here.
- credit notes / vendor credits: Tryton has no separate object: a credit note is an ``account.invoice`` whose total
  is negative (the credit wizard negates the quantities). ``out`` ones are credit notes, ``in`` ones vendor credits.
  Amounts are shown positive, as credit notes are on paper (quantities and line totals flipped with them);
  ``remaining_credit`` is what is left to refund or apply. Such an invoice is still listed under invoices too,
  with its negative total, because for Tryton it is one.
- journal entries (writes): an ``account.move`` in the first general journal, in the standard period holding the
  date; lines carry debit/credit and, on accounts that require one, the party. Tryton numbers moves itself when
  posting, so a caller's ``journal_number`` is not kept.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs
from ledgerbridge.connectors.tryton.mapping import RefFn, key, to_day, to_instant
from ledgerbridge.connectors.tryton.mapping_more import nested
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.credit_note import CreditNote
from ledgerbridge.unified.documents import AccountLine
from ledgerbridge.unified.invoice import Invoice, InvoiceStatus
from ledgerbridge.unified.journal_entry import JournalEntryInput
from ledgerbridge.unified.payment import Payment, PaymentLine, PaymentType
from ledgerbridge.unified.vendor_credit import VendorCredit

MODELS = {
    "payment": "account.move.line",
    "credit_note": "account.invoice",
    "vendor_credit": "account.invoice",
}

DOMAINS: dict[str, list[Any]] = {
    "payment": [("invoice_payment", "!=", None)],
    "credit_note": [("type", "=", "out"), ("total_amount", "<", 0)],
    "vendor_credit": [("type", "=", "in"), ("total_amount", "<", 0)],
}

PAYMENT_FIELDS = ["move", "move.number", "move.state", "move.description", "date", "account", "debit", "credit",
                  "party", "description", "amount_second_currency", "second_currency", "invoice_payment",
                  "create_date", "write_date"]
PAYMENT_INVOICE_FIELDS = ["type", "total_amount", "currency", "currency.code", "company", "account"]
COUNTERPART_FIELDS = ["move", "account"]

# Statuses of a credit note, from the invoice's state (unified credit notes say AUTHORIZED where invoices say OPEN).
_CREDIT_STATUS = {InvoiceStatus.DRAFT: "DRAFT", InvoiceStatus.SUBMITTED: "SUBMITTED", InvoiceStatus.OPEN:
                  "AUTHORIZED", InvoiceStatus.PARTIALLY_PAID: "AUTHORIZED", InvoiceStatus.PAID: "PAID",
                  InvoiceStatus.VOID: "VOID"}


def _neg(value: Decimal | None) -> Decimal | None:
    return None if value is None else -value


# --- payments -------------------------------------------------------------------------------------------------------


def payment_amount(line: dict[str, Any], invoice: dict[str, Any]) -> Decimal:
    """What the line settles, in the invoice's currency: positive for a payment, negative for a refund."""
    debit, credit = line.get("debit") or Decimal(0), line.get("credit") or Decimal(0)
    signed = credit - debit if invoice.get("type") == "out" else debit - credit
    second = line.get("amount_second_currency")
    if second is not None and line.get("second_currency") == invoice.get("currency"):
        # A payment in the invoice's foreign currency: its own amount, signed like the company one.
        return abs(second) if signed >= 0 else -abs(second)
    return signed


def payment_to_unified(line: dict[str, Any], invoice: dict[str, Any], counterpart_account: int | None,
                       ref: RefFn) -> Payment:
    amount = payment_amount(line, invoice)
    credit_note = (invoice.get("total_amount") or Decimal(0)) < 0
    related = ("credit_note" if invoice.get("type") == "out" else "vendor_credit") if credit_note else "invoice"
    invoice_key = key("account.invoice", line.get("invoice_payment"))
    document = ref(related, invoice_key)
    day = to_instant(line.get("date"))
    line_key = key(MODELS["payment"], line["id"])
    return Payment(
        invoice_id=None if credit_note else document,
        transaction_date=day,
        contact_id=ref("contact", key("party.party", line.get("party"))),
        account_id=ref("account", key("account.account", counterpart_account)),
        currency=nested(invoice, "currency.code"),
        # A refund of a credit note is money going the other way: shown as a positive payment against the note.
        total_amount=abs(amount),
        type=PaymentType.AR if invoice.get("type") == "out" else PaymentType.AP,
        reference=line.get("description") or nested(line, "move.description") or nested(line, "move.number"),
        status="POSTED" if nested(line, "move.state") == "posted" else "DRAFT",
        company_info_id=ref("company_info", key("company.company", invoice.get("company"))),
        line_items=[PaymentLine(
            id=ref("payment_line_item", f"{line_key}#{invoice_key}"), remote_id=str(line["id"]),
            applied_amount=abs(amount), applied_date=day, related_object_id=document,
            related_object_type=related.upper())],
    )


# --- credit notes and vendor credits --------------------------------------------------------------------------------


def credit_note_from_invoice(record: dict[str, Any], invoice: Invoice, ref: RefFn) -> CreditNote:
    """An out invoice with a negative total, as the credit note it is (see the module's notes on signs)."""
    lines = []
    for line in invoice.line_items:
        lines.append(line.model_copy(update={"quantity": _neg(line.quantity), "total_amount": _neg(line.total_amount)}))
    payments = [ref("payment", key(MODELS["payment"], line_id)) for line_id in record.get("payment_lines") or []]
    return CreditNote(
        type="ACCOUNTS_RECEIVABLE",
        transaction_date=invoice.issue_date,
        status=_CREDIT_STATUS.get(invoice.status) if invoice.status is not None else None,
        number=invoice.number,
        memo=invoice.memo,
        contact_id=invoice.contact_id,
        company_id=ref("company_info", key("company.company", record.get("company"))),
        currency=invoice.currency,
        sub_total=_neg(invoice.sub_total),
        total_tax_amount=_neg(invoice.total_tax_amount),
        total_amount=_neg(invoice.total_amount),
        remaining_credit=_neg(invoice.balance),
        payments=[p for p in payments if p is not None],
        line_items=lines,
        remote_created_at=record.get("create_date"),
    )


def vendor_credit_from_invoice(record: dict[str, Any], lines: list[dict[str, Any]], invoice: Invoice,
                               ref: RefFn) -> VendorCredit:
    """An in invoice with a negative total: the supplier's credit, one account line per invoice line."""
    currency = invoice.currency
    items = [
        AccountLine(
            remote_id=str(line["id"]),
            net_amount=_neg(line.get("amount")),
            description=line.get("description"),
            account_id=ref("account", key("account.account", line.get("account"))),
            item_id=ref("item", key("product.product", line.get("product"))),
            tax_rate_id=ref("tax_rate", key("account.tax", (line.get("taxes") or [None])[0])),
            contact_id=invoice.contact_id,
            currency=currency,
        )
        for line in lines if line.get("type") == "line"
    ]
    return VendorCredit(
        number=invoice.number,
        transaction_date=invoice.issue_date,
        vendor=invoice.contact_id,
        total_amount=_neg(invoice.total_amount),
        remaining_credit=_neg(invoice.balance),
        currency=currency,
        company_id=ref("company_info", key("company.company", record.get("company"))),
        line_items=items,
    )


# --- journal entries (writes) ---------------------------------------------------------------------------------------


def journal_entry_to_remote(body: JournalEntryInput, refs: Refs, *, day: dt.date, period: int, journal: int,
                            party_required: set[int], unit: Decimal = Decimal("0.01"),
                            ) -> tuple[dict[str, Any], list[Warning_]]:
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
