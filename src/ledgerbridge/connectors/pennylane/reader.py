"""How a unified object is read from Pennylane: one or more sources (``customer_invoices`` and
``supplier_invoices`` are both invoices), each a cursor-paged list.

With ``since``, a source that has a change feed (``/changelogs/{collection}``) reads only what changed: the ids
the feed names are read back with ``filter: id in [...]``. Those whose last change is a deletion are the object's
``deleted`` answer (kept from the pass's feed, so asking costs no second call): the store marks them deleted and
keeps what it knew of them. A source without a feed (ledger accounts, categories) is listed whole every time.

Remote keys are ``{source}/{id}`` where an object has several sources (``customers/42``, ``suppliers/42``: ids of
different tables) and the plain id otherwise. Reads by id go through the list with an id filter, not
``GET /{id}``, so one call serves many ids and invoices come with their lines (``include=invoice_lines``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import RemoteRecord

if TYPE_CHECKING:
    from ledgerbridge.connectors.pennylane.connector import PennylaneConnector

Row = dict[str, Any]


@dataclass(frozen=True)
class Source:
    path: str
    #: the change feed's collection, when Pennylane keeps one for this list
    changelog: str | None = None
    params: dict[str, str] = field(default_factory=dict)


#: (connector, source, one page's whole answer) → the records of that page
PageMapper = Callable[["PennylaneConnector", Source, Row], Awaitable[list[RemoteRecord]]]


def each(to_unified: Callable[[Row, Source, Any], RemoteRecord | None]) -> PageMapper:
    """A mapper of a page's items one at a time; ``to_unified`` answers None for an item not of this object."""

    async def map_page(connector: PennylaneConnector, source: Source, body: Row) -> list[RemoteRecord]:
        mapped = (to_unified(item, source, connector.context) for item in body.get("items") or [])
        return [record for record in mapped if record is not None]

    return map_page


@dataclass(frozen=True)
class Reader:
    object: str
    sources: tuple[Source, ...]
    map_page: PageMapper

    def key(self, source: Source, remote_id: int | str) -> str:
        return f"{source.path}/{remote_id}" if len(self.sources) > 1 else str(remote_id)

    def split(self, remote_key: str) -> tuple[Source, str] | None:
        if len(self.sources) == 1:
            return (self.sources[0], remote_key) if remote_key.isdigit() else None
        path, _, remote_id = remote_key.rpartition("/")
        source = next((s for s in self.sources if s.path == path), None)
        return None if source is None or not remote_id.isdigit() else (source, remote_id)

    async def pages(self, connector: PennylaneConnector,
                    since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
        gone: list[str] = []
        for source in self.sources:
            if since is None or source.changelog is None:
                async for body in connector.client.pages(source.path, page_size=connector.page_size,
                                                         params=source.params):
                    yield await self.map_page(connector, source, body)
                continue
            changed = await connector.client.changes(source.changelog, since)
            gone += [self.key(source, i) for i in sorted(i for i, op in changed.items() if op == "delete")]
            alive = sorted(i for i, operation in changed.items() if operation != "delete")
            async for body in connector.client.by_ids(source.path, alive, page_size=connector.page_size,
                                                      params=source.params):
                yield await self.map_page(connector, source, body)
        if since is not None:
            connector.remember_deleted(self.object, since, gone)

    async def deleted(self, connector: PennylaneConnector, since: dt.datetime) -> list[str]:
        """Keys of the records the change feeds say were deleted since ``since``: those the pass's feed answer
        held, else the feeds asked again."""
        if (kept := connector.recall_deleted(self.object, since)) is not None:
            return kept
        keys: list[str] = []
        for source in self.sources:
            if source.changelog is not None:
                changed = await connector.client.changes(source.changelog, since)
                keys += [self.key(source, i) for i in sorted(i for i, op in changed.items() if op == "delete")]
        return keys

    async def fetch(self, connector: PennylaneConnector, remote_key: str) -> RemoteRecord | None:
        found = await self.fetch_many(connector, [remote_key])
        return found.get(remote_key)

    async def fetch_many(self, connector: PennylaneConnector, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        wanted: dict[str, list[str]] = {}
        for key in remote_keys:
            where = self.split(key)
            if where is not None:
                wanted.setdefault(where[0].path, []).append(where[1])
        found: dict[str, RemoteRecord] = {}
        for source in self.sources:
            ids = wanted.get(source.path)
            if not ids:
                continue
            async for body in connector.client.by_ids(source.path, ids, params=source.params):
                for record in await self.map_page(connector, source, body):
                    found[record.remote_key] = record
        return {key: found[key] for key in remote_keys if key in found}
