"""How a unified object is read from FreeAgent: a collection listed page by page (``updated_since`` where
FreeAgent filters by it), one resource fetched by id, its rows mapped to records.

An object's module declares a :class:`Reader` and points its declaration at the reader's methods::

    READER = Reader("contacts", "contact", mapping.to_unified)
    DECLARATION = ObjectDeclaration(name="contact", list=READER.pages, fetch=READER.fetch)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.freeagent.errors import is_not_found
from ledgerbridge.connectors.freeagent.mapping.common import RefMaker
from ledgerbridge.errors import ProviderRejected

if TYPE_CHECKING:
    from ledgerbridge.connectors.freeagent.connector import FreeAgentConnector

Row = dict[str, Any]


@dataclass(frozen=True)
class Reader:
    collection: str  # "contacts"
    envelope: str  # "contact"
    to_unified: Callable[[Row, RefMaker], RemoteRecord]
    #: list parameters (``view=all`` so hidden and cancelled records are listed too)
    params: dict[str, str] = field(default_factory=dict)
    #: FreeAgent filters this collection by ``updated_since``
    filtered: bool = True
    #: rows of the collection that are this object's (explanations that are payments)
    keep: Callable[[Row], bool] | None = None
    #: the remote key of a row → the id in the collection (``invoices/12`` → ``12``)
    key: Callable[[str], str] | None = None

    def _map(self, connector: FreeAgentConnector, rows: list[Row]) -> list[RemoteRecord]:
        return [self.to_unified(row, connector.context) for row in rows if self.keep is None or self.keep(row)]

    async def pages(self, connector: FreeAgentConnector,
                    since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
        async for rows in connector.client.pages(self.collection, since=since if self.filtered else None,
                                                 page_size=connector.page_size, params=self.params):
            records = self._map(connector, rows)
            if records:
                yield records

    async def fetch(self, connector: FreeAgentConnector, remote_key: str) -> RemoteRecord | None:
        """``GET /{collection}/{id}``; None when FreeAgent has no such resource."""
        try:
            remote_id = remote_key if self.key is None else self.key(remote_key)
            row = await connector.client.get(f"{self.collection}/{remote_id}", self.envelope)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        records = self._map(connector, [row]) if isinstance(row, dict) else []
        return records[0] if records else None
