"""Amounts as Pennylane computes them: Decimal throughout, rounded to the cent per line, VAT from the rate code.

A VAT code names a country and a rate in tenths of a percent (``FR_200`` is 20 %, ``FR_55`` 5.5 %), or in percent
and hundredths where two numbers follow (``FR_1_05`` is 1.05 %, ``FR_15_385`` 15.385 %); ``exempt``,
``extracom``, ``crossborder`` and the intracom/extracom codes carry no VAT on the invoice (reverse charge).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")
_TENTHS = re.compile(r"^[A-Z]{2}_(\d+)(?:_[A-Za-z0-9_]+)?$")
_HUNDREDTHS = re.compile(r"^[A-Z]{2}_(\d+)_(\d+)$")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def text(value: Decimal) -> str:
    """A Decimal as Pennylane writes amounts: a plain decimal string."""
    return format(value, "f")


def vat_percent(code: str) -> Decimal:
    if "intracom" in code or "extracom" in code or code in ("exempt", "crossborder", "mixed") or "exempt" in code:
        return Decimal(0)
    split = _HUNDREDTHS.match(code)
    if split:
        return Decimal(f"{split.group(1)}.{split.group(2)}")
    whole = _TENTHS.match(code)
    if whole:
        return Decimal(whole.group(1)) / 10
    raise ValueError(code)


def line_amounts(quantity: Decimal, unit_price: Decimal, vat_rate: str,
                 discount: dict[str, Any] | None) -> tuple[Decimal, Decimal]:
    """(amount before tax, tax) of one line: quantity × unit price less the line's discount, VAT on that."""
    gross = quantity * unit_price
    if discount and discount.get("value") not in (None, ""):
        value = Decimal(str(discount["value"]))
        gross -= gross * value / 100 if discount["type"] == "relative" else value
    before = cents(gross)
    return before, cents(before * vat_percent(vat_rate) / 100)
