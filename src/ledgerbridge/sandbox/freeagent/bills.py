"""Bills: what the company owes its suppliers, in the collection's shape — one category and a gross
``total_value`` per bill, VAT at ``sales_tax_rate`` included in it.

The collection's example bodies spell the rate ``sale_tax_rate``; FreeAgent's answers and documentation say
``sales_tax_rate``. Both are accepted on input; answers say ``sales_tax_rate``. Net and VAT are derived from the
gross with Decimal (VAT = gross − gross × 100 / (100 + rate), to the penny). Status: ``Open``, ``Overdue`` past the
due date, ``Paid`` once payments cover it, ``Zero Value`` for a nil bill. A paid or part-paid bill cannot be
deleted; its total cannot drop below what was paid.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .documents import contact_name
from .errors import invalid, not_found
from .state import Store, money, relative
from .values import date, decimal

PENNY = Decimal("0.01")


def status_of(record: dict[str, Any], today: dt.date) -> str:
    total, due = Decimal(record["total_value"]), Decimal(record["due_value"])
    if total == 0:
        return "Zero Value"
    if due <= 0:
        return "Paid"
    return "Overdue" if dt.date.fromisoformat(record["due_on"]) < today else "Open"


def render(record: dict[str, Any], today: dt.date) -> dict[str, Any]:
    return {**record, "status": status_of(record, today)}


def _apply(store: Store, company: str, record: dict[str, Any], body: dict[str, Any]) -> None:
    for key in ("reference", "dated_on", "due_on", "comments", "currency"):
        if key in body:
            record[key] = body[key]
    if "contact" in body:
        path = relative(body["contact"])
        contact = store.get(company, "contacts", path.rsplit("/", 1)[-1]) if path and "/contacts/" in path else None
        if contact is None:
            raise invalid(f"Contact {body['contact']} does not exist" if body["contact"] else "Contact can't be blank")
        record["contact"], record["contact_name"] = contact["url"], contact_name(contact)
    if "category" in body:
        path = relative(body["category"])
        if path is None or store.get(company, "categories", path.rsplit("/", 1)[-1]) is None:
            raise invalid(f"Category {body['category']} does not exist")
        record["category"] = path
    if not record.get("reference"):
        raise invalid("Reference can't be blank")
    dated = date(record.get("dated_on"), "dated on")
    due = date(record.get("due_on"), "due on")
    if due < dated:
        raise invalid("Due on must be on or after dated on")
    if "total_value" in body:
        record["total_value"] = str(decimal(body["total_value"], "total value"))
    rate_given = body.get("sales_tax_rate", body.get("sale_tax_rate"))
    if rate_given is not None or "sales_tax_rate" not in record:
        record["sales_tax_rate"] = str(decimal(rate_given, "sales tax rate", Decimal(0)))
    gross = decimal(record.get("total_value"), "total value").quantize(PENNY, ROUND_HALF_UP)
    rate = Decimal(record["sales_tax_rate"])
    net = (gross * 100 / (100 + rate)).quantize(PENNY, ROUND_HALF_UP)
    paid = Decimal(record.get("paid_value") or 0)
    if gross < paid:
        raise invalid("Total value cannot be less than the amount already paid")
    record.update(total_value=money(gross), net_value=money(net), sales_tax_value=money(gross - net),
                  paid_value=money(paid), due_value=money(gross - paid))


def create(store: Store, company: str, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise invalid("Bill can't be blank")
    if "contact" not in body:
        raise invalid("Contact can't be blank")
    if "category" not in body:
        raise invalid("Category can't be blank")
    settings = store.get(company, "company", "company") or {}
    record: dict[str, Any] = {"currency": settings.get("currency", "GBP"), "paid_value": "0.00"}
    with store.lock:
        _apply(store, company, record, body)
        key = str(store.next_id(company, "bills"))
        record["url"] = f"/v2/bills/{key}"
        return store.put(company, "bills", key, record)


def update(store: Store, company: str, key: str, body: Any) -> dict[str, Any]:
    with store.lock:
        record = store.get(company, "bills", key)
        if record is None:
            raise not_found()
        if not isinstance(body, dict):
            raise invalid("Bill can't be blank")
        changed = dict(record)
        _apply(store, company, changed, body)
        return store.put(company, "bills", key, changed)


def delete(store: Store, company: str, key: str) -> None:
    with store.lock:
        record = store.get(company, "bills", key)
        if record is None:
            raise not_found()
        if Decimal(record["paid_value"]) > 0:
            raise invalid("A bill with payments cannot be deleted")
        store.delete(company, "bills", key)


def record_payment(store: Store, company: str, key: str, amount: Decimal) -> dict[str, Any]:
    with store.lock:
        record = store.get(company, "bills", key)
        if record is None:
            raise not_found()
        paid = Decimal(record["paid_value"]) + amount
        if paid > Decimal(record["total_value"]):
            raise invalid("Payment is more than the amount due")
        return store.put(company, "bills", key, {**record, "paid_value": money(paid),
                                                 "due_value": money(Decimal(record["total_value"]) - paid)})
