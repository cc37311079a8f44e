"""Pulling a connection's records into the store.

Per object, a pass streams the connector's pages and stores each one in its own transaction together with a
checkpoint (:mod:`ledgerbridge.store.passes`), so a pass killed at any point leaves everything it stored
behind. Fetching runs ahead of storing by at most ``PREFETCH_PAGES`` pages (:mod:`.prefetch`): the provider and
the database work at the same time, memory stays bounded, and pages are still stored and checkpointed one by
one, in order. Only what changed is written (:func:`ledgerbridge.store.bulk.ingest`).

The first pass of an object, an explicit ``full=True``, a pass replaying a cut-short full one, and one every
``RECONCILE_EVERY`` read everything and then mark what the provider no longer lists as deleted
(:mod:`.reconcile`): that is how deletes are found where the provider hides them (QuickBooks queries skip
deleted rows, Tryton deletes rows). Other passes read what changed since the position, then ask the connector
for what it reports deleted since then, where the provider has such a feed (QuickBooks' change data capture).

The position moves only when a pass completes, to ``min(newest change seen, pass start) - OVERLAP``: a record
changed while the pass ran may have been read before its change (pages come in id order), and its change time
is after the pass started; the overlap absorbs clock skew between us and the provider. Replays are harmless:
upserts are idempotent and ``modified_at`` moves only on a real change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ledgerbridge import metrics
from ledgerbridge.connectors.base import Connector
from ledgerbridge.objects import OBJECTS
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import field_mappings
from ledgerbridge.store import bulk, events, passes, tenancy
from ledgerbridge.store.records import Scope
from ledgerbridge.sync.garbage import fewer_collections
from ledgerbridge.sync.lock import connection_lock
from ledgerbridge.sync.prefetch import prefetched
from ledgerbridge.sync.reconcile import mark_reported_deleted, mark_unseen_deleted
from ledgerbridge.sync.schedule import Policy, plan, policy

log = logging.getLogger("ledgerbridge.sync")

OVERLAP = dt.timedelta(minutes=5)
RECONCILE_EVERY = dt.timedelta(hours=24)
# Pages fetched ahead of the one being stored: the provider works while the database does, and memory stays
# bounded by this many pages (plus what the connector itself reads ahead, e.g. QuickBooks' concurrent pages).
PREFETCH_PAGES = 2


@dataclass
class SyncReport:
    records: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    full: dict[str, bool] = field(default_factory=dict)
    pages: int = 0
    written: int = 0  # records created or changed in the store (the rest were only seen again)

    @property
    def total(self) -> int:
        return sum(self.records.values())


Progress = Callable[[str, int], None]
"""Called after each stored page with the object name and the number of records in it."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _next_since(
    since: dt.datetime | None, newest: dt.datetime | None, started: dt.datetime
) -> dt.datetime | None:
    if newest is None:
        return since  # nothing changed: stay where we were
    candidate = min(newest, started) - OVERLAP
    if since is not None and candidate < since:
        return since
    return candidate


