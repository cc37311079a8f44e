"""Items at Business Central: ``items`` (read)."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.business_central.mapping import item as mapping
from ledgerbridge.connectors.business_central.reader import Reader

READER = Reader(("items",), mapping.to_unified)

DECLARATION = ObjectDeclaration(name="item", list=READER.pages, fetch=READER.fetch)
