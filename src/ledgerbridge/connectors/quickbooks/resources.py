"""Which QBO entities stand behind each unified object, and how each is mapped: declarations, not classes.

    contact           → Customer, Vendor
    invoice           → Invoice (receivable), Bill (payable)
    tracking_category → Class, Department
    tax_rate          → TaxCode (rate = sum of its TaxRate entities' RateValue)
    item              → Item
    account           → Account

``has_active`` marks entities QBO hides when inactive: their queries add ``Active IN (true, false)`` so
archived customers, items and accounts are synced too (as ARCHIVED / INACTIVE) instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping import account, contact, invoice, item, tracking_category
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker

Mapper = Callable[[dict[str, Any], RefMaker], RemoteRecord]


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


def _with(entity_name: str, fn: Callable[[str, dict[str, Any], RefMaker], RemoteRecord]) -> Mapper:
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
        Resource("account", (Entity("Account", True, account.to_unified),), READ),
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
    "invoice": frozenset({"accounting_period_id", "field_mappings", "line_items[].exchange_rate"}),
    "contact": frozenset({"company_info_id", "field_mappings"}),
}
