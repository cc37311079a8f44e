"""Tax rates: Tryton ``account.tax`` → the unified tax rate. Tryton keeps a fraction (0.10); the unified rate is a
percentage (10). Pure."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.unified.tax_rate import TaxRate

FIELDS = ["name", "description", "type", "rate", "active", "create_date", "write_date"]
HUNDRED = Decimal(100)


def to_unified(record: dict[str, Any]) -> TaxRate:
    rate = record.get("rate")
    percent = (rate * HUNDRED).normalize() if record.get("type") == "percentage" and rate is not None else None
    if percent is not None and percent == percent.to_integral_value():
        percent = percent.quantize(Decimal(1))
    return TaxRate(description=record.get("description") or record.get("name"), total_tax_rate=percent,
                   effective_tax_rate=percent)
