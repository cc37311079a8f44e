"""``ledgerbridge worker``: one procrastinate worker process over the PostgreSQL queue."""

from __future__ import annotations

import asyncio
import logging

from ledgerbridge.jobs.queue import Jobs
from ledgerbridge.runtime import Runtime
from ledgerbridge.settings import Settings
from ledgerbridge.store.job_queue import ensure_schema
from ledgerbridge.webhooks import delivery

log = logging.getLogger("ledgerbridge.jobs")


async def run_worker(*, concurrency: int = 4, settings: Settings | None = None) -> None:
    settings = settings or Settings()
    runtime = Runtime(settings)
    try:
        if runtime.engine.dialect.name != "postgresql":
            raise SystemExit(
                "ledgerbridge worker needs PostgreSQL (LEDGERBRIDGE_DATABASE_URL); in embedded SQLite mode "
                "`ledgerbridge serve` runs the jobs itself"
            )
        await ensure_schema(settings.resolved_database_url)
        jobs = Jobs(runtime)
        stop = asyncio.Event()
        webhooks = asyncio.create_task(delivery.run_forever(runtime, stop=stop))  # the outbox, beside the queue
        try:
            log.info("worker started (concurrency %d)", concurrency)
            await jobs.run_worker(concurrency=concurrency)
        finally:
            stop.set()
            await asyncio.gather(webhooks, return_exceptions=True)
            await jobs.aclose()
    finally:
        await runtime.aclose()
