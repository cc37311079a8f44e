"""Payments against invoices, and credit-note allocations: the only ways money moves onto a document.

A payment needs an AUTHORISED document, an amount no larger than what is outstanding, and a bank account (or
one with EnablePaymentsToAccount). Deleting a payment puts the money back and re-opens a PAID invoice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .dates import format_day, ms_date, parse_day
from .invoices import apply_settlement
from .lines import find_account, money
from .unitofwork import UnitOfWork


def _find_invoice(uow: UnitOfWork, ref: Any) -> dict[str, Any] | None:
    if not isinstance(ref, dict):
        return None
    if ref.get("InvoiceID"):
        return uow.get("Invoices", str(ref["InvoiceID"]))
    if ref.get("InvoiceNumber"):
        return next(iter(uow.find_key("Invoices", str(ref["InvoiceNumber"]))), None)
    return None


def create_payment(uow: UnitOfWork, raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    invoice = _find_invoice(uow, raw.get("Invoice"))
    if raw.get("Invoice") is None and raw.get("InvoiceNumber"):
        invoice = _find_invoice(uow, {"InvoiceNumber": raw["InvoiceNumber"]})
    if invoice is None:
        errors.append("You must specify an Invoice, CreditNote, Prepayment or Overpayment that exists"
                      if raw.get("Invoice")
                      else "You must specify either an Invoice, CreditNote, Prepayment or Overpayment")
    elif invoice["Status"] != "AUTHORISED":
        errors.append("Payments can only be made against Authorised documents")
    acc_ref = raw.get("Account") or {}
    account = find_account(uow, code=acc_ref.get("Code"), account_id=acc_ref.get("AccountID")) \
        if isinstance(acc_ref, dict) else None
    if account is None:
        errors.append("Account could not be found" if acc_ref else "You must specify an Account for the payment")
    elif account.get("Type") != "BANK" and not account.get("EnablePaymentsToAccount"):
        errors.append(f"Account type is invalid for making a payment to/from ({account.get('Code')})")
    try:
        amount = money(raw.get("Amount"))
        if amount <= 0:
            errors.append("Payment amount must be greater than zero")
    except (InvalidOperation, TypeError, ValueError):
        errors.append("Payment amount must be specified")
        amount = Decimal(0)
    if invoice is not None and amount > Decimal(str(invoice.get("AmountDue", 0))):
        errors.append("Payment amount exceeds the amount outstanding on this document")
    try:
        day = parse_day(raw["Date"]) if raw.get("Date") else datetime.fromtimestamp(uow.store.now(), UTC).date()
    except (ValueError, TypeError):
        errors.append("Date is not a valid date")
        day = datetime.fromtimestamp(uow.store.now(), UTC).date()
    if errors:
        return raw, errors
    assert invoice is not None and account is not None
    date_wire = format_day(day)[0]
    payment_id = uow.new_id()
    rate = Decimal(str(raw.get("CurrencyRate", "1.000000")))
    payment = {
        "PaymentID": payment_id, "Date": date_wire, "BankAmount": amount, "Amount": amount,
        "Reference": str(raw.get("Reference") or ""), "CurrencyRate": rate, "PaymentType":
            "ACCRECPAYMENT" if invoice["Type"] == "ACCREC" else "ACCPAYPAYMENT",
        "Status": "AUTHORISED", "UpdatedDateUTC": ms_date(uow.stamp()), "HasAccount": True,
        "IsReconciled": bool(raw.get("IsReconciled", False)),
        "Account": {"AccountID": account["AccountID"], "Code": account.get("Code", "")},
        "Invoice": {"Type": invoice["Type"], "InvoiceID": invoice["InvoiceID"],
                    "InvoiceNumber": invoice.get("InvoiceNumber", ""), "Contact":
                        {"ContactID": invoice["Contact"]["ContactID"], "Name": invoice["Contact"].get("Name", "")},
                    "CurrencyCode": invoice.get("CurrencyCode", "NZD")},
        "HasValidationErrors": False,
    }
    invoice.setdefault("Payments", []).append({
        "PaymentID": payment_id, "Date": date_wire, "Amount": amount, "Reference": payment["Reference"],
        "CurrencyRate": rate, "HasAccount": False, "HasValidationErrors": False})
    apply_settlement(invoice, paid=amount, on_date=date_wire)
    invoice["UpdatedDateUTC"] = ms_date(uow.stamp())
    uow.put("Invoices", invoice)
    return payment, []


def delete_payment(uow: UnitOfWork, payment: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    if payment.get("Status") == "DELETED":
        return payment, ["Payment has already been deleted"]
    invoice = uow.get("Invoices", payment["Invoice"]["InvoiceID"])
    if invoice is not None:
        invoice["Payments"] = [p for p in invoice.get("Payments", []) if p["PaymentID"] != payment["PaymentID"]]
        apply_settlement(invoice, paid=-Decimal(str(payment["Amount"])))
        invoice["UpdatedDateUTC"] = ms_date(uow.stamp())
        uow.put("Invoices", invoice)
    payment["Status"] = "DELETED"
    payment["UpdatedDateUTC"] = ms_date(uow.stamp())
    return payment, []


def allocate_credit(uow: UnitOfWork, credit: dict[str, Any], raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Apply part of an AUTHORISED credit note to an invoice of the same side (sales/purchases)."""
    errors: list[str] = []
    invoice = _find_invoice(uow, raw.get("Invoice"))
    if credit.get("Status") != "AUTHORISED":
        errors.append("Credit Note must be AUTHORISED to be allocated")
    if invoice is None:
        errors.append("Invoice could not be found")
    elif invoice["Status"] != "AUTHORISED":
        errors.append("Invoice not of valid status for allocation")
    elif invoice["Type"] + "CREDIT" != credit["Type"]:
        errors.append("The document type of the credit note must match the invoice")
    try:
        amount = money(raw.get("Amount"))
    except (InvalidOperation, TypeError, ValueError):
        return raw, [*errors, "Amount must be specified"]
    if amount <= 0:
        errors.append("Allocation amount must be greater than zero")
    if amount > Decimal(str(credit.get("RemainingCredit", 0))):
        errors.append("The amount being allocated exceeds the remaining credit on the credit note")
    if invoice is not None and amount > Decimal(str(invoice.get("AmountDue", 0))):
        errors.append("The amount being allocated exceeds the amount outstanding on the invoice")
    if errors:
        return raw, errors
    assert invoice is not None
    day = format_day(parse_day(raw["Date"]) if raw.get("Date") else datetime.fromtimestamp(uow.store.now(), UTC).date())
    allocation = {"AllocationID": uow.new_id(), "Amount": amount, "Date": day[0],
                  "Invoice": {"InvoiceID": invoice["InvoiceID"], "InvoiceNumber": invoice.get("InvoiceNumber", ""),
                              "Type": invoice["Type"]}, "IsDeleted": False}
    credit.setdefault("Allocations", []).append(allocation)
    credit["RemainingCredit"] = money(Decimal(str(credit["RemainingCredit"])) - amount)
    credit["AppliedAmount"] = money(Decimal(str(credit.get("AppliedAmount", 0))) + amount)
    if credit["RemainingCredit"] == 0:
        credit["Status"] = "PAID"
    credit["UpdatedDateUTC"] = ms_date(uow.stamp())
    invoice.setdefault("CreditNotes", []).append({
        "CreditNoteID": credit["CreditNoteID"], "CreditNoteNumber": credit.get("CreditNoteNumber", ""),
        "AppliedAmount": amount, "Total": credit["Total"], "Date": day[0], "HasErrors": False})
    apply_settlement(invoice, credited=amount, on_date=day[0])
    invoice["UpdatedDateUTC"] = ms_date(uow.stamp())
    uow.put("Invoices", invoice)
    uow.put("CreditNotes", credit)
    return allocation, []
