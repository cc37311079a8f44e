"""Accounts at Business Central: the chart of accounts (``accounts``, read-only in the v1.0 API)."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.business_central.mapping import account as mapping
from ledgerbridge.connectors.business_central.reader import Reader

READER = Reader(("accounts",), mapping.to_unified)

DECLARATION = ObjectDeclaration(name="account", list=READER.pages, fetch=READER.fetch)
