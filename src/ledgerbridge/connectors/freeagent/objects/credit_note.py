"""Credit notes at FreeAgent: ``/credit_notes`` (sales credit notes), read only."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.freeagent.mapping import credit_note as mapping
from ledgerbridge.connectors.freeagent.reader import Reader

READER = Reader("credit_notes", "credit_note", mapping.to_unified, params={"view": "all"})

DECLARATION = ObjectDeclaration(name="credit_note", list=READER.pages, fetch=READER.fetch)
