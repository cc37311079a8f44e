"""The job functions. Plain async functions of ids, so they run the same under any queue (or none)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Awaitable, Callable

from ledgerbridge.runtime import Runtime
from ledgerbridge.service import pending
from ledgerbridge.store import tenancy
from ledgerbridge.sync import schedule
from ledgerbridge.sync.engine import SyncReport, sync_connection

log = logging.getLogger("ledgerbridge.jobs")


async def sync(runtime: Runtime, *, project_id: str, connection_id: str, full: bool = False,
               scheduled: bool = False) -> SyncReport | None:
    """Sync one connection, then resolve its creates whose provider answer was lost (service/pending.py); a
    connection deleted since the job was queued is nothing to do. A ``scheduled`` sync polls only the objects
    due (:func:`ledgerbridge.sync.schedule.due_objects`), as of when it runs."""
    async with runtime.engine.connect() as db:
        connection = await tenancy.get_connection(
            db, project_id=uuid.UUID(project_id), connection_id=uuid.UUID(connection_id)
        )
    if connection is None:
        log.info("sync job: connection %s is gone", connection_id)
        return None
    objects = None
    if scheduled and not full:
        async with runtime.engine.connect() as db:
            objects = await schedule.due_objects(db, connection, now=dt.datetime.now(dt.UTC))
    report = None if objects == [] else await sync_connection(runtime, connection, objects=objects, full=full)
    try:
        await pending.resolve(runtime, connection)
    except Exception:  # the sync itself succeeded; the next run tries again
        log.exception("sync job: resolving lost create answers of connection %s failed", connection_id)
    return report


Enqueue = Callable[[str, str], Awaitable[bool]]
"""Enqueue a sync of (project id, connection id); False when one is already waiting."""


async def schedule_due(runtime: Runtime, enqueue: Enqueue, *, now: dt.datetime | None = None) -> int:
    """Enqueue a sync for every connection whose project's pull frequency has elapsed; returns how many."""
    async with runtime.engine.connect() as db:
        due = await schedule.due_connections(db, now=now or dt.datetime.now(dt.UTC))
    queued = 0
    for project_id, connection_id in due:
        queued += bool(await enqueue(project_id, connection_id))
    return queued
