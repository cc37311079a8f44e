"""The gauges that describe the database, read when ``GET /metrics`` is scraped.

:mod:`ledgerbridge.metrics` only holds the instruments; what fills these two comes from the store and the queue,
so it is refreshed here, by the route that serves the scrape (:mod:`ledgerbridge.api.routes.health`), in
whichever process is scraped.
"""

from __future__ import annotations

import datetime as dt

from ledgerbridge import metrics
from ledgerbridge.jobs.queue import waiting
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import job_queue, tenancy


async def refresh(runtime: Runtime) -> None:
    """Sync lag per connection (every project's) and the job queue's depth."""
    now = dt.datetime.now(dt.UTC)
    async with runtime.engine.connect() as db:
        synced = await tenancy.last_syncs(db)
        depth = await job_queue.depth(db)
    metrics.SYNC_LAG.clear()
    for connection_id, provider, last_sync_at in synced:
        if last_sync_at is not None:
            metrics.SYNC_LAG.labels(connection_id, provider).set((now - last_sync_at).total_seconds())
    if depth is None:
        if runtime.engine.dialect.name == "postgresql":
            return  # no worker has created the queue's tables yet: nothing waits
        depth = waiting(runtime)  # embedded: the in-memory queue of this process
    metrics.QUEUE_DEPTH.clear()
    for queue, count in depth.items():
        metrics.QUEUE_DEPTH.labels(queue).set(count)
