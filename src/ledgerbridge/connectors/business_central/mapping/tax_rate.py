"""Tax rates ⇄ Business Central ``taxGroups``."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, record, text
from ledgerbridge.unified.tax_rate import TaxRate


def to_unified(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    """A tax group. The v1.0 API gives tax groups no percent (Business Central applies it per line, as
    ``taxPercent``), so the rate stays unknown here."""
    return record("tax_rate", row, TaxRate(description=text(row.get("displayName")) or text(row.get("code"))))
