"""Jobs on procrastinate: the PostgreSQL queue worked by a worker, and the in-process queue of embedded mode."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.exc import ArgumentError

from ledgerbridge.jobs import queue
from ledgerbridge.jobs.tasks import schedule_due
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.store import job_queue
from ledgerbridge.store.tables import connections
from tests.factories import quickbooks_tenant


async def _tenant(runtime: Any, transports: dict[str, Any]) -> Any:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm, invoices=2)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    return await quickbooks_tenant(runtime, sandbox, realm, sync=False)


async def _last_sync(runtime: Any, tenant: Any) -> Any:
    async with runtime.engine.connect() as db:
        return (await db.execute(select(connections.c.last_sync_at).where(
            connections.c.id == str(tenant.connection.id)))).scalar()


async def test_sync_job_runs(runtime: Any, transports: dict[str, Any]) -> None:
    tenant = await _tenant(runtime, transports)
    jobs = queue.Jobs(runtime)
    try:
        if jobs.embedded:
            assert await jobs.defer_sync(tenant.connection.id, tenant.project_id)  # starts the in-process worker
            for _ in range(200):
                if await _last_sync(runtime, tenant) is not None:
                    break
                await asyncio.sleep(0.05)
        else:
            await job_queue.ensure_schema(runtime.engine.url.render_as_string(hide_password=False))
            await job_queue.ensure_schema(runtime.engine.url.render_as_string(hide_password=False))  # idempotent
            assert await jobs.defer_sync(tenant.connection.id, tenant.project_id)
            # A second request while one waits is absorbed by the queueing lock.
            assert not await jobs.defer_sync(tenant.connection.id, tenant.project_id)
            await jobs.run_worker(wait=False, install_signal_handlers=False, listen_notify=False)
        assert await _last_sync(runtime, tenant) is not None
    finally:
        await jobs.aclose()


async def test_scheduler_enqueues_due_connections_once(runtime: Any, transports: dict[str, Any]) -> None:
    tenant = await _tenant(runtime, transports)
    queued: list[tuple[str, str]] = []

    async def enqueue(project_id: str, connection_id: str) -> bool:
        queued.append((project_id, connection_id))
        return True

    await schedule_due(runtime, enqueue)
    assert (str(tenant.project_id), str(tenant.connection.id)) in queued


def test_conninfo_keeps_procrastinate_in_its_own_schema() -> None:
    info = job_queue.psycopg_conninfo("postgresql+asyncpg://u:p%40ss@db:5432/lb")
    assert info.startswith("postgresql://u:p%40ss@db:5432/lb?options=")
    assert "search_path%3Dprocrastinate" in info
    with pytest.raises(ArgumentError):
        job_queue.psycopg_conninfo("not a url")
