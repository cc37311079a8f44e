"""Contacts: customers and suppliers alike (FreeAgent does not tell them apart).

A contact needs an ``organisation_name`` or a first and last name. ``status`` is ``Active`` or ``Hidden``. A
contact that invoices or bills refer to cannot be deleted (FreeAgent refuses; hide it instead).
"""

from __future__ import annotations

from typing import Any

from .errors import invalid, not_found
from .state import Store

WRITABLE = ("first_name", "last_name", "organisation_name", "email", "billing_email", "phone_number", "mobile",
            "address1", "address2", "address3", "town", "region", "postcode", "country",
            "contact_name_on_invoices", "default_payment_terms_in_days", "locale", "charge_sales_tax",
            "sales_tax_registration_number", "uses_contact_invoice_sequence", "status")


def _apply(record: dict[str, Any], body: dict[str, Any]) -> None:
    for key in WRITABLE:
        if key in body:
            record[key] = body[key]
    if not record.get("organisation_name") and not (record.get("first_name") and record.get("last_name")):
        raise invalid("First name and last name, or organisation name, must be present")
    if record.get("status", "Active") not in ("Active", "Hidden"):
        raise invalid("Status is not included in the list")
    record.setdefault("status", "Active")
    record.setdefault("country", "United Kingdom")
    record.setdefault("locale", "en")


def create(store: Store, company: str, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise invalid("Contact can't be blank")
    record: dict[str, Any] = {"account_balance": "0.00", "active_projects_count": 0}
    _apply(record, body)
    with store.lock:
        key = str(store.next_id(company, "contacts"))
        record["url"] = f"/v2/contacts/{key}"
        return store.put(company, "contacts", key, record)


def update(store: Store, company: str, key: str, body: Any) -> dict[str, Any]:
    with store.lock:
        record = store.get(company, "contacts", key)
        if record is None:
            raise not_found()
        if not isinstance(body, dict):
            raise invalid("Contact can't be blank")
        changed = dict(record)
        _apply(changed, body)
        return store.put(company, "contacts", key, changed)


def delete(store: Store, company: str, key: str) -> None:
    with store.lock:
        record = store.get(company, "contacts", key)
        if record is None:
            raise not_found()
        for collection in ("invoices", "bills", "credit_notes"):
            if any(r.get("contact") == record["url"] for r in store.collection(company, collection).values()):
                raise invalid("Contact has invoices, bills or credit notes and cannot be deleted")
        store.delete(company, "contacts", key)
