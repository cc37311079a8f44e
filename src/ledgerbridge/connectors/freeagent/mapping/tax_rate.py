"""VAT rates. FreeAgent has no tax-rate resource: a line carries its VAT as a percentage (``sales_tax_rate``).
The rates a UK company charges (standard 20 %, reduced 5 %, zero) are the tax rate records, keyed by the
percentage, so a line's rate maps to one of them and back without a lookup."""

from __future__ import annotations

from decimal import Decimal

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.unified.tax_rate import TaxRate

UK_VAT_RATES = (("20", "Standard rate"), ("5", "Reduced rate"), ("0", "Zero rate"))


def to_unified(key: str, description: str) -> RemoteRecord:
    rate = Decimal(key)
    return RemoteRecord(object="tax_rate", remote_key=key, remote_id=key,
                        data=TaxRate(description=f"{description} ({key}%)", total_tax_rate=rate,
                                     effective_tax_rate=rate),
                        remote_data={"sales_tax_rate": key, "description": description})


def all_rates() -> list[RemoteRecord]:
    return [to_unified(key, description) for key, description in UK_VAT_RATES]
