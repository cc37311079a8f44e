"""Tax rates at Business Central: ``taxGroups`` (read; the v1.0 API gives them no percent)."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.business_central.mapping import tax_rate as mapping
from ledgerbridge.connectors.business_central.reader import Reader

READER = Reader(("taxGroups",), mapping.to_unified)

DECLARATION = ObjectDeclaration(name="tax_rate", list=READER.pages, fetch=READER.fetch)
