"""How a unified object is read from Xero: one :class:`~.collection.Collection`, its rows mapped to records.

An object's module declares a :class:`Reader` and points its declaration at the reader's methods::

    READER = Reader(ITEMS, with_accounts(mapping.to_unified))
    DECLARATION = ObjectDeclaration(name="item", list=READER.pages, fetch=READER.fetch)

``fetch_many`` (``?IDs=``) is declared only where Xero's OpenAPI has it: invoices and contacts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.collection import Collection
from ledgerbridge.connectors.xero.errors import is_not_found
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker
from ledgerbridge.errors import ProviderRejected

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector

# ``?IDs=`` takes GUIDs of 36 characters: 50 keep the URL under 2,000 characters.
BY_IDS_CHUNK = 50

Row = dict[str, Any]
# Maps a page of a collection's rows; may read the settings the mapping needs first (the chart of accounts).
RowsMapper = Callable[["XeroConnector", list[Row]], Awaitable[list[RemoteRecord]]]


def each(to_unified: Callable[[Row, RefMaker], RemoteRecord | list[RemoteRecord]]) -> RowsMapper:
    """A mapper of rows one at a time, for a pure ``to_unified(remote, ctx)`` giving one record or several
    (a tracking category and its options, a contact's addresses)."""

    async def map_rows(connector: XeroConnector, rows: list[Row]) -> list[RemoteRecord]:
        mapped: list[RemoteRecord] = []
        for row in rows:
            result = to_unified(row, connector.context)
            mapped.extend(result if isinstance(result, list) else [result])
        return mapped

    return map_rows


def with_accounts(to_unified: Callable[[Row, RefMaker, Lookup], RemoteRecord],
                  keep: Callable[[Row], bool] | None = None) -> RowsMapper:
    """A mapper for records whose lines name accounts by code: the chart of accounts is learnt first.

    ``keep`` picks the rows that are this object's where a collection holds several kinds: the list filters
    with its ``where``, but a read by id can land on another kind.
    """

    async def map_rows(connector: XeroConnector, rows: list[Row]) -> list[RemoteRecord]:
        lookup = await connector.learn({"Accounts"})
        return [to_unified(row, connector.context, lookup) for row in rows if keep is None or keep(row)]

    return map_rows


@dataclass(frozen=True)
class Reader:
    collection: Collection
    map_rows: RowsMapper
    # For records that live inside another Xero record (a contact's addresses, a category's options) or in a
    # collection read without an id (Organisation): the id to read for a record's key. The record is then
    # picked by its key among those the read yields.
    holder: Callable[[str], str | None] | None = None

    async def pages(self, connector: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
        """The records changed since ``since`` (all when None; Xero ignores it where the spec has no
        If-Modified-Since), one page at a time."""
        collection = self.collection
        when = since if collection.modified_since else None
        if collection.paged:
            async for rows in connector.client.pages(collection.name, since=when, page_size=connector.page_size,
                                                     params=collection.list_params):
                yield await self.map_rows(connector, rows)
            return
        rows = await connector.client.get(collection.name, since=when, params=collection.list_params or None,
                                          envelope=collection.envelope)
        if rows:
            yield await self.map_rows(connector, rows)

    async def fetch(self, connector: XeroConnector, remote_key: str) -> RemoteRecord | None:
        """``GET /{collection}/{id}``; None when Xero has no such record."""
        collection = self.collection
        remote_id = remote_key if self.holder is None else self.holder(remote_key)
        try:
            rows = await connector.client.get(collection.name, remote_id, params=collection.params or None,
                                              envelope=collection.envelope)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        records = await self.map_rows(connector, rows)
        if self.holder is None:
            return records[0] if records else None
        wanted = remote_key.lower()
        return next((r for r in records if r.remote_key == wanted), None)

    async def fetch_many(self, connector: XeroConnector, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        """Records 50 at a time with ``?IDs=`` (Xero's OpenAPI has it on getInvoices and getContacts);
        ``page=1`` because Xero leaves invoice lines out of unpaged lists."""
        collection = self.collection
        wanted = {key.lower(): key for key in remote_keys}
        found: dict[str, RemoteRecord] = {}
        keys = sorted(wanted)
        for start in range(0, len(keys), BY_IDS_CHUNK):
            chunk = keys[start : start + BY_IDS_CHUNK]
            params = {**collection.params, "IDs": ",".join(chunk), "page": "1", "pageSize": str(len(chunk))}
            rows = await connector.client.get(collection.name, params=params)
            for record in await self.map_rows(connector, rows) if rows else []:
                key = wanted.get(record.remote_key.lower())
                if key is not None:
                    found[key] = record
        return found
