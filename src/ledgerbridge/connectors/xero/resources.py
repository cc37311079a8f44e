"""Which Xero collection stands behind each unified object, and how it is read: declarations, not classes.

    invoice           → Invoices            paged, If-Modified-Since, unitdp=4
    contact           → Contacts            paged, If-Modified-Since, includeArchived
    account           → Accounts            one call, If-Modified-Since
    item              → Items               one call, If-Modified-Since, unitdp=4
    tax_rate          → TaxRates            one call (no If-Modified-Since in the spec), key TaxType
    tracking_category → TrackingCategories  one call (no If-Modified-Since), includeArchived; options are records
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


RESOURCES: dict[str, Resource] = {
    r.unified: r
    for r in (
        Resource("invoice", "Invoices", READ_WRITE, paged=True, params={"unitdp": "4"}),
        Resource("contact", "Contacts", READ_WRITE, paged=True, params={"includeArchived": "true"}),
        Resource("account", "Accounts", READ),
        Resource("item", "Items", READ, params={"unitdp": "4"}),
        Resource("tax_rate", "TaxRates", READ, modified_since=False),
        Resource("tracking_category", "TrackingCategories", READ, modified_since=False,
                 params={"includeArchived": "true"}),
    )
}

# Unified fields Xero cannot store on writes: the connector warns when a caller sends them.
UNSUPPORTED_FIELDS: dict[str, frozenset[str]] = {
    "invoice": frozenset({"accounting_period_id", "field_mappings", "total_discount", "line_items[].exchange_rate"}),
    "contact": frozenset({"company_info_id", "field_mappings", "is_customer", "is_supplier"}),
}
