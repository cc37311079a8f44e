"""Provider change notifications become targeted fetches.

A notification names records (:class:`~ledgerbridge.connectors.provider_spec.Notice`); this module

1. keeps each one once per connection (:func:`claim`): the provider's retries and duplicates are dropped, using
   the idempotency keys of the connection (kept a day — longer than QuickBooks or Xero retry);
2. fetches the named records again (:func:`apply`) in as few calls as the connector can
   (:meth:`~ledgerbridge.connectors.base.Connector.fetch_notified`: one ``fetch_many`` per object by default, one
   change-feed call for the whole batch on QuickBooks), stores them, marks deleted those the provider no longer
   has, and records the changes as events (and so as our ``accounting.<object>.updated|deleted`` webhooks), all in
   one transaction per object.

Polling stays the safety net: what a provider does not notify (Xero deletions) or what a lost notification
missed is found by the next pass or the daily reconcile.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from ledgerbridge.connectors.provider_spec import Notice
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import bulk, events, idempotency, records, tenancy
from ledgerbridge.store.records import Scope

log = logging.getLogger("ledgerbridge.sync")

PREFIX = "notification:"  # idempotency keys of notifications, apart from API requests' keys
KEEP = dt.timedelta(hours=24)
APPLIED = 200


@dataclass
class Applied:
    fetched: int = 0  # records the provider returned
    deleted: int = 0  # records marked deleted (the provider no longer has them)
    changed: int = 0  # records whose stored form changed (each one an event)
    calls: int = 0  # provider reads made (fetch_many or change-feed calls)
    objects: dict[str, int] = field(default_factory=dict)


def _key(notice: Notice) -> str:
    return PREFIX + hashlib.sha256(notice.dedupe_key.encode()).hexdigest()


async def claim(runtime: Runtime, connection: tenancy.Connection, notices: Sequence[Notice]) -> list[Notice]:
    """The notices this connection has not had yet, each claimed so that a duplicate is dropped."""
    scope = Scope(connection.project_id, connection.id)
    fresh: list[Notice] = []
    for notice in notices:
        key = _key(notice)
        found = await idempotency.claim(runtime.engine, scope, key, key[len(PREFIX):], ttl=KEEP)
        if isinstance(found, idempotency.Claimed):
            fresh.append(notice)
    return fresh


async def release(runtime: Runtime, connection: tenancy.Connection, notices: Sequence[Notice]) -> None:
    """Forget claims whose fetch failed, so the provider's retry of the notification is taken."""
    scope = Scope(connection.project_id, connection.id)
    for notice in notices:
        await idempotency.release(runtime.engine, scope, _key(notice))


async def apply(runtime: Runtime, connection: tenancy.Connection, notices: Sequence[Notice]) -> Applied:
    """Fetch the notified records of ``connection`` and store what changed (see the module's docstring)."""
    scope = Scope(connection.project_id, connection.id)
    wanted: dict[str, list[str]] = {}
    for notice in notices:
        for object_name in notice.objects:
            keys = wanted.setdefault(object_name, [])
            if notice.remote_key not in keys:
                keys.append(notice.remote_key)  # duplicates within a batch: one fetch
    # Every notice said when its change happened: the connector may read them all from then through a change feed
    times = [notice.changed_at for notice in notices if notice.changed_at is not None]
    since = min(times) if times and len(times) == len(notices) else None
    applied = Applied()
    connector = runtime.connector(connection)
    answer = await connector.fetch_notified(wanted, since)
    applied.calls = answer.reads
    for object_name, fetched in answer.found.items():
        gone = answer.gone.get(object_name, [])
        now = dt.datetime.now(dt.UTC)
        async with runtime.engine.begin() as db:
            stored = await bulk.ingest(db, scope, list(fetched.values()), now=now)
            changed = list(stored.changed)
            # For a record that may be one of several objects (a Xero credit note), only the one holding it matches.
            deleted = await records.mark_deleted(db, scope, object_name, gone, now=now) if gone else []
            await events.record_changes(db, project_id=scope.project_id, connection_id=scope.connection_id,
                                        upserted=changed + deleted)
            for notice in notices:
                if object_name in notice.objects:
                    await idempotency.finish(db, scope, _key(notice), status_code=APPLIED, response="")
        applied.fetched += len(fetched)
        applied.deleted += len(deleted)
        applied.changed += len(changed) + len(deleted)
        applied.objects[object_name] = len(wanted.get(object_name, []))
    log.info("notified %s %s: %d fetched, %d changed, %d calls", connection.provider, connection.id,
             applied.fetched, applied.changed, applied.calls)
    return applied


async def receive(runtime: Runtime, connection: tenancy.Connection, notices: Sequence[Notice]) -> Applied:
    """Apply already claimed notices; on failure release them (the provider retries, polling catches up)."""
    try:
        return await apply(runtime, connection, notices)
    except Exception:
        log.exception("fetching notified changes of connection %s failed", connection.id)
        await release(runtime, connection, notices)
        raise
