"""How a unified object is read from Sage: one collection, every page with ``attributes=all``, each row mapped.

With ``since``, the records changed since (``updated_or_created_since``). Where the contract has ``deleted_since``
on the list, the object's ``deleted`` answer is the keys of those deleted since: the store marks them deleted and
keeps what it knew of them (Sage's deleted rows carry little more than an id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.sage.errors import is_not_found
from ledgerbridge.connectors.sage.mapping.common import RefMaker
from ledgerbridge.errors import ProviderRejected

if TYPE_CHECKING:
    from ledgerbridge.connectors.sage.connector import SageConnector

Mapper = Callable[[dict[str, Any], RefMaker], RemoteRecord]


@dataclass(frozen=True)
class Reader:
    collection: str
    to_unified: Mapper
    deleted_since: bool = True  # the list declares deleted_since (ledger accounts and tax rates do not)

    async def pages(self, conn: SageConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
        async for rows in conn.client.pages(self.collection, since=since, page_size=conn.page_size):
            yield [self.to_unified(row, conn.context) for row in rows]

    async def deleted(self, conn: SageConnector, since: dt.datetime) -> list[str]:
        if not self.deleted_since:
            return []
        return [str(row["id"]) async for rows in conn.client.pages(self.collection, since=since, deleted=True,
                                                                   page_size=conn.page_size) for row in rows]

    async def fetch(self, conn: SageConnector, remote_key: str) -> RemoteRecord | None:
        try:
            row = await conn.client.record(self.collection, remote_key)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        return self.to_unified(row, conn.context)

