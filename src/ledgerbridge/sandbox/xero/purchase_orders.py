"""Purchase orders (``/PurchaseOrders``): Xero's rules as its docs state them.

- a Contact and at least one line are required; lines are priced and taxed like a bill's (purchase side);
- Status DRAFT (the default), SUBMITTED, AUTHORISED, BILLED or DELETED; a DELETED or BILLED order can no longer
  change, and only DRAFT/SUBMITTED orders can be deleted;
- PurchaseOrderNumber defaults to ``PO-0001``, ``PO-0002``… (the organisation's next number);
- totals are Xero's (SubTotal, TotalTax, Total), never the caller's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from . import contacts
from .dates import format_day, ms_date, parse_day
from .journals import _today
from .lines import AMOUNT_TYPES, build_lines, totals
from .unitofwork import UnitOfWork

STATUSES = ("DRAFT", "SUBMITTED", "AUTHORISED", "BILLED", "DELETED")
_FINAL = ("DELETED", "BILLED")


def _next_number(uow: UnitOfWork) -> str:
    n = uow.counter("PO-") + 1
    while uow.find_key("PurchaseOrders", f"PO-{n:04d}"):
        n += 1
    uow.set_counter("PO-", n)
    return f"PO-{n:04d}"


def save_purchase_order(uow: UnitOfWork, raw: dict[str, Any], existing: dict[str, Any] | None,
                        unitdp: int = 2) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    carry = existing or {}
    if carry.get("Status") in _FINAL:
        return raw, ["This purchase order cannot be edited as it has been billed or deleted"]
    status = str(raw.get("Status") or carry.get("Status") or "DRAFT").upper()
    if status not in STATUSES:
        errors.append(f"'{status}' is not a valid status for a purchase order")
    if status == "DELETED" and carry.get("Status") not in ("DRAFT", "SUBMITTED"):
        errors.append("Only draft or submitted purchase orders can be deleted")
    if "Contact" in raw or not existing:
        contact, err = contacts.resolve_contact(uow, raw.get("Contact"))
        if err:
            errors.append(err)
    else:
        contact = uow.get("Contacts", carry["Contact"]["ContactID"]) or carry["Contact"]
    amount_types = raw.get("LineAmountTypes") or carry.get("LineAmountTypes") or "Exclusive"
    if amount_types not in AMOUNT_TYPES:
        errors.append(f"'{amount_types}' is not a valid LineAmountTypes value")
        amount_types = "Exclusive"
    raw_lines = raw.get("LineItems", carry.get("LineItems")) or []
    if not raw_lines:
        errors.append("At least one line item must be specified")
    lines, line_errors = build_lines(uow, raw_lines, doc_type="ACCPAY", amount_types=amount_types, status=status,
                                     unitdp=unitdp, existing=carry.get("LineItems"))
    errors += line_errors
    days: dict[str, dt.date | None] = {}
    for field in ("Date", "DeliveryDate"):
        try:
            days[field] = parse_day(raw[field]) if raw.get(field) else None
        except (ValueError, TypeError):
            errors.append(f"{field} is not a valid date")
    if errors:
        return raw, errors
    assert contact is not None
    t = totals(lines, amount_types)
    obj: dict[str, Any] = {
        **{k: v for k, v in carry.items() if k in ("Date", "DateString", "DeliveryDate", "DeliveryDateString")},
        "PurchaseOrderID": carry.get("PurchaseOrderID") or uow.new_id(),
        "PurchaseOrderNumber": str(raw.get("PurchaseOrderNumber") or carry.get("PurchaseOrderNumber")
                                   or _next_number(uow)),
        "Reference": str(raw.get("Reference", carry.get("Reference", "")) or ""),
        "Contact": contacts.summary(contact), "LineItems": lines, "Status": status,
        "LineAmountTypes": amount_types,
        "CurrencyCode": raw.get("CurrencyCode") or carry.get("CurrencyCode") or "NZD",
        "CurrencyRate": Decimal(str(raw.get("CurrencyRate", carry.get("CurrencyRate", "1.000000")))),
        "SubTotal": t["SubTotal"], "TotalTax": t["TotalTax"], "Total": t["Total"],
        "TotalDiscount": t.get("TotalDiscount", Decimal("0.00")),
        "SentToContact": bool(raw.get("SentToContact", carry.get("SentToContact", False))),
        "DeliveryAddress": str(raw.get("DeliveryAddress", carry.get("DeliveryAddress", "")) or ""),
        "AttentionTo": str(raw.get("AttentionTo", carry.get("AttentionTo", "")) or ""),
        "Telephone": str(raw.get("Telephone", carry.get("Telephone", "")) or ""),
        "DeliveryInstructions": str(raw.get("DeliveryInstructions", carry.get("DeliveryInstructions", "")) or ""),
        "HasAttachments": False, "UpdatedDateUTC": ms_date(uow.stamp()),
    }
    if (day := days.get("Date")) is not None:
        obj["Date"], obj["DateString"] = format_day(day)
    elif "Date" not in obj:
        obj["Date"], obj["DateString"] = format_day(_today(uow))
    if (delivery := days.get("DeliveryDate")) is not None:
        obj["DeliveryDate"], obj["DeliveryDateString"] = format_day(delivery)
    return obj, []
