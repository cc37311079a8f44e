"""How a unified object is read from Tryton: the rows of one model, paged by id, turned into records.

Each read-only part of an ``objects/<object>.py`` module is a :class:`Table`; its :meth:`Table.pages` and
:meth:`Table.fetch` (and :meth:`Table.fetch_many`) are the declaration's ``list`` and ``fetch``::

    TABLE = Table("tax_rate", tax_rate.FIELDS, to_records)
    DECLARATION = ObjectDeclaration("tax_rate", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many)

A sync since a time reads the rows written or created since then, plus those a ``touched`` function names: rows
changed through another model without their own ``write_date`` moving (an edited invoice line leaves its invoice's
write_date alone).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.tryton.mapping import MODELS, chunks, parse_key, updated_at

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector

PAGE_SIZE = 500
ALL = {"active_test": False}  # archived parties, products and accounts are records too

RowsToRecords = Callable[["TrytonConnector", list[dict[str, Any]]], Awaitable[list[RemoteRecord]]]
Touched = Callable[["TrytonConnector", dt.datetime], Awaitable[list[int]]]


@dataclass(frozen=True)
class Table:
    object: str
    fields: Sequence[str]
    to_records: RowsToRecords  # rows (in id order) → records, reading what else they need
    domain: Sequence[Any] = ()  # which of the model's rows are this object's
    touched: Touched | None = None  # ids of rows changed since a time through another model
    incremental: bool = True  # False: every row is read again on each sync (a company or two)

    @property
    def model(self) -> str:
        return MODELS[self.object]

    async def pages(self, connector: TrytonConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
        changed = await self.changed(connector, since)
        last = 0
        while True:
            rows = await self.rows(connector, [*changed, ("id", ">", last)], limit=PAGE_SIZE)
            if not rows:
                return
            yield await self.to_records(connector, rows)
            last = rows[-1]["id"]
            if len(rows) < PAGE_SIZE:
                return

    async def fetch(self, connector: TrytonConnector, remote_key: str) -> RemoteRecord | None:
        record_id = parse_key(remote_key, self.model)
        if record_id is None:
            return None
        records = await self.to_records(connector, await self.rows(connector, [("id", "=", record_id)], limit=1))
        return records[0] if records else None

    async def fetch_many(self, connector: TrytonConnector, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        """``{remote_key: record}`` for the keys Tryton has, a page of ids per call."""
        asked = {record_id: remote_key for remote_key in remote_keys
                 if (record_id := parse_key(remote_key, self.model)) is not None}
        found: dict[str, RemoteRecord] = {}
        for batch in chunks(sorted(asked), PAGE_SIZE):
            rows = await self.rows(connector, [("id", "in", batch)], limit=PAGE_SIZE)
            for record in await self.to_records(connector, rows):
                found[asked[int(record.remote_id)]] = record
        return found

    async def read_back(self, connector: TrytonConnector, record_id: int) -> RemoteRecord:
        """The record a write just made or changed, as Tryton now has it."""
        record = await self.fetch(connector, f"{self.model}/{record_id}")
        if record is None:  # pragma: no cover - Tryton answered the write, so the row is there
            raise AssertionError(f"{self.model}/{record_id} vanished right after it was written")
        return record

    async def changed(self, connector: TrytonConnector, since: dt.datetime | None) -> list[Any]:
        """The domain of rows changed since ``since`` (none: every row)."""
        if since is None or not self.incremental:
            return []
        clauses: list[Any] = ["OR", ("write_date", ">=", since), ("create_date", ">=", since)]
        if self.touched is not None:
            ids = await self.touched(connector, since)
            if ids:
                clauses.append(("id", "in", ids))
        return [clauses]

    async def rows(self, connector: TrytonConnector, domain: list[Any], *, limit: int) -> list[dict[str, Any]]:
        return await connector.client.search_read(self.model, [*self.domain, *domain], list(self.fields),
                                                  limit=limit, order=[("id", "ASC")], context=ALL)

    def record(self, row: dict[str, Any], data: BaseModel, updated: dt.datetime | None = None,
               remote_data: dict[str, Any] | None = None) -> RemoteRecord:
        """A row as this object's record; ``remote_data`` defaults to the row itself."""
        return RemoteRecord(
            object=self.object,
            remote_key=f"{self.model}/{row['id']}",
            remote_id=str(row["id"]),
            data=data,
            remote_data=remote_data if remote_data is not None else row,
            remote_updated_at=updated or updated_at(row.get("write_date"), row.get("create_date")),
        )


async def changed_parents(connector: TrytonConnector, line_model: str, parent: str, since: dt.datetime) -> list[int]:
    """Parents (``parent`` field) of the ``line_model`` rows written or created since ``since``."""
    lines = await connector.client.search_read(
        line_model, ["OR", ("write_date", ">=", since), ("create_date", ">=", since)], [parent])
    return sorted({line[parent] for line in lines if line.get(parent) is not None})
