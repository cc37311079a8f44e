"""Which QBO entities stand behind each unified object, and how each is mapped: declarations, not classes.

    contact           → Customer, Vendor
    invoice           → Invoice (receivable), Bill (payable)
    tracking_category → Class, Department
    tax_rate          → TaxCode (rate = sum of its TaxRate entities' RateValue)
    item              → Item
    account           → Account (create too)
    payment           → Payment (receivable payments applied to invoices; create too)
    credit_note       → CreditMemo
    journal_entry     → JournalEntry (create too)
    expense           → Purchase (create too)
    purchase_order    → PurchaseOrder (create too)
    vendor_credit     → VendorCredit
    company_info      → CompanyInfo
    attachment        → Attachable (create is a multipart upload: see .attachments)
    address           → Customer, Vendor  (BillAddr / ShipAddr split out, one record each)
    phone_number      → Customer, Vendor  (PrimaryPhone / Mobile / Fax / AlternatePhone)

Not here, so the API answers "not supported": transaction (QBO has no general transaction entity; its
money movements are the typed entities above), and the three reports (see the connector).

``has_active`` marks entities QBO hides when inactive: their queries add ``Active IN (true, false)`` so
archived customers, items and accounts are synced too (as ARCHIVED / INACTIVE) instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks import attachments
from ledgerbridge.connectors.quickbooks.mapping import (
    account,
    company,
    contact,
    documents,
    invoice,
    item,
    tracking_category,
)
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker

Mapper = Callable[[dict[str, Any], RefMaker], RemoteRecord | list[RemoteRecord]]


@dataclass(frozen=True)
class Entity:
    name: str  # QBO entity name: query "from <name>", path "/<name lower-case>", response key "<name>"
    has_active: bool
    to_unified: Mapper | None  # None: the connector maps it itself (TaxCode needs its TaxRates)


@dataclass(frozen=True)
class Resource:
    unified: str
    entities: tuple[Entity, ...]
    operations: frozenset[str]

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)


def _with(entity_name: str, fn: Callable[[str, dict[str, Any], RefMaker], Any]) -> Mapper:
    return lambda remote, ctx: fn(entity_name, remote, ctx)


READ = frozenset({"list", "retrieve"})
READ_WRITE = READ | {"create"}

RESOURCES: dict[str, Resource] = {
    r.unified: r
    for r in (
        Resource(
            "invoice",
            (
                Entity("Invoice", False, _with("Invoice", invoice.to_unified)),
                Entity("Bill", False, _with("Bill", invoice.to_unified)),
            ),
            READ_WRITE,
        ),
        Resource(
            "contact",
            (
                Entity("Customer", True, _with("Customer", contact.to_unified)),
                Entity("Vendor", True, _with("Vendor", contact.to_unified)),
            ),
            READ_WRITE,
        ),
        Resource("item", (Entity("Item", True, item.to_unified),), READ),
        Resource("account", (Entity("Account", True, account.to_unified),), READ_WRITE),
        Resource("payment", (Entity("Payment", False, documents.payment_to_unified),), READ_WRITE),
        Resource("credit_note", (Entity("CreditMemo", False, documents.credit_note_to_unified),), READ),
        Resource("journal_entry", (Entity("JournalEntry", False, documents.journal_entry_to_unified),), READ_WRITE),
        Resource("expense", (Entity("Purchase", False, documents.expense_to_unified),), READ_WRITE),
        Resource("purchase_order", (Entity("PurchaseOrder", False, documents.purchase_order_to_unified),),
                 READ_WRITE),
        Resource("vendor_credit", (Entity("VendorCredit", False, documents.vendor_credit_to_unified),), READ),
        Resource("company_info", (Entity("CompanyInfo", False, company.company_info_to_unified),), READ),
        Resource("attachment", (Entity(attachments.ENTITY, False, attachments.to_unified),), READ_WRITE),
        Resource(
            "address",
            (
                Entity("Customer", True, _with("Customer", company.addresses_to_unified)),
                Entity("Vendor", True, _with("Vendor", company.addresses_to_unified)),
            ),
            READ,
        ),
        Resource(
            "phone_number",
            (
                Entity("Customer", True, _with("Customer", company.phones_to_unified)),
                Entity("Vendor", True, _with("Vendor", company.phones_to_unified)),
            ),
            READ,
        ),
        Resource("tax_rate", (Entity("TaxCode", False, None),), READ),  # see connector._all_rows
        Resource(
            "tracking_category",
            (
                Entity("Class", True, _with("Class", tracking_category.to_unified)),
                Entity("Department", True, _with("Department", tracking_category.to_unified)),
            ),
            READ,
        ),
    )
}

# Unified fields QBO cannot store on writes: the connector warns when a caller sends them.
UNSUPPORTED_FIELDS: dict[str, frozenset[str]] = {
    # Custom fields mapped to CustomField paths are sent on invoices and bills (see service/field_mappings.py).
    "invoice": frozenset({"accounting_period_id", "line_items[].exchange_rate"}),
    "contact": frozenset({"company_info_id", "field_mappings"}),
    "attachment": frozenset({"field_mappings"}),
    "account": frozenset({"bank_account_number", "company_info_id", "field_mappings", "status"}),
    "payment": frozenset({"accounting_period_id", "company_info_id", "field_mappings", "tracking_categories",
                          "status"}),
    "journal_entry": frozenset({"accounting_period_id", "company_info_id", "field_mappings", "payments",
                                "applied_payments", "posting_status", "line_items[].tax_rate_id"}),
    "expense": frozenset({"company_info_id", "field_mappings", "line_items[].contact_id"}),
    "purchase_order": frozenset({"accounting_period_id", "company_id", "customer", "delivery_address",
                                 "field_mappings", "line_items[].tax_amount"}),
}
