"""How a unified object is read from Business Central: one or more entity sets, their rows mapped to records.

An object served by several entity sets (invoices: ``salesInvoices`` and ``purchaseInvoices``; contacts:
``customers`` and ``vendors``) keys its records ``{entitySet}/{id}``, so a fetch knows where to look; an object
of one set keys them by id. Listing with ``since`` filters on ``lastModifiedDateTime``. Business Central v1.0
has no feed of deletions: a deleted record is found by reading again (the reconcile's fetch answers None).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker

if TYPE_CHECKING:
    from ledgerbridge.connectors.business_central.connector import BusinessCentralConnector

Row = dict[str, Any]
#: (entity set, row, connection context, connector's lookup) → the record
Mapper = Callable[[str, Row, RefMaker, Any], RemoteRecord]


@dataclass(frozen=True)
class Reader:
    entity_sets: tuple[str, ...]
    to_unified: Mapper
    expand: dict[str, str] | None = None  # entity set → what to $expand (document lines)
    keyed_by_set: bool = False  # remote keys are ``{entitySet}/{id}``

    def key(self, entity_set: str, ident: str) -> str:
        return f"{entity_set}/{ident}" if self.keyed_by_set else ident

    def split(self, remote_key: str) -> tuple[str, str] | None:
        if not self.keyed_by_set:
            return self.entity_sets[0], remote_key
        entity_set, _, ident = remote_key.partition("/")
        return (entity_set, ident) if entity_set in self.entity_sets and ident else None

    async def pages(self, conn: BusinessCentralConnector, since: dt.datetime | None) -> AsyncIterator[
            list[RemoteRecord]]:
        lookup = await conn.lookup()
        for entity_set in self.entity_sets:
            async for rows in conn.client.pages(entity_set, since=since, page_size=conn.page_size,
                                                expand=(self.expand or {}).get(entity_set)):
                yield [self.to_unified(entity_set, row, conn.context, lookup) for row in rows]

    async def fetch(self, conn: BusinessCentralConnector, remote_key: str) -> RemoteRecord | None:
        where = self.split(remote_key)
        if where is None:
            return None
        entity_set, ident = where
        row = await conn.client.get(entity_set, ident, expand=(self.expand or {}).get(entity_set))
        return None if row is None else self.to_unified(entity_set, row, conn.context, await conn.lookup())
