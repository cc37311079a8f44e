"""Tracking categories at Pennylane: analytic categories (no change feed: listed whole)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping import tracking_category as mapping
from ledgerbridge.connectors.pennylane.reader import Reader, Source, each


def _map(row: dict[str, Any], source: Source, ctx: Any) -> RemoteRecord:
    return mapping.to_unified(row)


READER = Reader("tracking_category", (Source("categories"),), each(_map))
DECLARATION = ObjectDeclaration(name="tracking_category", list=READER.pages, fetch=READER.fetch,
                                fetch_many=READER.fetch_many)
