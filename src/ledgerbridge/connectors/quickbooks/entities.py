"""The QBO entities behind a unified object, and how they are read: in pages, one by key, many by key.

A unified object is served by one or more QBO entities (a contact is a ``Customer`` or a ``Vendor``; an address
lives inside either). Its records' remote keys are ``<Entity>/<Id>``, with ``#<element>`` when several records come
out of one entity (``Customer/58#BillAddr``). An :class:`EntityReader` reads those entities and maps their rows;
an object's declaration points its ``list``, ``fetch`` and ``fetch_many`` at the reader's methods.

``has_active`` marks entities QBO hides when inactive: their queries add ``Active IN (true, false)`` so archived
customers, items and accounts are synced too (as ARCHIVED / INACTIVE) instead of vanishing.

A reader with ``cdc`` reads what changed since a time through QBO's change data capture: one call for all its
entities, answering changed rows *and* deleted ones (queries never show a deleted row), where a query pass costs
a count and a page per entity and sees no deletion. CDC reaches back 30 days and answers at most 1,000 changes
per entity; past either, the reader falls back to queries. The deletions of the answer are kept on the connector
for :meth:`EntityReader.deleted`, which the sync asks right after the pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.client import CDC_MAX_AGE, CDC_MAX_ROWS, query_time, quoted
from ledgerbridge.connectors.quickbooks.errors import is_not_found
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, split_key, updated_at
from ledgerbridge.connectors.quickbooks.mapping.common import key as record_key
from ledgerbridge.errors import ProviderRejected

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

IDS_PER_QUERY = 200  # keeps "where Id in (…)" well inside URL limits

Row = dict[str, Any]
# Maps a batch of rows of one entity; may ask QBO for what the mapping needs besides (a code's tax rates).
RowsMapper = Callable[["QuickBooksConnector", str, list[Row]], Awaitable[list[RemoteRecord]]]


@dataclass(frozen=True)
class Entity:
    name: str  # QBO entity name: query "from <name>", path "/<name lower-case>", response key "<name>"
    has_active: bool = False

    def where(self, since: dt.datetime | None) -> list[str]:
        where: list[str] = []
        if since is not None:
            where.append(f"MetaData.LastUpdatedTime >= '{query_time(since)}'")
        if self.has_active:
            where.append("Active IN (true, false)")  # QBO hides inactive rows unless asked for both
        return where


def each(to_unified: Callable[[Row, RefMaker], RemoteRecord]) -> RowsMapper:
    """A mapper of rows one at a time, for a pure ``to_unified(remote, ctx)``."""

    async def map_rows(connector: QuickBooksConnector, entity: str, rows: list[Row]) -> list[RemoteRecord]:
        return [to_unified(row, connector.context) for row in rows]

    return map_rows


def each_of(to_unified: Callable[[str, Row, RefMaker], RemoteRecord | list[RemoteRecord]]) -> RowsMapper:
    """A mapper of rows one at a time, for a pure ``to_unified(entity, remote, ctx)`` giving one or more records."""

    async def map_rows(connector: QuickBooksConnector, entity: str, rows: list[Row]) -> list[RemoteRecord]:
        mapped: list[RemoteRecord] = []
        for row in rows:
            result = to_unified(entity, row, connector.context)
            mapped.extend(result if isinstance(result, list) else [result])
        return mapped

    return map_rows


def is_deleted(row: Row) -> bool:
    return row.get("status") == "Deleted"


def deleted_keys(changes: dict[str, list[Row]]) -> list[str]:
    return [record_key(entity, str(row["Id"])) for entity, rows in changes.items() for row in rows if is_deleted(row)]


@dataclass(frozen=True)
class EntityReader:
    entities: tuple[Entity, ...]
    map_rows: RowsMapper
    cdc: bool = False  # read changes through change data capture (see the module's docstring)

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(entity.name for entity in self.entities)

    def _cdc_reaches(self, since: dt.datetime) -> bool:
        # An hour's margin: a pass may take a while, and QBO measures the 30 days on its own clock.
        return self.cdc and dt.datetime.now(dt.UTC) - since < CDC_MAX_AGE - dt.timedelta(hours=1)

    async def _changes(self, connector: QuickBooksConnector, since: dt.datetime) -> dict[str, list[Row]] | None:
        """CDC's answer for this reader's entities, or None where CDC cannot answer in full."""
        if not self._cdc_reaches(since):
            return None
        rows = await connector.client.cdc(self.names, since)
        if any(len(found) >= CDC_MAX_ROWS for found in rows.values()):
            return None
        return rows

    async def pages(self, connector: QuickBooksConnector, since: dt.datetime | None
                    ) -> AsyncIterator[list[RemoteRecord]]:
        """What changed since ``since`` through CDC where it can answer; otherwise each entity in turn, a page
        at a time by keyset (``QuickBooksClient.select_all``): rows deleted or edited at QBO while the pages are
        read shift no live row past the pass, so a first full sync misses none."""
        if since is not None and (changes := await self._changes(connector, since)) is not None:
            connector.remember_deleted(self.names, since, deleted_keys(changes))
            for entity_name, rows in changes.items():
                live = [row for row in rows if not is_deleted(row)]
                for start in range(0, len(live), connector.page_size):
                    yield await self.map_rows(connector, entity_name, live[start : start + connector.page_size])
            return
        client, size = connector.client, connector.page_size
        for entity in self.entities:
            async for rows in client.select_all(entity.name, entity.where(None), since=since, page_size=size):
                yield await self.map_rows(connector, entity.name, rows)

    async def deleted(self, connector: QuickBooksConnector, since: dt.datetime) -> list[str]:
        """Keys of the rows QBO deleted since ``since``: those the pass's CDC answer held, else a CDC call of its
        own ([] where CDC cannot reach back that far)."""
        if (kept := connector.recall_deleted(self.names, since)) is not None:
            return kept
        if not self._cdc_reaches(since):
            return []
        return deleted_keys(await connector.client.cdc(self.names, since))

    async def fetch(self, connector: QuickBooksConnector, remote_key: str) -> RemoteRecord | None:
        try:
            entity_name, remote_id = split_key(remote_key)
        except ValueError:
            return None
        if self.entity(entity_name) is None:
            return None
        remote_id = remote_id.partition("#")[0]  # addresses and phones live inside their contact
        try:
            remote = await connector.client.read(entity_name, remote_id)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        if not remote or remote.get("status") == "Deleted":
            return None
        mapped = await self.map_rows(connector, entity_name, [remote])
        return next((r for r in mapped if r.remote_key == remote_key), mapped[0] if len(mapped) == 1 else None)

    async def fetch_many(self, connector: QuickBooksConnector, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        """Many records in one query per entity and 200 ids (``select * from X where Id in (…)``); keys QBO has
        no live record for (deleted, never existed, malformed) are absent from the answer."""
        wanted: dict[str, dict[str, set[str]]] = {}  # entity → QBO id → our keys (a contact's addresses share one)
        for key in remote_keys:
            try:
                entity_name, remote_id = split_key(key)
            except ValueError:
                continue
            if self.entity(entity_name) is not None:
                wanted.setdefault(entity_name, {}).setdefault(remote_id.partition("#")[0], set()).add(key)
        found: dict[str, RemoteRecord] = {}
        for entity_name, by_id in wanted.items():
            entity = self.entity(entity_name)
            assert entity is not None
            ids = sorted(by_id)
            keys = {k for v in by_id.values() for k in v}
            for start in range(0, len(ids), IDS_PER_QUERY):
                listed = ", ".join(quoted(i) for i in ids[start : start + IDS_PER_QUERY])
                where = [f"Id in ({listed})", *entity.where(None)]
                rows = await connector.client.select(entity.name, where, max_results=IDS_PER_QUERY)
                for record in await self.map_rows(connector, entity.name, rows) if rows else []:
                    if record.remote_key in keys:
                        found[record.remote_key] = record
        return found


def changed_since(row: Row, since: dt.datetime) -> bool:
    """Whether a row changed at or after ``since`` (a row without a LastUpdatedTime counts as changed)."""
    at = updated_at(row)
    return at is None or at >= since
