"""Unified inputs → Sage bodies for ledger accounts and journals, and the checks that need no I/O."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.sage.mapping.common import iso_day
from ledgerbridge.errors import FieldError
from ledgerbridge.remote import Refs
from ledgerbridge.unified.account import AccountClassification, AccountInput
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.journal_entry import JournalEntryInput, signed_amount

# Our classification → the Sage ledger account type a new account gets when the caller names none
LEDGER_TYPE = {AccountClassification.REVENUE: "SALES", AccountClassification.EXPENSE: "OVERHEADS",
               AccountClassification.ASSET: "CURRENT_ASSETS", AccountClassification.LIABILITY: "CURRENT_LIABILITY",
               AccountClassification.EQUITY: "EQUITY"}
SAGE_TYPES = frozenset({"SALES", "OTHER_INCOME", "DIRECT_EXPENSES", "OVERHEADS", "DEPRECIATION", "CURRENT_ASSETS",
                        "FIXED_ASSETS", "BANK", "CURRENT_LIABILITY", "FUTURE_LIABILITY", "EQUITY"})


def account_errors(body: AccountInput) -> list[FieldError]:
    errors = []
    if not (body.account_number or "").isdigit():
        errors.append(FieldError("account_number", "Sage needs a numeric nominal code for a ledger account"))
    if body.type and body.type.upper() not in SAGE_TYPES:
        errors.append(FieldError("type", f"not a Sage ledger account type ({', '.join(sorted(SAGE_TYPES))})"))
    return errors


def account_to_remote(body: AccountInput) -> dict[str, Any]:
    return {"ledger_account_type_id": (body.type or LEDGER_TYPE[body.classification]).upper(),
            "included_in_chart": True, "name": body.name, "display_name": body.description or body.name,
            "nominal_code": int(body.account_number or 0)}


def account_warnings(body: AccountInput) -> list[Warning_]:
    unsent = [f for f in ("bank_account_number", "currency", "parent_account", "company_info_id", "status")
              if getattr(body, f) is not None]
    return [Warning_(field=f, message="not sent to Sage") for f in unsent]


def journal_errors(body: JournalEntryInput, refs: Refs) -> list[FieldError]:
    errors = []
    for i, line in enumerate(body.line_items):
        if refs.remote_id(line.account_id) is None:
            errors.append(FieldError(f"line_items[{i}].account_id", "Sage needs each journal line's account"))
        if signed_amount(line) in (None, Decimal(0)):
            errors.append(FieldError(f"line_items[{i}].debit", "a journal line needs a debit or a credit"))
    return errors


def journal_to_remote(body: JournalEntryInput, refs: Refs, reference: str) -> dict[str, Any]:
    lines = []
    for line in body.line_items:
        amount = signed_amount(line) or Decimal(0)
        lines.append({"ledger_account_id": refs.remote_id(line.account_id), "debit": max(amount, Decimal(0)),
                      "credit": max(-amount, Decimal(0)), "details": line.description or ""})
    return {"date": iso_day(body.transaction_date) or dt.datetime.now(dt.UTC).date().isoformat(),
            "reference": reference, "description": body.memo or "", "journal_lines": lines}


def journal_warnings(body: JournalEntryInput) -> list[Warning_]:
    warnings = [Warning_(field=f, message="not sent to Sage") for f in ("currency", "exchange_rate")
                if getattr(body, f) is not None]
    for i, line in enumerate(body.line_items):
        if line.contact_id is not None or line.tax_rate_id is not None:
            warnings.append(Warning_(field=f"line_items[{i}]", message="Sage journal lines carry no contact or tax "
                                                                       "rate; not sent"))
    return warnings
