"""Sales and purchase invoices: what Moneybird allows and computes.

Sales invoice lifecycle (``state``): ``draft`` → ``send_invoice`` → ``open`` (or ``scheduled`` when sending is
scheduled) → ``paid`` once payments cover the total; ``late`` is an ``open`` invoice past its due date, derived
when read; ``uncollectible`` via ``mark_as_uncollectible``. The invoice number (``invoice_id``, ``2026-0001``,
one sequence per year) is given when the invoice is sent; a draft has a ``draft_id``. Contract-silent choices,
per providers.md: a paid invoice refuses edits (422), and DELETE refuses an invoice with payments (the spec says
it "requires that the sales invoice has no pending payments"). A credit invoice is a copy with negated prices
(``duplicate_creditinvoice``) pointing at its original with ``original_sales_invoice_id``.

Purchase invoices (``documents/purchase_invoices``) are booked when created (``open``), ``paid`` when payments
cover them; they have no number of their own, the supplier's is ``reference``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .details import apply_details, compute_totals, dec
from .errors import Invalid, MoneybirdError, not_found, refused
from .state import Store, iso, money

SALES_STATES = ("draft", "scheduled", "open", "pending_payment", "reminded", "late", "paid", "uncollectible")
DEFAULT_DUE_DAYS = 14


def _date(value: Any, field: str, invalid: Invalid) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        invalid.add(field, "is not a valid date", "invalid")
        return None


def _contact(store: Store, admin: str, contact_id: Any, invalid: Invalid) -> dict[str, Any] | None:
    contact = store.get(admin, "contacts", str(contact_id)) if contact_id is not None else None
    if contact is None:
        invalid.add("contact_id", "is invalid" if contact_id is not None else "is required",
                    "invalid" if contact_id is not None else "required")
    return contact


def embedded_contact(contact: dict[str, Any]) -> dict[str, Any]:
    """The contact as documents embed it (``simple_contact_response``: no events, transfer cap as a string)."""
    out = {k: v for k, v in contact.items() if k != "events"}
    out["max_transfer_amount"] = None
    return out


def default_ledger(store: Store, admin: str, kind: str) -> str:
    wanted = "revenue" if kind == "sales_invoice" else "expenses"
    accounts = [a for a in store.all(admin, "ledger_accounts") if a["account_type"] == wanted and a.get("active")]
    return str(accounts[0]["id"]) if accounts else ""


# --------------------------------------------------------------------------------------------- sales invoices
def save_sales_invoice(store: Store, admin: str, attrs: dict[str, Any], existing: dict[str, Any] | None,
                       base_url: str) -> dict[str, Any]:
    invalid = Invalid()
    now = store.now()
    if existing is not None and existing["state"] == "paid":
        raise refused("Sales invoice is paid and cannot be changed", "state", "paid")
    inv = existing or {
        "id": store.new_id(), "administration_id": admin, "contact_person_id": None, "contact_person": None,
        "invoice_id": None, "recurring_sales_invoice_id": None, "subscription_id": None,
        "workflow_id": _setting(store, admin, "workflow_id"), "document_style_id": _setting(store, admin, "style_id"),
        "identity_id": _setting(store, admin, "identity_id"), "draft_id": store.next_counter(admin, "draft"),
        "state": "draft", "invoice_date": None, "due_date": None, "payment_conditions": "",
        "payment_reference": None, "short_payment_reference": None, "reference": "", "language": "nl",
        "currency": store.data["administrations"][admin]["currency"], "discount": "0.0",
        "original_sales_invoice_id": None, "paused": False, "paid_at": None, "sent_at": None,
        "created_at": iso(now), "public_view_code": None, "public_view_code_expires_at": None, "details": [],
        "payments": [], "total_paid": "0.0", "total_unpaid": "0.0", "total_unpaid_base": "0.0",
        "prices_are_incl_tax": False, "total_discount": "0.0", "marked_dubious_on": None,
        "marked_uncollectible_on": None, "reminder_count": 0, "next_reminder": None, "original_estimate_id": None,
        "custom_fields": [], "notes": [], "attachments": [], "events": [], "tax_totals": [], "time_entries": [],
        "_due_days": DEFAULT_DUE_DAYS}
    if "contact_id" in attrs or existing is None:
        contact = _contact(store, admin, attrs.get("contact_id"), invalid)
        if contact is not None:
            inv["contact_id"], inv["contact"] = contact["id"], embedded_contact(contact)
    for key in ("reference", "payment_conditions", "currency"):
        if key in attrs:
            inv[key] = str(attrs[key] or "")
    if "invoice_date" in attrs:
        inv["invoice_date"] = _date(attrs["invoice_date"], "invoice_date", invalid)
    if "first_due_interval" in attrs:
        try:
            inv["_due_days"] = int(attrs["first_due_interval"])
        except (TypeError, ValueError):
            invalid.add("first_due_interval", "is not a number", "not_a_number")
    if "prices_are_incl_tax" in attrs:
        inv["prices_are_incl_tax"] = str(attrs["prices_are_incl_tax"]).lower() in ("true", "1")
    if "discount" in attrs:
        discount = dec(attrs["discount"])
        if discount is None or not Decimal(0) <= discount <= Decimal(100):
            invalid.add("discount", "must be between 0 and 100", "invalid")
        else:
            inv["discount"] = str(discount)
    inv["details"] = apply_details(store, admin, inv["details"], attrs.get("details_attributes"),
                                   tax_type="sales_invoice", default_ledger=default_ledger(store, admin,
                                                                                           "sales_invoice"),
                                   invalid=invalid)
    invalid.raise_if_any()
    _due(inv, store.today())
    compute_totals(store, admin, inv, discount=Decimal(inv["discount"]))
    _settle(inv)
    inv["updated_at"] = iso(now)
    inv["version"] = store.next_version()
    inv["url"] = f"{base_url}/{admin}/sales_invoices/{inv['id']}"
    inv["payment_url"] = f"{base_url}/{admin}/sales_invoices/{inv['id']}/pay"
    return inv


def _setting(store: Store, admin: str, key: str) -> str:
    return str(store.data["administrations"][admin]["settings"][key])


def _due(inv: dict[str, Any], today: dt.date) -> None:
    """Due date = invoice date (today for an undated draft) + the payment term in days."""
    start = dt.date.fromisoformat(inv["invoice_date"]) if inv.get("invoice_date") else today
    inv["due_date"] = (start + dt.timedelta(days=int(inv.get("_due_days") or 0))).isoformat()


def _settle(inv: dict[str, Any]) -> None:
    """Paid and unpaid totals from the payments; an open invoice whose payments cover it becomes paid.
    (Sales invoices only: purchase invoices state no paid or unpaid totals.)"""
    if "invoice_id" not in inv:
        return
    paid = sum((Decimal(str(p["price"])) for p in inv["payments"]), Decimal(0))
    total = Decimal(inv.get("total_price_incl_tax") or 0)
    inv["total_paid"] = money(paid)
    inv["total_unpaid"] = inv["total_unpaid_base"] = money(total - paid)
    if "state" in inv and inv["state"] not in ("draft", "scheduled") and total != 0 and paid >= total:
        inv["state"] = "paid"
        inv["paid_at"] = max(p["payment_date"] for p in inv["payments"])


def send_sales_invoice(store: Store, admin: str, inv: dict[str, Any], attrs: dict[str, Any]) -> dict[str, Any]:
    if inv["state"] != "draft":
        return inv  # sending again only re-sends the email: the state and number stay
    invalid = Invalid()
    if not inv["details"]:
        raise MoneybirdError(400, {"error": "details cannot be empty", "symbolic": {"details": "empty"}})
    scheduled = str(attrs.get("sending_scheduled", "")).lower() in ("true", "1")
    today = store.today().isoformat()
    if scheduled:
        inv["invoice_date"] = _date(attrs.get("invoice_date"), "invoice_date", invalid) or today
        inv["state"] = "scheduled"
    else:
        inv["invoice_date"] = inv.get("invoice_date") or today
        inv["state"] = "open"
        inv["sent_at"] = today
        year = inv["invoice_date"][:4]
        inv["invoice_id"] = f"{year}-{store.next_counter(admin, 'invoice/' + year):04d}"
        inv["payment_reference"] = f"RF{int(inv['id']) % 10**12:012d}"
    invalid.raise_if_any()
    _due(inv, store.today())
    _settle(inv)
    inv["updated_at"] = iso(store.now())
    inv["version"] = store.next_version()
    return inv


def credit_invoice(store: Store, admin: str, original: dict[str, Any], base_url: str) -> dict[str, Any]:
    if original["state"] == "draft":
        raise MoneybirdError(400, {"error": "A draft cannot be credited", "symbolic": {"state": "draft"}})
    details = [{"description": d["description"], "price": str(-Decimal(d["price"])), "amount": d["amount"],
                "tax_rate_id": d["tax_rate_id"], "ledger_account_id": d["ledger_account_id"]}
               for d in original["details"]]
    credit = save_sales_invoice(store, admin, {"contact_id": original["contact_id"], "reference": original["reference"],
                                               "prices_are_incl_tax": original["prices_are_incl_tax"],
                                               "details_attributes": details}, None, base_url)
    credit["original_sales_invoice_id"] = original["id"]
    return credit


# ---------------------------------------------------------------------------------------------- payments
def add_payment(store: Store, admin: str, doc: dict[str, Any], attrs: dict[str, Any], *, invoice_type: str,
                user_id: str) -> dict[str, Any]:
    invalid = Invalid()
    if doc.get("state") in ("draft", "scheduled", "new"):
        raise refused("A draft cannot be paid", "state", doc["state"])
    price = dec(attrs.get("price"), Decimal(0))
    if price is None or price == 0:
        invalid.add("price", "is not a number" if price is None else "must be other than 0", "invalid")
    paid_on = _date(attrs.get("payment_date"), "payment_date", invalid)
    if paid_on is None and "payment_date" not in invalid.messages:
        invalid.add("payment_date", "is required", "required")
    unpaid = Decimal(doc.get("total_unpaid") or doc["total_price_incl_tax"]) if invoice_type == "SalesInvoice" else \
        Decimal(doc["total_price_incl_tax"]) - sum((Decimal(str(p["price"])) for p in doc["payments"]), Decimal(0))
    if price is not None and abs(price) > abs(unpaid):
        invalid.add("price", "is more than the amount still to be paid", "too_high")
    invalid.raise_if_any()
    now = iso(store.now())
    payment = {"id": store.new_id(), "administration_id": admin, "invoice_type": invoice_type,
               "invoice_id": doc["id"], "financial_account_id": attrs.get("financial_account_id"),
               "user_id": user_id, "payment_transaction_id": None,
               "transaction_identifier": attrs.get("transaction_identifier"), "price": price, "price_base": price,
               "payment_date": paid_on, "credit_invoice_id": None, "financial_mutation_id": None,
               "ledger_account_id": None, "linked_payment_id": None,
               "manual_payment_action": attrs.get("manual_payment_action"), "created_at": now, "updated_at": now}
    doc["payments"].append(payment)
    _settle(doc)
    if invoice_type != "SalesInvoice":
        paid = sum((Decimal(str(p["price"])) for p in doc["payments"]), Decimal(0))
        if paid >= Decimal(doc["total_price_incl_tax"]):
            doc["state"], doc["paid_at"] = "paid", paid_on
    doc["updated_at"] = now
    doc["version"] = store.next_version()
    return payment


def remove_payment(store: Store, doc: dict[str, Any], payment_id: str) -> None:
    kept = [p for p in doc["payments"] if p["id"] != payment_id]
    if len(kept) == len(doc["payments"]):
        raise not_found()
    doc["payments"] = kept
    if doc["state"] == "paid":
        doc["state"], doc["paid_at"] = "open", None
    _settle(doc)
    doc["updated_at"] = iso(store.now())
    doc["version"] = store.next_version()


# ------------------------------------------------------------------------------------------ purchase invoices
def save_purchase_invoice(store: Store, admin: str, attrs: dict[str, Any],
                          existing: dict[str, Any] | None) -> dict[str, Any]:
    invalid = Invalid()
    now = iso(store.now())
    if existing is not None and existing["state"] == "paid":
        raise refused("Purchase invoice is paid and cannot be changed", "state", "paid")
    doc = existing or {
        "id": store.new_id(), "administration_id": admin, "reference": None, "date": store.today().isoformat(),
        "due_date": None, "entry_number": store.next_counter(admin, "entry"), "state": "open",
        "currency": store.data["administrations"][admin]["currency"], "exchange_rate": "1.0",
        "revenue_invoice": False, "prices_are_incl_tax": False, "origin": "api", "paid_at": None, "tax_number": None,
        "created_at": now, "details": [], "fiscal_allocations": [], "payments": [], "notes": [], "attachments": [],
        "events": []}
    if "contact_id" in attrs or existing is None:
        contact = _contact(store, admin, attrs.get("contact_id"), invalid)
        if contact is not None:
            doc["contact_id"], doc["contact"] = contact["id"], embedded_contact(contact)
    if "reference" in attrs:
        doc["reference"] = str(attrs["reference"] or "") or None
    if existing is None and not attrs.get("reference"):
        invalid.add("reference", "can't be blank", "blank")
    for key in ("date", "due_date"):
        if key in attrs:
            doc[key] = _date(attrs[key], key, invalid) or (doc[key] if key == "date" else None)
    if "currency" in attrs:
        doc["currency"] = str(attrs["currency"])
    if "prices_are_incl_tax" in attrs:
        doc["prices_are_incl_tax"] = str(attrs["prices_are_incl_tax"]).lower() in ("true", "1")
    doc["details"] = apply_details(store, admin, doc["details"], attrs.get("details_attributes"),
                                   tax_type="purchase_invoice",
                                   default_ledger=default_ledger(store, admin, "purchase_invoice"), invalid=invalid)
    invalid.raise_if_any()
    compute_totals(store, admin, doc)
    doc["updated_at"] = now
    doc["version"] = store.next_version()
    return doc


def visible_state(inv: dict[str, Any], today: dt.date) -> str:
    """``late`` is an open invoice past its due date (computed when read, as time passes)."""
    if inv.get("state") == "open" and inv.get("due_date") and dt.date.fromisoformat(inv["due_date"]) < today:
        return "late"
    return str(inv.get("state"))
