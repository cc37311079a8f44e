"""The procrastinate app: task registration, locks, retries, the scheduler tick, and deferring."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any
from weakref import WeakKeyDictionary

import procrastinate
from procrastinate import exceptions as procrastinate_errors
from procrastinate.testing import InMemoryConnector

from ledgerbridge.jobs import tasks
from ledgerbridge.runtime import Runtime
from ledgerbridge.store.job_queue import ensure_schema, psycopg_conninfo
from ledgerbridge.webhooks import delivery

log = logging.getLogger("ledgerbridge.jobs")

SYNC_QUEUE = "sync"
SCHEDULE_QUEUE = "schedule"
# 5 attempts; waits of 10 s, 100 s, 1000 s between them (procrastinate: exponential_wait ** attempt).
RETRY = procrastinate.RetryStrategy(max_attempts=5, exponential_wait=10)


def build_app(connector: Any) -> procrastinate.App:
    app = procrastinate.App(connector=connector)

    @app.task(name="sync_connection", queue=SYNC_QUEUE, pass_context=True, retry=RETRY)
    async def sync_connection(context: procrastinate.JobContext, project_id: str, connection_id: str,
                              full: bool = False, scheduled: bool = False) -> None:
        await tasks.sync(context.additional_context["runtime"], project_id=project_id,
                         connection_id=connection_id, full=full, scheduled=scheduled)

    @app.periodic(cron="* * * * *", periodic_id="pull_frequencies")
    @app.task(name="schedule_syncs", queue=SCHEDULE_QUEUE, pass_context=True, queueing_lock="schedule_syncs")
    async def schedule_syncs(context: procrastinate.JobContext, timestamp: int) -> None:
        runtime: Runtime = context.additional_context["runtime"]

        async def enqueue(project_id: str, connection_id: str) -> bool:
            return await _defer(app, project_id, connection_id, full=False, scheduled=True)

        queued = await tasks.schedule_due(runtime, enqueue)
        if queued:
            log.info("scheduled %d syncs", queued)

    return app


async def _defer(app: procrastinate.App, project_id: str, connection_id: str, *, full: bool,
                 scheduled: bool = False) -> bool:
    # ``lock``: no two syncs of one connection run at once, across every worker. ``queueing_lock``: at most one
    # waits in the queue, so a slow provider never piles up duplicates.
    try:
        await app.configure_task(
            "sync_connection", lock=f"connection:{connection_id}", queueing_lock=f"sync:{connection_id}"
        ).defer_async(project_id=project_id, connection_id=connection_id, full=full, scheduled=scheduled)
    except procrastinate_errors.AlreadyEnqueued:
        return False
    return True


class Jobs:
    """One runtime's queue: the procrastinate app, opened on first use, and (embedded) its in-process worker."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.embedded = runtime.engine.dialect.name != "postgresql"
        connector: Any
        if self.embedded:
            connector = InMemoryConnector()
        else:
            connector = procrastinate.PsycopgConnector(
                conninfo=psycopg_conninfo(runtime.engine.url.render_as_string(hide_password=False)),
                kwargs={"autocommit": True}, min_size=1, max_size=4,
            )
        self.app = build_app(connector)
        self._opened = False
        self._worker: asyncio.Task[None] | None = None

    async def open(self) -> None:
        if not self._opened:
            if not self.embedded:  # the API may enqueue before any worker has started
                await ensure_schema(self.runtime.engine.url.render_as_string(hide_password=False))
            await self.app.open_async()
            self._opened = True

    async def defer_sync(self, connection_id: uuid.UUID, project_id: uuid.UUID, *, full: bool = False) -> bool:
        await self.open()
        queued = await _defer(self.app, str(project_id), str(connection_id), full=full)
        if self.embedded:
            self.start_embedded_worker()
        return queued

    def start_embedded_worker(self) -> None:
        """Work the in-memory queue in this process (embedded mode only)."""
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self.run_worker(concurrency=4, install_signal_handlers=False))

    async def run_worker(self, *, concurrency: int = 4, wait: bool = True, install_signal_handlers: bool = True,
                         **options: Any) -> None:
        await self.open()
        await self.app.run_worker_async(
            concurrency=concurrency, wait=wait, install_signal_handlers=install_signal_handlers,
            additional_context={"runtime": self.runtime}, delete_jobs="successful", **options,
        )

    def depth(self) -> dict[str, int]:
        """Jobs waiting, by queue, in memory (embedded mode; PostgreSQL's are counted by
        :func:`ledgerbridge.store.job_queue.depth`)."""
        connector = self.app.connector
        if not isinstance(connector, InMemoryConnector):
            return {}
        counts: dict[str, int] = {}
        for job in connector.jobs.values():
            if job["status"] == "todo":
                counts[job["queue_name"]] = counts.get(job["queue_name"], 0) + 1
        return counts

    async def aclose(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._worker
            self._worker = None
        if self._opened:
            await self.app.close_async()
            self._opened = False


_JOBS: WeakKeyDictionary[Runtime, Jobs] = WeakKeyDictionary()


def jobs_for(runtime: Runtime) -> Jobs:
    jobs = _JOBS.get(runtime)
    if jobs is None:
        jobs = _JOBS[runtime] = Jobs(runtime)
    return jobs


def waiting(runtime: Runtime) -> dict[str, int]:
    """Jobs waiting in this process's in-memory queue, by queue (embedded mode)."""
    jobs = _JOBS.get(runtime)
    return {} if jobs is None else jobs.depth()


async def defer_sync(runtime: Runtime, connection_id: uuid.UUID, project_id: uuid.UUID, *, full: bool = False) -> bool:
    return await jobs_for(runtime).defer_sync(connection_id, project_id, full=full)


@contextlib.asynccontextmanager
async def lifespan(runtime: Runtime) -> AsyncIterator[None]:
    """For the app's lifespan: in embedded mode, run the scheduler and the worker inside the server process."""
    jobs = jobs_for(runtime)
    if jobs.embedded:
        jobs.start_embedded_worker()
    # Every serving process also drains the webhook outbox: deliveries are claimed with a lease, so any number of
    # processes can share the work, and a webhook never waits for a worker to be deployed.
    stop = asyncio.Event()
    webhooks = asyncio.create_task(delivery.run_forever(runtime, stop=stop))
    try:
        yield
    finally:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(webhooks, timeout=10)
        await jobs.aclose()