async def _sync_object(
    runtime: Runtime,
    connector: Connector,
    connection: tenancy.Connection,
    object_name: str,
    *,
    full: bool,
    progress: Progress | None,
    report: SyncReport,
    rules: Policy,
    sync_started: dt.datetime,
) -> None:
    scope = Scope(connection.project_id, connection.id)
    async with runtime.engine.connect() as db:
        where = await passes.position(db, scope, object_name)
    started = _now()
    full = (
        full
        or where.last_full_at is None
        or where.interrupted_full
        or started - where.last_full_at > RECONCILE_EVERY
    )
    since = None if full else where.since
    async with runtime.engine.begin() as db:
        await passes.begin(db, scope, object_name, full=full, since=since, at=started)
    newest: dt.datetime | None = None
    count = pages = written = 0
    try:
        # aclosing: a page that fails to store stops the fetching at once, rather than whenever it is collected.
        async with contextlib.aclosing(prefetched(connector.pages(object_name, since), PREFETCH_PAGES)) as stream:
            async for batch in stream:
                for item in batch:
                    if item.remote_updated_at is not None and (newest is None or item.remote_updated_at > newest):
                        newest = item.remote_updated_at
                count += len(batch)
                pages += 1
                async with runtime.engine.begin() as db:
                    stored = await bulk.ingest(db, scope, batch, now=_now())
                    # In the page's own transaction: what changed becomes events (and webhook outbox rows), and
                    # mapped custom fields are read out of the provider records, all or nothing with the page.
                    await events.record_changes(db, project_id=connection.project_id, connection_id=connection.id,
                                                upserted=stored.changed)
                    await field_mappings.capture(db, scope, stored.changed)
                    await passes.checkpoint(db, scope, object_name, pages=pages, records=count, newest=newest)
                metrics.SYNC_RECORDS.labels(connection.provider, object_name).inc(len(batch))
                report.pages += 1
                report.written += stored.written
                written += stored.written
                if progress is not None:
                    progress(object_name, len(batch))
        if full:
            deleted = await mark_unseen_deleted(runtime, connector, scope, object_name, seen_since=started)
        else:
            deleted = await mark_reported_deleted(runtime, connector, scope, object_name, since)
    except Exception as exc:
        async with runtime.engine.begin() as db:
            await passes.save_state(
                db, scope, object_name, since=where.since, status="failed", count=count, error=str(exc)[:500],
                at=_now(),
            )
            await events.record(
                db, project_id=connection.project_id, connection_id=connection.id, type="sync.failed",
                status="fail", detail={"object": object_name, "error": str(exc)[:500]},
            )
        raise
    async with runtime.engine.begin() as db:
        await passes.finish(
            db, scope, object_name, full=full, since=_next_since(since, newest, started), count=count, at=started
        )
        # The next scheduled pass of this object: sooner when this one found changes (see .schedule). Timed from
        # the sync's start, so every object of one sync is due at the same scheduler tick.
        await plan(db, scope, object_name, changed=written + deleted, started=sync_started, rules=rules)
    report.records[object_name] = count
    report.deleted[object_name] = deleted
    report.full[object_name] = full
    log.info(
        "synced %s %s: %d records, %d deleted%s", connection.provider, object_name, count, deleted,
        " (full)" if full else "",
    )


async def sync_connection(
    runtime: Runtime,
    connection: tenancy.Connection,
    *,
    objects: Iterable[str] | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> SyncReport:
    """Bring the store up to date with the provider for ``objects`` (default: every object the connector lists).

    Waits for any other sync of the same connection to finish first (see :mod:`.lock`).
    """
    connector = runtime.connector(connection)
    wanted = list(objects) if objects is not None else [spec.name for spec in OBJECTS if not spec.report]
    report = SyncReport()
    async with connection_lock(runtime.engine, connection.id):
        started = _now()
        async with runtime.engine.connect() as db:
            rules = await policy(db, connection, now=started)
        with metrics.SYNC_DURATION.labels(connection.provider).time(), fewer_collections():
            try:
                for object_name in wanted:
                    if connector.capabilities.supports(object_name, "list"):
                        await _sync_object(
                            runtime, connector, connection, object_name, full=full, progress=progress,
                            report=report, rules=rules, sync_started=started,
                        )
            except Exception:
                metrics.SYNC_RUNS.labels(connection.provider, "fail").inc()
                raise
        now = _now()
        async with runtime.engine.begin() as db:
            await tenancy.mark_synced(db, project_id=connection.project_id, connection_id=connection.id, at=now)
            await events.record(
                db, project_id=connection.project_id, connection_id=connection.id, type="sync.completed",
                detail={"records": report.records, "deleted": report.deleted},
            )
    metrics.SYNC_RUNS.labels(connection.provider, "success").inc()
    metrics.SYNC_LAST_SUCCESS.labels(str(connection.id), connection.provider).set(now.timestamp())
    return report
