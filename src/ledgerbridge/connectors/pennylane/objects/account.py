"""Accounts at Pennylane: the ledger accounts of the company's chart (no change feed: listed whole)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping import account as mapping
from ledgerbridge.connectors.pennylane.reader import Reader, Source, each


def _map(row: dict[str, Any], source: Source, ctx: Any) -> RemoteRecord:
    return mapping.to_unified(row)


READER = Reader("account", (Source("ledger_accounts"),), each(_map))
DECLARATION = ObjectDeclaration(name="account", list=READER.pages, fetch=READER.fetch, fetch_many=READER.fetch_many)
