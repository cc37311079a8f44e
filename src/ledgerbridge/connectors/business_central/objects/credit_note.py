"""Credit notes at Business Central: ``salesCreditMemos`` with their lines (read; the corrective memo of a
canceled invoice among them)."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.business_central.mapping import credit_note as mapping
from ledgerbridge.connectors.business_central.reader import Reader

READER = Reader(("salesCreditMemos",), mapping.to_unified, expand={"salesCreditMemos": "salesCreditMemoLines"})

DECLARATION = ObjectDeclaration(name="credit_note", list=READER.pages, fetch=READER.fetch)
