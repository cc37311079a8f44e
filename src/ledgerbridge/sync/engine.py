"""Pulling a connection's records into the store.

Each object is streamed page by page from the connector and every page is upserted in its own transaction,
so memory stays bounded by one page. The incremental position (``since``) moves only after a whole pass over
the object has been stored, to the newest provider change time seen minus an overlap window: pages come in id
order, not change order, so a pass cut short must be replayed from the old position (upserts make the replay
harmless), and the overlap absorbs clock skew between the provider's timestamps and its query index.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from ledgerbridge.objects import OBJECTS
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import events, records, tenancy
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tables import sync_states

log = logging.getLogger("ledgerbridge.sync")

OVERLAP = dt.timedelta(minutes=5)


@dataclass
class SyncReport:
    records: dict[str, int] = field(default_factory=dict)
    pages: int = 0

    @property
    def total(self) -> int:
        return sum(self.records.values())


Progress = Callable[[str, int], None]
"""Called after each stored page with the object name and the number of records in it."""


async def _since(runtime: Runtime, scope: Scope, object_name: str) -> dt.datetime | None:
    async with runtime.engine.connect() as db:
        return (
            await db.execute(
                select(sync_states.c.since).where(
                    sync_states.c.project_id == str(scope.project_id),
                    sync_states.c.connection_id == str(scope.connection_id),
                    sync_states.c.object_type == object_name,
                )
            )
        ).scalar()


async def _save_state(
    db, scope: Scope, object_name: str, *, since: dt.datetime | None, status: str, count: int, error: str | None
) -> None:  # type: ignore[no-untyped-def]
    insert = (postgresql.insert if db.dialect.name == "postgresql" else sqlite.insert)(sync_states)
    values = {
        "connection_id": str(scope.connection_id),
        "object_type": object_name,
        "project_id": str(scope.project_id),
        "since": since,
        "status": status,
        "records": count,
        "error": error,
        "finished_at": dt.datetime.now(dt.UTC),
    }
    await db.execute(
        insert.values(**values).on_conflict_do_update(
            index_elements=[sync_states.c.connection_id, sync_states.c.object_type],
            set_={k: v for k, v in values.items() if k not in ("connection_id", "object_type", "project_id")},
        )
    )


async def sync_connection(
    runtime: Runtime,
    connection: tenancy.Connection,
    *,
    objects: Iterable[str] | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> SyncReport:
    connector = runtime.connector(connection)
    scope = Scope(connection.project_id, connection.id)
    wanted = list(objects) if objects is not None else [spec.name for spec in OBJECTS]
    report = SyncReport()
    for object_name in wanted:
        if not connector.capabilities.supports(object_name, "list"):
            continue
        since = None if full else await _since(runtime, scope, object_name)
        newest = since
        count = 0
        try:
            async for batch in connector.pages(object_name, since):
                async with runtime.engine.begin() as db:
                    await records.upsert(db, scope, batch, now=dt.datetime.now(dt.UTC))
                count += len(batch)
                report.pages += 1
                for item in batch:
                    if item.remote_updated_at is not None and (newest is None or item.remote_updated_at > newest):
                        newest = item.remote_updated_at
                if progress is not None:
                    progress(object_name, len(batch))
        except Exception as exc:
            async with runtime.engine.begin() as db:
                await _save_state(db, scope, object_name, since=since, status="failed", count=count, error=str(exc))
                await events.record(
                    db, project_id=connection.project_id, connection_id=connection.id, type="sync.failed",
                    status="fail", detail={"object": object_name, "error": str(exc)[:500]},
                )
            raise
        next_since = None if newest is None else newest - OVERLAP
        if since is not None and next_since is not None and next_since < since:
            next_since = since
        async with runtime.engine.begin() as db:
            await _save_state(db, scope, object_name, since=next_since, status="succeeded", count=count, error=None)
        report.records[object_name] = count
        log.info("synced %s %s: %d records", connection.provider, object_name, count)
    async with runtime.engine.begin() as db:
        now = dt.datetime.now(dt.UTC)
        await tenancy.mark_synced(db, project_id=connection.project_id, connection_id=connection.id, at=now)
        await events.record(
            db, project_id=connection.project_id, connection_id=connection.id, type="sync.completed",
            detail={"records": report.records},
        )
    return report
