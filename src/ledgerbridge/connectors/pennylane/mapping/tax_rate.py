"""Tax rates at Pennylane are not records but codes on each line (``vat_rate``: ``FR_200`` is 20 %). The tax rate
object lists the French codes of the contract's enum, so an invoice line can name one by id and a line read
back points at its rate; a code names its rate in tenths of a percent (``FR_55``: 5.5 %) or, with two numbers,
in percent and hundredths (``FR_1_05``: 1.05 %)."""

from __future__ import annotations

import re
from decimal import Decimal

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.unified.tax_rate import TaxRate

#: the French codes of the contract's ``vat_rate`` enum, and ``exempt``
CODES = ("FR_200", "FR_100", "FR_85", "FR_55", "FR_21", "FR_196", "FR_1_05", "FR_1_75", "FR_09", "FR_40",
         "FR_50", "FR_60", "FR_65", "FR_92", "FR_130", "FR_160", "FR_15_385", "exempt")
EXEMPT = "exempt"
_TENTHS = re.compile(r"^[A-Z]{2}_(\d+)$")
_HUNDREDTHS = re.compile(r"^[A-Z]{2}_(\d+)_(\d+)$")


def percent(code: str) -> Decimal | None:
    """The rate a code stands for, in percent; None for a code we cannot read (reverse charge variants…)."""
    if code == EXEMPT:
        return Decimal(0)
    split = _HUNDREDTHS.match(code)
    if split:
        return Decimal(f"{split.group(1)}.{split.group(2)}")
    whole = _TENTHS.match(code)
    return Decimal(whole.group(1)) / 10 if whole else None


def to_unified(code: str) -> RemoteRecord:
    rate = percent(code)
    description = "Exonéré de TVA (0 %)" if code == EXEMPT else f"TVA {rate} % ({code})"
    return RemoteRecord(object="tax_rate", remote_key=code, remote_id=code,
                        data=TaxRate(description=description, total_tax_rate=rate, effective_tax_rate=rate),
                        remote_data={"vat_rate": code})
