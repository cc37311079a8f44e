"""What the sandbox knows about each Xero collection: id field, unique key, indexed columns, paging.

Keeping this in one table lets storage, listing and the test helpers (``XeroSandbox.get/count``) treat every
collection the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Kind:
    name: str                     # wire collection name, e.g. "Invoices"
    id_field: str                 # e.g. "InvoiceID"
    key_field: str | None = None  # secondary lookup (InvoiceNumber, Contact Name, Account Code, TaxType…)
    status_field: str | None = "Status"
    type_field: str | None = None
    has_contact: bool = False
    pageable: bool = False        # honours page/pageSize and answers a `pagination` object
    singular: str = ""            # type name used in QueryParseException messages

    def columns(self, data: dict[str, Any]) -> dict[str, Any]:
        contact = data.get("Contact") or {}
        return {
            "key": (str(data.get(self.key_field)) if self.key_field and data.get(self.key_field) else None),
            "status": data.get(self.status_field) if self.status_field else None,
            "type_": data.get(self.type_field) if self.type_field else None,
            "contact": contact.get("ContactID") if self.has_contact else None,
        }


KINDS: dict[str, Kind] = {k.name.lower(): k for k in [
    Kind("Invoices", "InvoiceID", "InvoiceNumber", "Status", "Type", True, True, "Invoice"),
    Kind("Contacts", "ContactID", "Name", "ContactStatus", None, False, True, "Contact"),
    Kind("Accounts", "AccountID", "Code", "Status", "Type", False, False, "Account"),
    Kind("Items", "ItemID", "Code", None, None, False, False, "Item"),
    Kind("TaxRates", "TaxType", "Name", "Status", None, False, False, "TaxRate"),
    Kind("TrackingCategories", "TrackingCategoryID", "Name", "Status", None, False, False, "TrackingCategory"),
    Kind("Payments", "PaymentID", None, "Status", "PaymentType", False, True, "Payment"),
    Kind("CreditNotes", "CreditNoteID", "CreditNoteNumber", "Status", "Type", True, True, "CreditNote"),
    Kind("BankTransactions", "BankTransactionID", None, "Status", "Type", True, True, "BankTransaction"),
    Kind("ManualJournals", "ManualJournalID", None, "Status", None, False, True, "ManualJournal"),
    Kind("PurchaseOrders", "PurchaseOrderID", "PurchaseOrderNumber", "Status", None, True, True, "PurchaseOrder"),
    Kind("Organisations", "OrganisationID", None, None, None, False, False, "Organisation"),
]}


def kind(name: str) -> Kind:
    k = KINDS.get(name.lower()) or KINDS.get(name.lower() + "s")
    if k is None:
        raise KeyError(f"unknown Xero collection {name!r}")
    return k
