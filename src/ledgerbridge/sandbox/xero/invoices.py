"""Invoices (and, sharing the same rules, credit notes): status machine, numbering, totals.

Status machine (Xero): DRAFT → SUBMITTED → AUTHORISED → PAID (only through payments/allocations) or VOIDED
(only AUTHORISED without payments); DELETED only from DRAFT/SUBMITTED. PAID, VOIDED and DELETED documents
cannot be modified. The whole element is validated before anything is staged, so a failing element leaves
no trace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from . import contacts
from .dates import format_day, ms_date, parse_day
from .lines import AMOUNT_TYPES, build_lines, money, totals
from .unitofwork import UnitOfWork

STATUSES = ("DRAFT", "SUBMITTED", "DELETED", "AUTHORISED", "PAID", "VOIDED")
ALLOWED = {
    None: {"DRAFT", "SUBMITTED", "AUTHORISED"},
    "DRAFT": {"DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"},
    "SUBMITTED": {"DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"},
    "AUTHORISED": {"AUTHORISED", "VOIDED"},
    "PAID": set(), "VOIDED": set(), "DELETED": set(),
}
LOCKED_MESSAGE = "This document cannot be edited as it has a payment or credit note allocated to it."


@dataclass(frozen=True)
class DocRules:
    collection: str
    id_field: str
    number_field: str
    types: tuple[str, ...]
    numbered_type: str          # the type Xero auto-numbers and keeps unique
    prefix: str
    noun: str


INVOICE = DocRules("Invoices", "InvoiceID", "InvoiceNumber", ("ACCREC", "ACCPAY"), "ACCREC", "INV", "Invoice")
CREDIT_NOTE = DocRules("CreditNotes", "CreditNoteID", "CreditNoteNumber", ("ACCRECCREDIT", "ACCPAYCREDIT"),
                       "ACCRECCREDIT", "CN", "Credit Note")


def next_number(uow: UnitOfWork, rules: DocRules) -> str:
    n = uow.counter(rules.prefix)
    while True:
        n += 1
        candidate = f"{rules.prefix}-{n:04d}"
        if not uow.find_key(rules.collection, candidate):
            uow.set_counter(rules.prefix, n)
            return candidate


def _settled(doc: dict[str, Any]) -> Decimal:
    return Decimal(str(doc.get("AmountPaid", 0))) + Decimal(str(doc.get("AmountCredited", 0))) + \
        sum((Decimal(str(a.get("Amount", 0))) for a in doc.get("Allocations", [])), Decimal(0))


def save_document(uow: UnitOfWork, raw: dict[str, Any], existing: dict[str, Any] | None, *, rules: DocRules = INVOICE,
                  unitdp: int = 2) -> tuple[dict[str, Any], list[str]]:
    """Validate + compute one invoice/credit note. Stages the auto-created contact; caller stages the doc."""
    errors: list[str] = []
    old_status = existing.get("Status") if existing else None
    status = str(raw.get("Status") or old_status or "DRAFT").upper()
    if status not in STATUSES:
        return raw, [f"'{raw.get('Status')}' is not a valid status for {rules.noun.lower()}s"]
    if old_status in ("PAID", "VOIDED", "DELETED"):
        return raw, [f"{rules.noun} not of valid status for modification"]
    if existing and _settled(existing) > 0 and (status != old_status or "LineItems" in raw or "Contact" in raw):
        return raw, [LOCKED_MESSAGE]
    if status not in ALLOWED[old_status]:
        return raw, [f"{rules.noun} not of valid status for modification" if existing
                     else f"{rules.noun} not of valid status for creation"]

    doc_type = raw.get("Type") or (existing or {}).get("Type")
    if doc_type not in rules.types:
        errors.append(f"{rules.noun} Type must be one of {', '.join(rules.types)}" if doc_type
                      else f"{rules.noun} Type must be specified")

    contact = None
    if "Contact" in raw or not existing:
        contact, err = contacts.resolve_contact(uow, raw.get("Contact"))
        if err:
            errors.append(err)
    else:
        contact = uow.get("Contacts", existing["Contact"]["ContactID"]) or existing["Contact"]

    amount_types = raw.get("LineAmountTypes") or (existing or {}).get("LineAmountTypes") or "Exclusive"
    if amount_types not in AMOUNT_TYPES:
        errors.append(f"'{amount_types}' is not a valid LineAmountTypes value")
        amount_types = "Exclusive"

    dates: dict[str, Any] = {}
    for field in ("Date", "DueDate"):
        value = raw.get(field)
        if value in (None, ""):
            continue
        try:
            dates[field] = parse_day(value)
        except (ValueError, TypeError):
            errors.append(f"{field} is not a valid date")
    if not existing and "Date" not in dates:
        dates["Date"] = datetime.fromtimestamp(uow.store.now(), UTC).date()

    raw_lines = raw.get("LineItems")
    if raw_lines is None:
        raw_lines = (existing or {}).get("LineItems", [])
    if not isinstance(raw_lines, list):
        errors.append("LineItems must be a list")
        raw_lines = []
    lines, line_errors = build_lines(uow, raw_lines, doc_type=str(doc_type), amount_types=amount_types,
                                     status=status, unitdp=unitdp, existing=(existing or {}).get("LineItems"))
    errors += line_errors

    number = raw.get(rules.number_field) or (existing or {}).get(rules.number_field)
    if number and doc_type == rules.numbered_type:
        for other in uow.find_key(rules.collection, str(number)):
            if other[rules.id_field] != (existing or {}).get(rules.id_field) and other.get("Type") == doc_type:
                errors.append(f"{'Invoice' if rules is INVOICE else 'Credit Note'} # must be unique.")
                break
    if errors:
        return raw, errors
    if not number and doc_type == rules.numbered_type:
        number = next_number(uow, rules)
    assert contact is not None

    t = totals(lines, amount_types)
    obj: dict[str, Any] = {"Type": doc_type, rules.id_field: (existing or {}).get(rules.id_field) or
                           raw.get(rules.id_field) or uow.new_id()}
    obj[rules.id_field] = str(obj[rules.id_field]).lower()
    obj[rules.number_field] = str(number or "")
    obj["Reference"] = str(raw.get("Reference", (existing or {}).get("Reference", "")) or "")
    carry = existing or {}
    if rules is INVOICE:
        for f in ("Payments", "CreditNotes", "Prepayments", "Overpayments"):
            obj[f] = carry.get(f, [])
        paid = Decimal(str(carry.get("AmountPaid", "0.00")))
        credited = Decimal(str(carry.get("AmountCredited", "0.00")))
        obj["AmountDue"] = money(t["Total"] - paid - credited) if status != "VOIDED" else Decimal("0.00")
        obj["AmountPaid"] = money(paid)
        obj["AmountCredited"] = money(credited)
    else:
        obj["Payments"] = carry.get("Payments", [])
        obj["Allocations"] = carry.get("Allocations", [])
        allocated = sum((Decimal(str(a["Amount"])) for a in obj["Allocations"]), Decimal(0))
        obj["RemainingCredit"] = money(t["Total"] - allocated) if status != "VOIDED" else Decimal("0.00")
        obj["AppliedAmount"] = money(allocated)
    obj["CurrencyRate"] = Decimal(str(raw.get("CurrencyRate", carry.get("CurrencyRate", "1.000000"))))
    obj["IsDiscounted"] = t["TotalDiscount"] > 0
    obj["HasAttachments"] = carry.get("HasAttachments", False)
    obj["HasErrors"] = False
    obj["Contact"] = contacts.summary(contact)
    for field in ("Date", "DueDate"):
        if field in dates:
            obj[field], obj[field + "String"] = format_day(dates[field])[0], format_day(dates[field])[1]
        elif field in carry:
            obj[field], obj[field + "String"] = carry[field], carry.get(field + "String", "")
    obj["Status"] = status
    obj["LineAmountTypes"] = amount_types
    obj["LineItems"] = lines
    obj["SubTotal"], obj["TotalTax"], obj["Total"] = t["SubTotal"], t["TotalTax"], t["Total"]
    if t["TotalDiscount"] > 0:
        obj["TotalDiscount"] = t["TotalDiscount"]
    obj["UpdatedDateUTC"] = ms_date(uow.stamp())
    obj["CurrencyCode"] = raw.get("CurrencyCode") or carry.get("CurrencyCode") or _base_currency(uow)
    if raw.get("SentToContact") is not None or "SentToContact" in carry:
        obj["SentToContact"] = bool(raw.get("SentToContact", carry.get("SentToContact")))
    for f in ("FullyPaidOnDate", "BrandingThemeID", "Url"):
        if f in raw or f in carry:
            obj[f] = raw.get(f, carry.get(f))
    if status not in ("DELETED", "VOIDED"):
        contacts.mark_role(uow, contact["ContactID"], str(doc_type))
    return obj, []


def _base_currency(uow: UnitOfWork) -> str:
    org = uow.get("Organisations", uow.tenant)
    return str((org or {}).get("BaseCurrency") or "NZD")


def apply_settlement(doc: dict[str, Any], *, paid: Decimal = Decimal(0), credited: Decimal = Decimal(0),
                     on_date: str | None = None) -> None:
    """Move money onto an invoice (payment, credit allocation or their reversal) and re-derive its status."""
    doc["AmountPaid"] = money(Decimal(str(doc.get("AmountPaid", 0))) + paid)
    doc["AmountCredited"] = money(Decimal(str(doc.get("AmountCredited", 0))) + credited)
    doc["AmountDue"] = money(Decimal(str(doc["Total"])) - doc["AmountPaid"] - doc["AmountCredited"])
    if doc["AmountDue"] == 0 and doc["Status"] == "AUTHORISED":
        doc["Status"] = "PAID"
        if on_date:
            doc["FullyPaidOnDate"] = on_date
    elif doc["AmountDue"] > 0 and doc["Status"] == "PAID":
        doc["Status"] = "AUTHORISED"
        doc.pop("FullyPaidOnDate", None)


def summary_only(doc: dict[str, Any]) -> dict[str, Any]:
    """summaryOnly=true: Xero's lightweight listing without lines and sub-collections."""
    heavy = ("LineItems", "Payments", "CreditNotes", "Prepayments", "Overpayments", "Allocations", "InvoiceAddresses")
    out = {k: v for k, v in doc.items() if k not in heavy}
    out["Contact"] = {"ContactID": doc["Contact"]["ContactID"], "Name": doc["Contact"].get("Name", "")}
    return out
