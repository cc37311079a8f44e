"""Notified QuickBooks changes, read back through change data capture: one call for a whole batch of notices.

Intuit's notifications name records. ``GET /cdc?entities=…&changedSince=…`` answers in one call every row of those
entities changed since a time, deletions included (``status: Deleted`` rows), where reading the records by key
costs a query per object and shows a deleted row only as an absence. So a batch of notices costs one call, asked
from the earliest notified change time less :data:`MARGIN` (Intuit's notification times and its rows'
``LastUpdatedTime`` need not agree to the second).

Where CDC cannot answer in full — further back than 30 days, or 1,000 rows of an entity — the notices are read by
key instead (``None`` here: the connector falls back), and so is any notified key the answer does not mention.
The answer's other rows (changes whose notification is late or was lost) are kept too: they are just as current.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import NotifiedFetch, RemoteRecord
from ledgerbridge.connectors.quickbooks.client import CDC_MAX_AGE, CDC_MAX_ROWS
from ledgerbridge.connectors.quickbooks.entities import EntityReader, is_deleted
from ledgerbridge.connectors.quickbooks.mapping.common import key as record_key
from ledgerbridge.connectors.quickbooks.mapping.common import split_key

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

MARGIN = dt.timedelta(minutes=5)
# QBO refuses changedSince older than 30 days by its own clock; an hour's room for the clocks and the call.
REACH = CDC_MAX_AGE - dt.timedelta(hours=1)


def _entities(reader: EntityReader, keys: Sequence[str]) -> list[str]:
    """The reader's entities named by ``keys``, in the reader's order."""
    named = set()
    for remote_key in keys:
        try:
            named.add(split_key(remote_key)[0])
        except ValueError:
            continue
    return [name for name in reader.names if name in named]


async def fetch_notified(
    connector: QuickBooksConnector,
    readers: Mapping[str, EntityReader],
    wanted: Mapping[str, Sequence[str]],
    since: dt.datetime,
) -> NotifiedFetch | None:
    """The notified records of ``wanted`` (object → keys, every object having a reader) through one CDC call;
    None where CDC cannot answer in full."""
    changed_since = since - MARGIN
    if dt.datetime.now(dt.UTC) - changed_since >= REACH:
        return None
    asked = {name: _entities(readers[name], keys) for name, keys in wanted.items()}
    entities = list(dict.fromkeys(name for names in asked.values() for name in names))
    result = NotifiedFetch()
    if entities:
        rows = await connector.client.cdc(entities, changed_since)
        result.reads += 1
        if any(len(found) >= CDC_MAX_ROWS for found in rows.values()):
            return None  # a full answer may have left changes out
    else:
        rows = {}
    for object_name, keys in wanted.items():
        reader = readers[object_name]
        found: dict[str, RemoteRecord] = {}
        gone: list[str] = []
        for entity in asked[object_name]:
            live = [row for row in rows.get(entity, []) if not is_deleted(row)]
            gone += [record_key(entity, str(row["Id"])) for row in rows.get(entity, []) if is_deleted(row)]
            for record in await reader.map_rows(connector, entity, live) if live else []:
                found[record.remote_key] = record
        # A notified key the answer does not mention (an entity of another object, a clock further off than the
        # margin): read by key, absent meaning gone, as without CDC.
        unanswered = [k for k in keys if k not in found and k not in gone]
        if unanswered:
            fetched = await connector.fetch_many(object_name, unanswered)
            result.reads += 1
            found |= fetched
            gone += [k for k in unanswered if k not in fetched]
        result.found[object_name] = found
        result.gone[object_name] = gone
    return result
