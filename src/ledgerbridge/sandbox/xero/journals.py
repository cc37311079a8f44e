"""Bank transactions (RECEIVE/SPEND money) and manual journals.

Bank transactions reuse the invoice line/total rules but post straight to a BANK account and are AUTHORISED
on creation. Manual journals must balance: the signed LineAmounts (debits positive, credits negative) sum to 0.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from . import contacts
from .dates import format_day, ms_date, parse_day
from .lines import AMOUNT_TYPES, build_lines, find_account, money, tax_rate_percent, totals
from .unitofwork import UnitOfWork

BANK_TYPES = ("RECEIVE", "SPEND")


def _today(uow: UnitOfWork) -> Any:
    return datetime.fromtimestamp(uow.store.now(), UTC).date()


def save_bank_transaction(uow: UnitOfWork, raw: dict[str, Any], existing: dict[str, Any] | None,
                          unitdp: int = 2) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    carry = existing or {}
    if carry.get("Status") in ("DELETED", "VOIDED"):
        return raw, ["Bank transaction not of valid status for modification"]
    status = str(raw.get("Status") or carry.get("Status") or "AUTHORISED").upper()
    if status not in ("AUTHORISED", "DELETED"):
        errors.append(f"'{status}' is not a valid status for a bank transaction")
    tx_type = raw.get("Type") or carry.get("Type")
    if tx_type not in BANK_TYPES:
        errors.append("Bank transaction Type must be RECEIVE or SPEND" if tx_type else "Type must be specified")
    if "Contact" in raw or not existing:
        contact, err = contacts.resolve_contact(uow, raw.get("Contact"))
        if err:
            errors.append(err)
    else:
        contact = uow.get("Contacts", carry["Contact"]["ContactID"]) or carry["Contact"]
    bank_ref = raw.get("BankAccount") or carry.get("BankAccount") or {}
    bank = find_account(uow, code=bank_ref.get("Code"), account_id=bank_ref.get("AccountID")) \
        if isinstance(bank_ref, dict) else None
    if bank is None:
        errors.append("A valid BankAccount must be specified" if bank_ref else "BankAccount must be specified")
    elif bank.get("Type") != "BANK":
        errors.append(f"Account '{bank.get('Code')}' is not a bank account")
    amount_types = raw.get("LineAmountTypes") or carry.get("LineAmountTypes") or "Exclusive"
    if amount_types not in AMOUNT_TYPES:
        errors.append(f"'{amount_types}' is not a valid LineAmountTypes value")
        amount_types = "Exclusive"
    raw_lines = raw.get("LineItems", carry.get("LineItems")) or []
    if not raw_lines:
        errors.append("At least one line item must be specified")
    lines, line_errors = build_lines(uow, raw_lines, doc_type=str(tx_type), amount_types=amount_types,
                                     status="AUTHORISED", unitdp=unitdp, existing=carry.get("LineItems"))
    errors += line_errors
    try:
        day = parse_day(raw["Date"]) if raw.get("Date") else None
    except (ValueError, TypeError):
        errors.append("Date is not a valid date")
        day = None
    if errors:
        return raw, errors
    assert contact is not None and bank is not None
    t = totals(lines, amount_types)
    obj: dict[str, Any] = {
        "BankTransactionID": carry.get("BankTransactionID") or uow.new_id(), "Type": tx_type,
        "Contact": contacts.summary(contact), "LineItems": lines,
        "BankAccount": {"AccountID": bank["AccountID"], "Code": bank.get("Code", ""), "Name": bank.get("Name", "")},
        "IsReconciled": bool(raw.get("IsReconciled", carry.get("IsReconciled", False))),
        "Reference": str(raw.get("Reference", carry.get("Reference", "")) or ""),
        "CurrencyCode": raw.get("CurrencyCode") or carry.get("CurrencyCode") or "NZD",
        "CurrencyRate": Decimal(str(raw.get("CurrencyRate", carry.get("CurrencyRate", "1.000000")))),
        "Status": status, "LineAmountTypes": amount_types, "SubTotal": t["SubTotal"], "TotalTax": t["TotalTax"],
        "Total": t["Total"], "UpdatedDateUTC": ms_date(uow.stamp()), "HasAttachments": False,
    }
    if day is not None:
        obj["Date"], obj["DateString"] = format_day(day)
    elif "Date" in carry:
        obj["Date"], obj["DateString"] = carry["Date"], carry.get("DateString", "")
    else:
        obj["Date"], obj["DateString"] = format_day(_today(uow))
    if status == "AUTHORISED":
        contacts.mark_role(uow, contact["ContactID"], str(tx_type))
    return obj, []


def save_manual_journal(uow: UnitOfWork, raw: dict[str, Any],
                        existing: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    carry = existing or {}
    old = carry.get("Status")
    status = str(raw.get("Status") or old or "DRAFT").upper()
    allowed = {None: {"DRAFT", "POSTED"}, "DRAFT": {"DRAFT", "POSTED", "DELETED"}, "POSTED": {"POSTED", "VOIDED"}}
    if status not in allowed.get(old, set()):
        return raw, ["Manual Journal not of valid status for modification" if existing
                     else f"'{status}' is not a valid status for a new manual journal"]
    narration = raw.get("Narration", carry.get("Narration"))
    if not narration:
        errors.append("Narration must be specified")
    amount_types = raw.get("LineAmountTypes") or carry.get("LineAmountTypes") or "NoTax"
    if amount_types not in AMOUNT_TYPES:
        errors.append(f"'{amount_types}' is not a valid LineAmountTypes value")
        amount_types = "NoTax"
    out_lines, total = [], Decimal("0.00")
    raw_lines = raw.get("JournalLines", carry.get("JournalLines")) or []
    if len(raw_lines) < 2:
        errors.append("Manual journals must have at least two journal lines")
    for line in raw_lines:
        try:
            amount = money(line.get("LineAmount"))
        except (InvalidOperation, TypeError, ValueError, AttributeError):
            errors.append("LineAmount must be specified for each journal line")
            continue
        account = find_account(uow, code=line.get("AccountCode"), account_id=line.get("AccountID"))
        if account is None:
            errors.append(f"Account code '{line.get('AccountCode') or line.get('AccountID')}' is not a valid code "
                          "for this document.")
            continue
        tax_type = line.get("TaxType") or account.get("TaxType") or "NONE"
        rate = tax_rate_percent(uow, tax_type)
        if rate is None:
            errors.append(f"The TaxType code '{tax_type}' does not exist or cannot be used for this type of "
                          "transaction.")
            continue
        tax = Decimal("0.00") if amount_types == "NoTax" else (
            money(amount * rate / 100) if amount_types == "Exclusive" else money(amount * rate / (100 + rate)))
        total += amount + (tax if amount_types == "Exclusive" else 0)
        out_lines.append({"Description": str(line.get("Description") or ""), "TaxType": tax_type,
                          "TaxAmount": tax, "LineAmount": amount, "AccountCode": account["Code"],
                          "AccountID": account["AccountID"], "Tracking": line.get("Tracking") or [],
                          "IsBlank": False})
    if not errors and total != 0:
        debits = sum((x["LineAmount"] for x in out_lines if x["LineAmount"] > 0), Decimal("0.00"))
        credits = -sum((x["LineAmount"] for x in out_lines if x["LineAmount"] < 0), Decimal("0.00"))
        errors.append(f"The total debits ({debits}) must equal total credits ({credits})")
    try:
        day = parse_day(raw["Date"]) if raw.get("Date") else None
    except (ValueError, TypeError):
        errors.append("Date is not a valid date")
        day = None
    if errors:
        return raw, errors
    obj = {"ManualJournalID": carry.get("ManualJournalID") or uow.new_id(), "Narration": str(narration),
           "Status": status, "LineAmountTypes": amount_types, "JournalLines": out_lines,
           "ShowOnCashBasisReports": bool(raw.get("ShowOnCashBasisReports", carry.get("ShowOnCashBasisReports", True))),
           "HasAttachments": False, "UpdatedDateUTC": ms_date(uow.stamp())}
    d = day or (None if "Date" in carry else _today(uow))
    if d is not None:
        obj["Date"], obj["DateString"] = format_day(d)
    else:
        obj["Date"], obj["DateString"] = carry["Date"], carry.get("DateString", "")
    return obj, []
