"""Contacts, ledger accounts, products and general journal documents: the records around invoices.

Contact rules: a company name or a first and last name (Moneybird's own 422 lists all three, as its spec example
shows); ``customer_id`` numbered per administration when not given. DELETE archives a contact that documents
still point at and removes one that nothing uses (contract silent; providers.md: Moneybird keeps what is booked).
A journal document's entries must balance (debits equal credits).
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from .details import attribute_list, dec
from .errors import Invalid
from .invoices import _date
from .state import Store, iso, money

CONTACT_FIELDS = ("company_name", "firstname", "lastname", "address1", "address2", "zipcode", "city", "country",
                  "phone", "customer_id", "tax_number", "chamber_of_commerce", "bank_account", "attention",
                  "send_invoices_to_attention", "send_invoices_to_email", "send_estimates_to_attention",
                  "send_estimates_to_email", "sepa_iban", "sepa_iban_account_name", "sepa_bic", "sepa_mandate_id",
                  "si_identifier", "si_identifier_type")
ACCOUNT_TYPES = ("non_current_assets", "current_assets", "equity", "provisions", "non_current_liabilities",
                 "current_liabilities", "revenue", "direct_costs", "expenses", "other_income_expenses")


def save_contact(store: Store, admin: str, attrs: dict[str, Any], existing: dict[str, Any] | None,
                 base_url: str) -> dict[str, Any]:
    now = iso(store.now())
    contact = existing or {
        "id": store.new_id(), "administration_id": admin, "company_name": "", "firstname": None, "lastname": None,
        "address1": "", "address2": "", "zipcode": "", "city": "", "country": "NL", "phone": "",
        "delivery_method": "Email", "customer_id": None, "tax_number": "", "chamber_of_commerce": "",
        "bank_account": "", "is_trusted": False, "max_transfer_amount": None, "attention": "", "email": None,
        "email_ubl": True, "send_invoices_to_attention": "", "send_invoices_to_email": None,
        "send_estimates_to_attention": "", "send_estimates_to_email": None, "direct_debit": False,
        "sepa_active": False, "sepa_iban": "", "sepa_iban_account_name": "", "sepa_bic": "", "sepa_mandate_id": "",
        "sepa_mandate_date": None, "sepa_sequence_type": "RCUR", "credit_card_number": "",
        "credit_card_reference": "", "credit_card_type": None, "tax_number_validated_at": None,
        "tax_number_valid": None, "invoice_workflow_id": None, "estimate_workflow_id": None, "si_identifier": "",
        "si_identifier_type": None, "moneybird_payments_mandate": False, "created_at": now, "notes": [],
        "custom_fields": [], "contact_people": [], "archived": False, "events": []}
    for key in CONTACT_FIELDS:
        if key in attrs:
            contact[key] = "" if attrs[key] is None else str(attrs[key])
    if "send_invoices_to_email" in attrs:
        contact["email"] = contact["send_invoices_to_email"] or None
    if "delivery_method" in attrs:
        contact["delivery_method"] = attrs["delivery_method"]
    invalid = Invalid()
    if not contact.get("company_name") and not (contact.get("firstname") and contact.get("lastname")):
        for key in ("firstname", "lastname", "company_name"):
            invalid.add(key, "is required", "is required")
    if contact["delivery_method"] not in ("Email", "Post", "Manual", "Simplerinvoicing", "Peppol"):
        invalid.add("delivery_method", "is not included in the list", "inclusion")
    if not contact.get("customer_id"):
        contact["customer_id"] = str(store.next_counter(admin, "customer"))
    else:
        taken = [c for c in store.all(admin, "contacts")
                 if c["customer_id"] == contact["customer_id"] and c["id"] != contact["id"]]
        if taken:
            invalid.add("customer_id", "has already been taken", "taken")
    invalid.raise_if_any()
    contact["updated_at"] = now
    contact["version"] = store.next_version()
    # The contract's pattern: the contact's invoices page, behind a 64-hex-digit secret.
    secret = hashlib.sha256(f"{admin}/{contact['id']}".encode()).hexdigest()
    contact["sales_invoices_url"] = f"https://moneybird.com/{admin}/sales_invoices/{secret}/all"
    return contact


def save_ledger_account(store: Store, admin: str, attrs: dict[str, Any],
                        existing: dict[str, Any] | None) -> dict[str, Any]:
    now = iso(store.now())
    account = existing or {"id": store.new_id(), "administration_id": admin, "account_id": None, "parent_id": None,
                           "active": True, "created_at": now, "allowed_document_types": [],
                           "financial_account_id": None}
    invalid = Invalid()
    for key in ("name", "account_type"):
        if key in attrs:
            account[key] = attrs[key]
        if not account.get(key):
            invalid.add(key, "can't be blank", "blank")
    if account.get("account_type") and account["account_type"] not in ACCOUNT_TYPES:
        invalid.add("account_type", "is not included in the list", "inclusion")
    if "account_id" in attrs:
        account["account_id"] = None if attrs["account_id"] is None else str(attrs["account_id"])
        taken = [a for a in store.all(admin, "ledger_accounts")
                 if a["account_id"] == account["account_id"] and a["id"] != account["id"] and account["account_id"]]
        if taken:
            invalid.add("account_id", "has already been taken", "taken")
    if "allowed_document_types" in attrs:
        account["allowed_document_types"] = list(attrs["allowed_document_types"] or [])
    invalid.raise_if_any()
    account["updated_at"] = now
    return account


def save_product(store: Store, admin: str, attrs: dict[str, Any], existing: dict[str, Any] | None) -> dict[str, Any]:
    now = iso(store.now())
    product = existing or {"id": store.new_id(), "administration_id": admin, "description": None, "title": None,
                           "identifier": None, "price": "0.0", "currency": "EUR", "frequency": None,
                           "frequency_type": None, "tax_rate_id": None, "created_at": now}
    invalid = Invalid()
    for key in ("title", "description", "identifier", "currency"):
        if key in attrs:
            product[key] = attrs[key]
    if "price" in attrs or existing is None:
        price = dec(attrs.get("price"), Decimal(-1))
        if price is None or "price" not in attrs:
            invalid.add("price", "is not a number", "not_a_number")
        else:
            product["price"] = money(price)
    for key, coll in (("tax_rate_id", "tax_rates"), ("ledger_account_id", "ledger_accounts")):
        if key in attrs:
            if attrs[key] is not None and store.get(admin, coll, str(attrs[key])) is None:
                invalid.add(key, "is invalid", "invalid")
            product[key] = None if attrs[key] is None else str(attrs[key])
    if not product.get("ledger_account_id"):
        invalid.add("ledger_account_id", "is required", "required")
    invalid.raise_if_any()
    product["updated_at"] = now
    return product


def save_journal_document(store: Store, admin: str, attrs: dict[str, Any],
                          existing: dict[str, Any] | None) -> dict[str, Any]:
    now = iso(store.now())
    doc = existing or {"id": store.new_id(), "administration_id": admin, "reference": None,
                       "date": store.today().isoformat(), "journal_type": None, "created_at": now,
                       "general_journal_document_entries": [], "notes": [], "attachments": [], "events": []}
    invalid = Invalid()
    if "reference" in attrs:
        doc["reference"] = attrs["reference"]
    if "date" in attrs:
        doc["date"] = _date(attrs["date"], "date", invalid) or doc["date"]
    raw = attrs.get("general_journal_document_entries_attributes")
    if raw is not None:
        entries = []
        for i, entry in enumerate(attribute_list(raw) or []):
            debit, credit = dec(entry.get("debit")), dec(entry.get("credit"))
            if store.get(admin, "ledger_accounts", str(entry.get("ledger_account_id"))) is None:
                invalid.add(f"general_journal_document_entries.{i}.ledger_account_id", "is invalid", "invalid")
            if debit is None or credit is None:
                invalid.add(f"general_journal_document_entries.{i}.debit", "is not a number", "not_a_number")
                continue
            entries.append({"id": store.new_id(), "administration_id": admin,
                            "ledger_account_id": str(entry.get("ledger_account_id")), "project_id": None,
                            "contact_id": None if entry.get("contact_id") is None else str(entry["contact_id"]),
                            "debit": money(debit), "credit": money(credit), "row_order": i + 1, "created_at": now,
                            "updated_at": now, "description": entry.get("description")})
        doc["general_journal_document_entries"] = entries
    debits = sum((Decimal(e["debit"]) for e in doc["general_journal_document_entries"]), Decimal(0))
    credits = sum((Decimal(e["credit"]) for e in doc["general_journal_document_entries"]), Decimal(0))
    if debits != credits:
        invalid.add("general_journal_document_entries", "debit and credit are not balanced", "not_balanced")
    if not doc["general_journal_document_entries"]:
        invalid.add("general_journal_document_entries", "can't be blank", "blank")
    invalid.raise_if_any()
    doc["updated_at"] = now
    doc["version"] = store.next_version()
    return doc


def save_project(store: Store, admin: str, attrs: dict[str, Any], existing: dict[str, Any] | None) -> dict[str, Any]:
    """Projects: a name, a state (active or archived) and an optional budget; nothing else (the contract's
    ``project_response``)."""
    project = existing or {"id": store.new_id(), "state": "active", "budget": None}
    invalid = Invalid()
    if "name" in attrs:
        project["name"] = attrs["name"]
    if not project.get("name"):
        invalid.add("name", "can't be blank", "blank")
    if "state" in attrs:
        project["state"] = attrs["state"]
    if project["state"] not in ("active", "archived"):
        invalid.add("state", "is not included in the list", "inclusion")
    if "budget" in attrs:
        project["budget"] = None if attrs["budget"] is None else int(attrs["budget"])
    invalid.raise_if_any()
    return project
