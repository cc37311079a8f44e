"""Invoices and credit notes: FreeAgent's sales documents, their lines, totals, numbers and statuses.

Totals are computed with Decimal from the lines: each line's net is ``quantity × price`` rounded to the penny, its
VAT ``net × sales_tax_rate / 100`` rounded to the penny (VAT per line, as FreeAgent charges it), the document's
totals are the sums. Statuses: a document is created ``Draft``; the transition endpoints move it
(``mark_as_sent``, ``mark_as_scheduled``, ``mark_as_draft``, ``mark_as_cancelled``); ``Overdue`` and ``Paid`` are
what FreeAgent shows for a sent invoice past its due date or fully paid. Numbering: a document without a
``reference`` gets the company's next number (``001``…, credit notes ``CN001``…); a reference in use is refused.
Deleting is allowed for drafts, scheduled and cancelled documents only; a sent one is cancelled instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .errors import invalid, not_found
from .state import Store, money, relative
from .values import date, decimal, flag

#: FreeAgent's message for a reference in use (its wording is not in the contract; "unique" names the rule)
DUPLICATE_REFERENCE = "Reference has already been taken: references must be unique"
ITEM_TYPES = ("Hours", "Days", "Weeks", "Months", "Years", "Products", "Services", "Training", "Expenses",
              "Comment", "Bills", "Discount", "Credit", "VAT", "-no unit-")
PENNY = Decimal("0.01")
#: the fields a caller may set on a document (everything else is computed or read-only)
WRITABLE = ("dated_on", "due_on", "payment_terms_in_days", "currency", "omit_header", "always_show_bic_and_iban",
            "comments", "notes", "reference", "po_reference", "project", "ec_status", "exchange_rate")


@dataclass(frozen=True)
class Kind:
    collection: str  # "invoices"
    singular: str  # "invoice"
    items: str  # "invoice_items"
    prefix: str  # numbering prefix


INVOICE = Kind("invoices", "invoice", "invoice_items", "")
CREDIT_NOTE = Kind("credit_notes", "credit_note", "credit_note_items", "CN")
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    # transition → (statuses it may start from, status it leads to)
    "mark_as_sent": (("Draft", "Scheduled"), "Sent"),
    "mark_as_scheduled": (("Draft",), "Scheduled"),
    "mark_as_draft": (("Sent", "Scheduled", "Cancelled"), "Draft"),
    "mark_as_cancelled": (("Draft", "Sent", "Scheduled"), "Cancelled"),
}


def _line(kind: Kind, raw: Any, position: int, company: str, store: Store) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise invalid(f"{kind.items} must be objects")
    item_type = raw.get("item_type") or "Hours"
    if item_type not in ITEM_TYPES:
        raise invalid(f"Item type '{item_type}' is not valid")
    line: dict[str, Any] = {
        "position": position, "item_type": item_type,
        "quantity": str(decimal(raw.get("quantity"), "quantity", Decimal(0))),
        "price": str(decimal(raw.get("price"), "price", Decimal(0))),
        "description": str(raw.get("description") or ""),
        "sales_tax_rate": str(decimal(raw.get("sales_tax_rate"), "sales tax rate", Decimal(0))),
    }
    if raw.get("category"):
        category = relative(raw["category"])
        if category is None or store.get(company, "categories", category.rsplit("/", 1)[-1]) is None:
            raise invalid(f"Category {raw['category']} does not exist")
        line["category"] = category
    return line


def _totals(record: dict[str, Any], kind: Kind) -> None:
    net = tax = Decimal(0)
    for line in record[kind.items]:
        line_net = (Decimal(line["quantity"]) * Decimal(line["price"])).quantize(PENNY, ROUND_HALF_UP)
        line_tax = (line_net * Decimal(line["sales_tax_rate"]) / 100).quantize(PENNY, ROUND_HALF_UP)
        line["sales_tax_value"] = money(line_tax)
        net, tax = net + line_net, tax + line_tax
    paid = Decimal(record.get("paid_value") or 0)
    record.update(net_value=money(net), sales_tax_value=money(tax), total_value=money(net + tax),
                  paid_value=money(paid), due_value=money(net + tax - paid))


def status_of(record: dict[str, Any], today: dt.date) -> str:
    """What FreeAgent shows: the stored state, made ``Paid``/``Overdue`` for sent documents."""
    base = record["base_status"]
    if base != "Sent":
        return str(base)
    if Decimal(record["total_value"]) != 0 and Decimal(record["due_value"]) <= 0:
        return "Paid"
    return "Overdue" if dt.date.fromisoformat(record["due_on"]) < today else "Sent"


def render(record: dict[str, Any], today: dt.date) -> dict[str, Any]:
    out = {k: v for k, v in record.items() if k != "base_status"}
    out["status"] = status_of(record, today)
    return out


def _contact(store: Store, company: str, reference: Any) -> dict[str, Any]:
    path = relative(reference)
    contact = store.get(company, "contacts", path.rsplit("/", 1)[-1]) if path and "/contacts/" in path else None
    if contact is None:
        raise invalid("Contact can't be blank" if not reference else f"Contact {reference} does not exist")
    return contact


def _reference_taken(store: Store, company: str, kind: Kind, reference: str, own: str | None) -> bool:
    return any(r.get("reference") == reference and r["url"] != own
               for r in store.collection(company, kind.collection).values())


def _apply(store: Store, company: str, kind: Kind, record: dict[str, Any], body: dict[str, Any]) -> None:
    for key in WRITABLE:
        if key in body:
            record[key] = body[key]
    if "contact" in body:
        contact = _contact(store, company, body["contact"])
        record["contact"] = contact["url"]
        record["contact_name"] = contact_name(contact)
    if "project" in body:
        record["project"] = relative(body["project"])
    dated = date(record.get("dated_on"), "dated on")
    record["dated_on"] = dated.isoformat()
    record["payment_terms_in_days"] = int(decimal(record.get("payment_terms_in_days"), "payment terms", Decimal(30)))
    due = date(record["due_on"], "due on") if record.get("due_on") else (
        dated + dt.timedelta(days=record["payment_terms_in_days"]))
    if due < dated:
        raise invalid("Due on must be on or after dated on")
    record["due_on"] = due.isoformat()
    record["exchange_rate"] = str(decimal(record.get("exchange_rate"), "exchange rate", Decimal("1.0")))
    for key in ("omit_header", "always_show_bic_and_iban"):
        record[key] = flag(record.get(key))
    if kind.items in body:
        lines = body[kind.items]
        if not isinstance(lines, list):
            raise invalid(f"{kind.items} must be a list")
        record[kind.items] = [_line(kind, raw, i + 1, company, store) for i, raw in enumerate(lines)]
        for line in record[kind.items]:
            line["url"] = f"/v2/{kind.items}/{store.next_id(company, kind.items)}"
    _totals(record, kind)


def contact_name(contact: dict[str, Any]) -> str:
    person = " ".join(p for p in (contact.get("first_name"), contact.get("last_name")) if p)
    return str(contact.get("organisation_name") or person)


def create(store: Store, company: str, kind: Kind, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise invalid(f"{kind.singular.capitalize()} can't be blank")
    if "contact" not in body:
        raise invalid("Contact can't be blank")
    currency = store.get(company, "company", "company") or {}
    record: dict[str, Any] = {"currency": currency.get("currency", "GBP"), kind.items: [], "base_status": "Draft",
                              "paid_value": "0.00"}
    with store.lock:
        _apply(store, company, kind, record, body)
        if not record.get("reference"):
            record["reference"] = f"{kind.prefix}{store.next_id(company, kind.singular + '_number'):03d}"
        elif _reference_taken(store, company, kind, str(record["reference"]), None):
            raise invalid(DUPLICATE_REFERENCE)
        key = str(store.next_id(company, kind.collection))
        record["url"] = f"/v2/{kind.collection}/{key}"
        return store.put(company, kind.collection, key, record)


def update(store: Store, company: str, kind: Kind, key: str, body: Any) -> dict[str, Any]:
    with store.lock:
        record = _existing(store, company, kind, key)
        if not isinstance(body, dict):
            raise invalid(f"{kind.singular.capitalize()} can't be blank")
        if record["base_status"] == "Cancelled":
            raise invalid(f"A cancelled {kind.singular.replace('_', ' ')} cannot be edited")
        if kind.items in body and Decimal(record["paid_value"]) > 0:
            raise invalid(f"Items cannot be changed once a payment is recorded against this {kind.singular}")
        changed = dict(record)
        _apply(store, company, kind, changed, body)
        if body.get("reference") and _reference_taken(store, company, kind, str(body["reference"]), record["url"]):
            raise invalid(DUPLICATE_REFERENCE)
        return store.put(company, kind.collection, key, changed)


def transition(store: Store, company: str, kind: Kind, key: str, name: str) -> dict[str, Any]:
    if name not in TRANSITIONS or (kind is CREDIT_NOTE and name == "mark_as_scheduled"):
        raise not_found()
    with store.lock:
        record = _existing(store, company, kind, key)
        sources, target = TRANSITIONS[name]
        if record["base_status"] not in sources:
            raise invalid(f"{kind.singular.replace('_', ' ').capitalize()} cannot be {target.lower()} "
                          f"while {status_of(record, store.today()).lower()}")
        if target in ("Draft", "Cancelled") and Decimal(record["paid_value"]) > 0:
            raise invalid(f"{kind.singular.replace('_', ' ').capitalize()} has payments and cannot be "
                          f"{target.lower()}")
        return store.put(company, kind.collection, key, {**record, "base_status": target})


def delete(store: Store, company: str, kind: Kind, key: str) -> None:
    with store.lock:
        record = _existing(store, company, kind, key)
        if record["base_status"] == "Sent":
            raise invalid(f"A sent {kind.singular.replace('_', ' ')} cannot be deleted: mark it as cancelled "
                          "or as draft first")
        store.delete(company, kind.collection, key)


def record_payment(store: Store, company: str, kind: Kind, key: str, amount: Decimal) -> dict[str, Any]:
    """A payment explained against the document (see settings.explain)."""
    with store.lock:
        record = _existing(store, company, kind, key)
        if record["base_status"] != "Sent":
            raise invalid(f"Only sent {kind.collection.replace('_', ' ')} can be paid")
        paid = Decimal(record["paid_value"]) + amount
        if paid > Decimal(record["total_value"]):
            raise invalid("Payment is more than the amount due")
        record = {**record, "paid_value": money(paid)}
        _totals(record, kind)
        if Decimal(record["due_value"]) == 0:
            record["paid_on"] = store.today().isoformat()
        return store.put(company, kind.collection, key, record)


def _existing(store: Store, company: str, kind: Kind, key: str) -> dict[str, Any]:
    record = store.get(company, kind.collection, key)
    if record is None:
        raise not_found()
    return record
