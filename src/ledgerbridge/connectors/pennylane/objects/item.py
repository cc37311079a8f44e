"""Items at Pennylane: products (with a change feed)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping import item as mapping
from ledgerbridge.connectors.pennylane.reader import Reader, Source, each


def _map(row: dict[str, Any], source: Source, ctx: Any) -> RemoteRecord:
    return mapping.to_unified(row, ctx)


READER = Reader("item", (Source("products", changelog="products"),), each(_map))
DECLARATION = ObjectDeclaration(name="item", list=READER.pages, deleted=READER.deleted, fetch=READER.fetch,
                                fetch_many=READER.fetch_many)
