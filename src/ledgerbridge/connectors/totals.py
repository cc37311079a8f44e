"""Telling a caller where the provider's figures differ from the ones they sent.

Providers compute an invoice's totals themselves; the stored record carries theirs. A caller who sent their own
sub_total, total_amount… gets a warning for each figure that came out differently, never a silent change.
"""

from __future__ import annotations

from decimal import Decimal

from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput

COMPUTED_TOTALS = ("sub_total", "total_tax_amount", "total_amount", "total_discount", "balance")


def total_warnings(body: InvoiceInput, result: Invoice, *, provider: str, warned: set[str]) -> list[Warning_]:
    """A warning per figure (and the status) the caller sent that ``provider`` has differently; fields already
    in ``warned`` are skipped so a connector's more specific warning is not repeated."""
    warnings: list[Warning_] = []
    for field in COMPUTED_TOTALS:
        sent = getattr(body, field)
        if sent is None or field in warned:
            continue
        got = getattr(result, field)
        if field in ("total_discount", "total_tax_amount") and got is None:
            got = Decimal(0)  # providers leave out a discount or tax the invoice does not have
        if got != sent:
            warnings.append(Warning_(field=field, message=f"you sent {sent}; {provider} computed {got}"))
    if body.status is not None and "status" not in warned and result.status != body.status:
        has = result.status.value if result.status else "unknown"
        warnings.append(Warning_(field="status", message=f"you sent {body.status.value}; {provider} has it {has}"))
    return warnings
