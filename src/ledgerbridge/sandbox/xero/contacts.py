"""Contacts: create/update rules, name uniqueness, and the contact references inside documents.

Xero derives ``IsCustomer``/``IsSupplier`` from the documents raised against a contact rather than letting
clients set them, and it creates a contact on the fly when a document names one that does not exist yet.
"""

from __future__ import annotations

from typing import Any

from .dates import ms_date
from .unitofwork import UnitOfWork

COPY_FIELDS = ("ContactNumber", "AccountNumber", "Name", "FirstName", "LastName", "CompanyNumber", "EmailAddress",
               "BankAccountDetails", "TaxNumber", "AccountsReceivableTaxType", "AccountsPayableTaxType",
               "DefaultCurrency", "SalesDefaultAccountCode", "PurchasesDefaultAccountCode", "PaymentTerms",
               "SalesDefaultLineAmountType", "PurchasesDefaultLineAmountType")
LIST_FIELDS = ("Addresses", "Phones", "ContactPersons", "ContactGroups")
STATUSES = ("ACTIVE", "ARCHIVED", "GDPRREQUEST")


def save_contact(uow: UnitOfWork, raw: dict[str, Any],
                 existing: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    obj: dict[str, Any] = dict(existing) if existing else {
        "ContactID": uow.new_id(), "ContactStatus": "ACTIVE", "Addresses": [], "Phones": [], "ContactGroups": [],
        "IsSupplier": False, "IsCustomer": False, "ContactPersons": [], "HasAttachments": False,
        "HasValidationErrors": False}
    for f in COPY_FIELDS:
        if f in raw and raw[f] is not None:
            obj[f] = raw[f]
    for f in LIST_FIELDS:
        if isinstance(raw.get(f), list):
            obj[f] = raw[f]
    if raw.get("ContactStatus"):
        if raw["ContactStatus"] not in STATUSES:
            errors.append(f"'{raw['ContactStatus']}' is not a valid ContactStatus")
        else:
            obj["ContactStatus"] = raw["ContactStatus"]
    name = str(obj.get("Name") or "").strip()
    if not name:
        errors.append("The contact name must be specified" if not existing else "Contact name cannot be empty")
    elif obj["ContactStatus"] == "ACTIVE":
        for other in uow.find_key("Contacts", name):
            if other["ContactID"] != obj["ContactID"] and other.get("ContactStatus") == "ACTIVE":
                errors.append(f"The contact name {name} is already assigned to another contact. The contact name "
                              "must be unique across all active contacts.")
                break
    obj["UpdatedDateUTC"] = ms_date(uow.stamp())
    return obj, errors


def resolve_contact(uow: UnitOfWork, raw: Any) -> tuple[dict[str, Any] | None, str | None]:
    """A document's ``Contact`` → stored contact (creating it by Name when new, as Xero does)."""
    if not isinstance(raw, dict) or not (raw.get("ContactID") or raw.get("Name") or raw.get("ContactNumber")):
        return None, "A Contact must be specified for this type of transaction"
    if raw.get("ContactID"):
        found = uow.get("Contacts", str(raw["ContactID"]))
        if found is None:
            return None, f"The contact with the specified ContactID ({raw['ContactID']}) could not be found"
        return found, None
    if raw.get("ContactNumber") and not raw.get("Name"):
        return None, f"The contact with ContactNumber '{raw['ContactNumber']}' could not be found"
    active = [c for c in uow.find_key("Contacts", str(raw["Name"]).strip()) if c.get("ContactStatus") == "ACTIVE"]
    if active:
        return active[0], None
    created, errors = save_contact(uow, raw, None)
    if errors:
        return None, errors[0]
    uow.put("Contacts", created)
    return created, None


def summary(contact: dict[str, Any]) -> dict[str, Any]:
    """The contact as embedded in documents (Xero sends a trimmed copy)."""
    out = {"ContactID": contact["ContactID"], "ContactStatus": contact.get("ContactStatus", "ACTIVE"),
           "Name": contact.get("Name", "")}
    for f in ("FirstName", "LastName", "EmailAddress"):
        if contact.get(f):
            out[f] = contact[f]
    out.update({"Addresses": [], "Phones": [], "ContactGroups": [], "ContactPersons": [], "HasValidationErrors": False})
    return out


def mark_role(uow: UnitOfWork, contact_id: str, doc_type: str) -> None:
    """Sales documents make a customer, purchase documents a supplier."""
    field = "IsCustomer" if doc_type in ("ACCREC", "ACCRECCREDIT", "RECEIVE") else "IsSupplier"
    contact = uow.get("Contacts", contact_id)
    if contact is not None and not contact.get(field):
        contact[field] = True
        contact["UpdatedDateUTC"] = ms_date(uow.stamp())
        uow.put("Contacts", contact)
