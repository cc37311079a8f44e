"""The Xero collection behind each unified object, and how it is read (by :class:`~.reader.Reader`).

    invoice           → Invoices            paged, If-Modified-Since, unitdp=4, ?IDs=
    contact           → Contacts            paged, If-Modified-Since, includeArchived, ?IDs=
    account           → Accounts            one call, If-Modified-Since
    item              → Items               one call, If-Modified-Since, unitdp=4
    tax_rate          → TaxRates            one call (no If-Modified-Since in the spec), key TaxType
    tracking_category → TrackingCategories  one call (no If-Modified-Since), includeArchived; options are records
    payment           → Payments            paged
    credit_note       → CreditNotes         paged, unitdp=4, where Type=="ACCRECCREDIT" (customer credits)
    journal_entry     → ManualJournals      paged
    transaction       → BankTransactions    paged, unitdp=4
    expense           → BankTransactions    paged, unitdp=4, where Type=="SPEND"
    vendor_credit     → CreditNotes         paged, unitdp=4, where Type=="ACCPAYCREDIT"
    purchase_order    → PurchaseOrders      paged, unitdp=4
    company_info      → Organisation        one call (envelope "Organisations"), no If-Modified-Since
    address           → Contacts            paged; each non-empty Addresses entry is a record
    phone_number      → Contacts            paged; each non-empty Phones entry is a record

Attachments are read document by document (:mod:`.objects.attachment`); reports are not records.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Collection:
    name: str  # path segment and envelope key: GET /Invoices → {"Invoices": [...]}
    paged: bool = False
    modified_since: bool = True  # the spec declares If-Modified-Since on its GET
    params: dict[str, str] = field(default_factory=dict)  # on every read
    where: str | None = None  # on lists only: a read by id finds the record whatever the filter says
    envelope: str | None = None  # the answer's key when it is not the collection ("Organisations")

    @property
    def list_params(self) -> dict[str, str]:
        return {**self.params, "where": self.where} if self.where else dict(self.params)


INVOICES = Collection("Invoices", paged=True, params={"unitdp": "4"})
CONTACTS = Collection("Contacts", paged=True, params={"includeArchived": "true"})
ACCOUNTS = Collection("Accounts")
ITEMS = Collection("Items", params={"unitdp": "4"})
TAX_RATES = Collection("TaxRates", modified_since=False)
TRACKING_CATEGORIES = Collection("TrackingCategories", modified_since=False, params={"includeArchived": "true"})
PAYMENTS = Collection("Payments", paged=True)
MANUAL_JOURNALS = Collection("ManualJournals", paged=True)
BANK_TRANSACTIONS = Collection("BankTransactions", paged=True, params={"unitdp": "4"})
PURCHASE_ORDERS = Collection("PurchaseOrders", paged=True, params={"unitdp": "4"})
ORGANISATION = Collection("Organisation", modified_since=False, envelope="Organisations")
# CreditNotes hold both kinds: customer credits are credit notes, supplier credits vendor credits.
CUSTOMER_CREDITS = Collection("CreditNotes", paged=True, params={"unitdp": "4"}, where='Type=="ACCRECCREDIT"')
SUPPLIER_CREDITS = Collection("CreditNotes", paged=True, params={"unitdp": "4"}, where='Type=="ACCPAYCREDIT"')
SPEND_TRANSACTIONS = Collection("BankTransactions", paged=True, params={"unitdp": "4"}, where='Type=="SPEND"')

