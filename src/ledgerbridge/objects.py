"""The object registry: one line per unified object. Routes, storage keys, operationIds and docs derive from it.

Adding an object is a model module under ``unified/``, one line here, and a mapping in each connector.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from ledgerbridge.unified.account import Account, AccountOutput
from ledgerbridge.unified.contact import Contact, ContactInput, ContactOutput
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceOutput
from ledgerbridge.unified.item import Item, ItemOutput
from ledgerbridge.unified.tax_rate import TaxRate, TaxRateOutput
from ledgerbridge.unified.tracking_category import TrackingCategory, TrackingCategoryOutput


@dataclass(frozen=True)
class Reference:
    """A field of an input body that holds the id of another unified record.

    ``path`` uses ``[]`` for "every element": ``line_items[].item_id``.
    """

    path: str
    target: str


@dataclass(frozen=True)
class ObjectSpec:
    name: str
    path: str
    operation_name: str  # Panora's operationId stem: list|retrieve|create + "Accounting" + this
    model: type[BaseModel]  # the stored unified fields; connectors map provider records into it
    output: type[BaseModel]  # the documented response (model + envelope)
    input: type[BaseModel] | None = None
    list_operation_name: str | None = None  # Panora pluralises some list operationIds, inconsistently
    references: tuple[Reference, ...] = field(default_factory=tuple)

    @property
    def operations(self) -> frozenset[str]:
        return frozenset({"list", "retrieve"} | ({"create"} if self.input is not None else set()))

    def operation_id(self, operation: str) -> str:
        stem = self.list_operation_name if operation == "list" and self.list_operation_name else self.operation_name
        return f"{operation}Accounting{stem}"


OBJECTS: tuple[ObjectSpec, ...] = (
    ObjectSpec(
        "invoice", "/accounting/invoices", "Invoice", Invoice, InvoiceOutput, InvoiceInput,
        references=(
            Reference("contact_id", "contact"),
            Reference("tracking_categories[]", "tracking_category"),
            Reference("line_items[].item_id", "item"),
            Reference("line_items[].account_id", "account"),
            Reference("line_items[].tax_rate_id", "tax_rate"),
            Reference("line_items[].tracking_categories[]", "tracking_category"),
        ),
    ),
    ObjectSpec("contact", "/accounting/contacts", "Contact", Contact, ContactOutput, ContactInput,
               list_operation_name="Contacts"),
    ObjectSpec("item", "/accounting/items", "Item", Item, ItemOutput),
    ObjectSpec("account", "/accounting/accounts", "Account", Account, AccountOutput, list_operation_name="Accounts"),
    ObjectSpec("tax_rate", "/accounting/taxrates", "TaxRate", TaxRate, TaxRateOutput),
    ObjectSpec("tracking_category", "/accounting/trackingcategories", "TrackingCategory", TrackingCategory,
               TrackingCategoryOutput, list_operation_name="TrackingCategorys"),
)

BY_NAME: dict[str, ObjectSpec] = {spec.name: spec for spec in OBJECTS}


def spec(name: str) -> ObjectSpec:
    return BY_NAME[name]
