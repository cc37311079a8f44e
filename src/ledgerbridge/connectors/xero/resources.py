"""Which Xero collection stands behind each unified object, and how it is read: declarations, not classes.

    invoice           → Invoices            paged, If-Modified-Since, unitdp=4
    contact           → Contacts            paged, If-Modified-Since, includeArchived
    account           → Accounts            one call, If-Modified-Since
    item              → Items               one call, If-Modified-Since, unitdp=4
    tax_rate          → TaxRates            one call (no If-Modified-Since in the spec), key TaxType
    tracking_category → TrackingCategories  one call (no If-Modified-Since), includeArchived; options are records
    payment           → Payments            paged
    credit_note       → CreditNotes         paged, unitdp=4, where Type=="ACCRECCREDIT" (customer credits)
    journal_entry     → ManualJournals      paged
    transaction       → BankTransactions    paged, unitdp=4
    expense           → BankTransactions    paged, unitdp=4, where Type=="SPEND"; create too
    vendor_credit     → CreditNotes         paged, unitdp=4, where Type=="ACCPAYCREDIT"
    purchase_order    → PurchaseOrders      paged, unitdp=4; create too
    company_info      → Organisation        one call (envelope "Organisations"), no If-Modified-Since
    address           → Contacts            paged; each non-empty Addresses entry is a record
    phone_number      → Contacts            paged; each non-empty Phones entry is a record
    attachment        → {Invoices|Contacts|Accounts}/{id}/Attachments, per document (see .attachments)

Creates besides invoice and contact: payment (one invoice per payment), journal_entry (ManualJournals),
account (PUT /Accounts), expense, purchase_order, attachment. Not here: reports, which are not records (see
:mod:`.reports`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

READ = frozenset({"list", "retrieve"})
READ_WRITE = READ | {"create"}


@dataclass(frozen=True)
class Resource:
    unified: str
    collection: str  # path segment and envelope key: GET /Invoices → {"Invoices": [...]}
    operations: frozenset[str]
    paged: bool = False
    modified_since: bool = True  # the spec declares If-Modified-Since on its GET
    params: dict[str, str] = field(default_factory=dict)
    envelope: str | None = None  # the answer's key when it is not the collection ("Organisations")


RESOURCES: dict[str, Resource] = {
    r.unified: r
    for r in (
        Resource("invoice", "Invoices", READ_WRITE, paged=True, params={"unitdp": "4"}),
        Resource("contact", "Contacts", READ_WRITE, paged=True, params={"includeArchived": "true"}),
        Resource("account", "Accounts", READ_WRITE),
        Resource("item", "Items", READ, params={"unitdp": "4"}),
        Resource("tax_rate", "TaxRates", READ, modified_since=False),
        Resource("tracking_category", "TrackingCategories", READ, modified_since=False,
                 params={"includeArchived": "true"}),
        Resource("payment", "Payments", READ_WRITE, paged=True),
        # CreditNotes holds both kinds: customer credits are credit notes, supplier credits vendor credits.
        Resource("credit_note", "CreditNotes", READ, paged=True,
                 params={"unitdp": "4", "where": 'Type=="ACCRECCREDIT"'}),
        Resource("journal_entry", "ManualJournals", READ_WRITE, paged=True),
        Resource("transaction", "BankTransactions", READ, paged=True, params={"unitdp": "4"}),
        Resource("expense", "BankTransactions", READ_WRITE, paged=True,
                 params={"unitdp": "4", "where": 'Type=="SPEND"'}),
        Resource("vendor_credit", "CreditNotes", READ, paged=True,
                 params={"unitdp": "4", "where": 'Type=="ACCPAYCREDIT"'}),
        Resource("purchase_order", "PurchaseOrders", READ_WRITE, paged=True, params={"unitdp": "4"}),
        Resource("company_info", "Organisation", READ, modified_since=False, envelope="Organisations"),
        Resource("address", "Contacts", READ, paged=True, params={"includeArchived": "true"}),
        Resource("phone_number", "Contacts", READ, paged=True, params={"includeArchived": "true"}),
        # Read document by document, not as one collection: the connector delegates to .attachments.
        Resource("attachment", "Attachments", READ_WRITE),
    )
}

# Unified fields Xero cannot store on writes: the connector warns when a caller sends them.
UNSUPPORTED_FIELDS: dict[str, frozenset[str]] = {
    "invoice": frozenset({"accounting_period_id", "field_mappings", "total_discount", "line_items[].exchange_rate"}),
    "contact": frozenset({"company_info_id", "field_mappings", "is_customer", "is_supplier"}),
    "attachment": frozenset({"field_mappings"}),
}
UNSUPPORTED_FIELDS.update({
    "account": frozenset({"company_info_id", "field_mappings", "parent_account", "status"}),
    "payment": frozenset({"accounting_period_id", "company_info_id", "contact_id", "field_mappings",
                          "tracking_categories", "status", "type"}),
    "journal_entry": frozenset({"accounting_period_id", "company_info_id", "currency", "exchange_rate",
                                "field_mappings", "payments", "applied_payments", "line_items[].contact_id",
                                "line_items[].currency", "line_items[].exchange_rate"}),
    "expense": frozenset({"company_info_id", "exchange_rate", "field_mappings", "sub_total", "total_amount",
                          "total_tax_amount", "line_items[].contact_id", "line_items[].currency",
                          "line_items[].exchange_rate"}),
    "purchase_order": frozenset({"accounting_period_id", "company_id", "customer", "delivery_address",
                                 "exchange_rate", "field_mappings", "total_amount", "line_items[].tax_amount",
                                 "line_items[].currency", "line_items[].exchange_rate"}),
})
