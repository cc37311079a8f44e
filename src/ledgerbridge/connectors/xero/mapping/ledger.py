"""Writes of payments, manual journals and accounts: unified input → Xero element. Pure.

- A Xero Payment pays exactly one invoice (batch payments are a separate API), so a unified payment applied to
  several invoices is refused rather than split into payments the caller did not ask for.
- A ManualJournal needs a Narration, and signs LineAmount (positive = debit), like our ``net_amount``.
- An Account needs a Code (except BANK accounts) and a Type; without ``type`` the classification picks one. A
  BANK account needs its BankAccountNumber instead ("For bank accounts only", and required for them, in Xero's
  OpenAPI), and only a BANK account takes one.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import Refs
from ledgerbridge.connectors.xero.dates import write_date
from ledgerbridge.connectors.xero.mapping.common import Lookup
from ledgerbridge.connectors.xero.mapping.invoice import _tracking_entry, account_code
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.account import AccountClassification, AccountInput
from ledgerbridge.unified.journal_entry import JournalEntryInput, PostingType
from ledgerbridge.unified.payment import PaymentInput

ACCOUNT_TYPES = {
    AccountClassification.ASSET: "CURRENT",
    AccountClassification.LIABILITY: "CURRLIAB",
    AccountClassification.EQUITY: "EQUITY",
    AccountClassification.REVENUE: "REVENUE",
    AccountClassification.EXPENSE: "EXPENSE",
}
XERO_TYPES = frozenset({"BANK", "CURRENT", "CURRLIAB", "DEPRECIATN", "DIRECTCOSTS", "EQUITY", "EXPENSE", "FIXED",
                        "INVENTORY", "LIABILITY", "NONCURRENT", "OTHERINCOME", "OVERHEADS", "PREPAYMENT", "REVENUE",
                        "SALES", "TERMLIAB"})


def validate_payment(body: PaymentInput) -> list[FieldError]:
    if len(body.line_items) > 1:
        return [FieldError("line_items", "a Xero payment pays one invoice; send one payment per invoice")]
    return []


def payment_to_remote(body: PaymentInput, invoice_id: str, account: dict[str, str]) -> dict[str, Any]:
    line = body.line_items[0]
    payment: dict[str, Any] = {"Invoice": {"InvoiceID": invoice_id}, "Account": account,
                               "Amount": line.applied_amount}
    when = line.applied_date or body.transaction_date
    if when is not None:
        payment["Date"] = write_date(when)
    if body.reference:
        payment["Reference"] = body.reference
    if body.exchange_rate is not None:
        payment["CurrencyRate"] = body.exchange_rate
    return payment


def validate_journal(body: JournalEntryInput) -> list[FieldError]:
    if not (body.memo or body.journal_number):
        return [FieldError("memo", "Xero needs a narration for a manual journal; give a memo")]
    return []


def journal_to_remote(body: JournalEntryInput, refs: Refs, lookup: Lookup) -> dict[str, Any]:
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
        ids = dict.fromkeys([*line.tracking_categories, *body.tracking_categories])
        if tracking := [e for u in ids if (e := _tracking_entry(refs, u)) is not None]:
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


def validate_account(body: AccountInput) -> list[FieldError]:
    errors = []
    kind = (body.type or ACCOUNT_TYPES[body.classification]).strip().upper()
    if kind not in XERO_TYPES:
        errors.append(FieldError("type", "Xero account types are " + ", ".join(sorted(XERO_TYPES))))
    if not body.account_number and kind != "BANK":
        errors.append(FieldError("account_number", "Xero needs a code for the account; give an account_number"))
    if kind == "BANK" and not (body.bank_account_number or "").strip():
        errors.append(FieldError("bank_account_number", "Xero requires the bank account number of a BANK account"))
    if kind != "BANK" and body.bank_account_number:
        errors.append(FieldError("bank_account_number", "Xero keeps a bank account number on BANK accounts only"))
    return errors


def account_to_remote(body: AccountInput) -> dict[str, Any]:
    remote: dict[str, Any] = {"Name": body.name, "Type": (body.type or ACCOUNT_TYPES[body.classification]).upper()}
    if body.account_number:
        remote["Code"] = body.account_number
    if body.bank_account_number and remote["Type"] == "BANK":
        remote["BankAccountNumber"] = body.bank_account_number.strip()
    if body.description:
        remote["Description"] = body.description
    if body.currency:
        remote["CurrencyCode"] = body.currency
    return remote
