"""Items at Xero: ``/Items`` (one call), read only. Their sales and purchase accounts are named by code."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.xero.collection import ITEMS
from ledgerbridge.connectors.xero.mapping import item as mapping
from ledgerbridge.connectors.xero.reader import Reader, with_accounts

READER = Reader(ITEMS, with_accounts(mapping.to_unified))

DECLARATION = ObjectDeclaration(name="item", list=READER.pages, fetch=READER.fetch)
