"""How Sage points at another record: a small ``{"id","displayed_as","$path"}`` (schema ``Base``)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .state import Record

CENT = Decimal("0.01")


def base(collection: str, record: Record, label: str | None = None) -> dict[str, Any]:
    return {"id": record["id"], "displayed_as": label or record.get("displayed_as") or record["id"],
            "$path": f"/{collection}/{record['id']}"}


def constant(collection: str, key: str, label: str) -> dict[str, Any]:
    """A reference to one of Sage's fixed lists (statuses, contact types…), whose ids are words."""
    return {"id": key, "displayed_as": label, "$path": f"/{collection}/{key}"}


def money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def number(value: Any, default: str = "0") -> Decimal:
    return Decimal(str(default if value is None else value))


STATUSES = {"DRAFT": "Draft", "UNPAID": "Unpaid", "PART_PAID": "Part Paid", "PAID": "Paid", "VOID": "Void"}
CONTACT_TYPES = {"CUSTOMER": "Customer", "VENDOR": "Supplier"}
TRANSACTION_TYPES = {"CUSTOMER_RECEIPT": "Customer Receipt", "VENDOR_PAYMENT": "Supplier Payment"}
LEDGER_TYPES = {
    "SALES": ("Sales", "INCOME"), "OTHER_INCOME": ("Other Income", "INCOME"),
    "DIRECT_EXPENSES": ("Direct Expenses", "EXPENSE"), "OVERHEADS": ("Overheads", "EXPENSE"),
    "DEPRECIATION": ("Depreciation", "EXPENSE"), "CURRENT_ASSETS": ("Current Assets", "ASSET"),
    "FIXED_ASSETS": ("Fixed Assets", "ASSET"), "BANK": ("Bank", "ASSET"),
    "CURRENT_LIABILITY": ("Current Liabilities", "LIABILITY"), "FUTURE_LIABILITY": ("Future Liabilities", "LIABILITY"),
    "EQUITY": ("Equity", "EQUITY"),
}
