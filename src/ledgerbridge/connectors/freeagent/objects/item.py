"""Items at FreeAgent: the price list (``/price_list_items``), read only as the collection has it."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.freeagent.mapping import item as mapping
from ledgerbridge.connectors.freeagent.reader import Reader

READER = Reader("price_list_items", "price_list_item", mapping.to_unified, filtered=False)

DECLARATION = ObjectDeclaration(name="item", list=READER.pages, fetch=READER.fetch)
