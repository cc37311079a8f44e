"""Finding records the provider no longer has: after a full pass, and from the provider's own deletion feed.

A full pass touches ``last_seen_at`` of every record it reads, so whatever the store still holds with an older
``last_seen_at`` was not listed. That is not yet proof of deletion: offset-paged lists (QuickBooks
``startposition``) shift when a record is deleted *during* the pass and can skip a live one. So every candidate
is asked for once more by key; only those the provider cannot produce are marked deleted. Candidates are read in
keyset batches, so memory stays bounded however many there are, and each batch is asked for in as few calls as
the connector can (:meth:`~ledgerbridge.connectors.base.Connector.fetch_many`).
"""

from __future__ import annotations

import datetime as dt
import logging

from ledgerbridge.connectors.base import Connector
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import bulk, events, records
from ledgerbridge.store.records import Scope

log = logging.getLogger("ledgerbridge.sync")

BATCH = 200


async def mark_unseen_deleted(
    runtime: Runtime, connector: Connector, scope: Scope, object_name: str, *, seen_since: dt.datetime
) -> int:
    """Mark deleted the records of ``object_name`` not seen since ``seen_since`` that the provider lacks."""
    deleted = 0
    after = 0
    can_fetch = connector.capabilities.supports(object_name, "retrieve")
    while True:
        async with runtime.engine.connect() as db:
            batch = await records.unseen(db, scope, object_name, seen_since=seen_since, after=after, limit=BATCH)
        if not batch:
            return deleted
        after = batch[-1].seq
        keys = [row.remote_key for row in batch]
        # One call per batch where the provider can read many ids at once (see Connector.fetch_many).
        fetched = await connector.fetch_many(object_name, keys) if can_fetch else {}
        gone = [key for key in keys if key not in fetched]
        now = dt.datetime.now(dt.UTC)
        async with runtime.engine.begin() as db:
            ingested = await bulk.ingest(db, scope, list(fetched.values()), now=now)
            changed = list(ingested.changed)
            if gone:
                changed += await records.mark_deleted(db, scope, object_name, gone, now=now)
            # The deletions (and anything re-fetched that changed) become events and webhooks, in this transaction.
            await events.record_changes(db, project_id=scope.project_id, connection_id=scope.connection_id,
                                        upserted=changed)
        deleted += len(gone)
        if gone:
            log.info("sync: %d %s records deleted at the provider", len(gone), object_name)


async def mark_reported_deleted(
    runtime: Runtime, connector: Connector, scope: Scope, object_name: str, since: dt.datetime | None
) -> int:
    """After an incremental pass: mark deleted what the provider reports it deleted since ``since`` (for a
    connector that declares a deletion feed; the others wait for the full reconcile)."""
    if since is None:
        return 0
    gone = await connector.deleted(object_name, since)
    if not gone:
        return 0
    async with runtime.engine.begin() as db:
        marked = await records.mark_deleted(db, scope, object_name, gone, now=dt.datetime.now(dt.UTC))
        await events.record_changes(db, project_id=scope.project_id, connection_id=scope.connection_id,
                                    upserted=marked)
    if marked:
        log.info("sync: %d %s records deleted at the provider (reported)", len(marked), object_name)
    return len(marked)
