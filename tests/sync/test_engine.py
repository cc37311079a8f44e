"""The sync engine: incremental passes, deletions found by the full reconcile, schedules, locks."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from sqlalchemy import delete, select

from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.store.tables import poll_schedule, records, sync_passes
from ledgerbridge.sync import schedule
from ledgerbridge.sync.engine import sync_connection
from ledgerbridge.sync.lock import connection_lock
from tests.factories import quickbooks_tenant


async def _invoice_rows(runtime: Any, tenant: Any) -> dict[str, Any]:
    async with runtime.engine.connect() as db:
        rows = (await db.execute(select(records).where(
            records.c.project_id == str(tenant.project_id), records.c.connection_id == str(tenant.connection.id),
            records.c.object_type == "invoice"))).all()
    return {r.remote_key: r for r in rows}


async def test_deletions_are_found_by_change_data_capture_and_by_the_reconcile(
    runtime: Any, transports: dict[str, Any]
) -> None:
    import httpx

    from ledgerbridge.sandbox.quickbooks import create_app
    from tests.contract.wiretap import Wiretap

    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    tap = Wiretap(httpx.ASGITransport(app=create_app(sandbox)))
    transports["quickbooks"] = tap
    tenant = await quickbooks_tenant(runtime, sandbox, realm)
    first = await _invoice_rows(runtime, tenant)
    assert first and all(r.last_seen_at is not None for r in first.values())

    def delete(key: str) -> None:
        entity_id = key.split("/")[1]
        doc = sandbox.read(realm, "Invoice", entity_id)
        sandbox.write(realm, "Invoice", {"Id": entity_id, "SyncToken": doc["SyncToken"]}, operation="delete")

    unlinked = [k for k in first if k.startswith("Invoice/")
                and not sandbox.read(realm, "Invoice", k.split("/")[1]).get("LinkedTxn")]
    # Books in use: a change today moves the position within CDC's 30 days (the demo books date from 2025, and
    # an older position is read with queries, its deletions left to the reconcile).
    kept = sandbox.read(realm, "Invoice", unlinked[2].split("/")[1])
    sandbox.write(realm, "Invoice", {"Id": kept["Id"], "SyncToken": kept["SyncToken"], "PrivateNote": "in use",
                                     "sparse": True})
    report = await sync_connection(runtime, tenant.connection, objects=["invoice"])
    assert report.full == {"invoice": False} and report.deleted == {"invoice": 0}

    # Then an incremental pass reads changes and deletions in one CDC call (queries never show a deleted row).
    delete(unlinked[0])
    tap.calls.clear()
    report = await sync_connection(runtime, tenant.connection, objects=["invoice"])
    assert report.full == {"invoice": False} and report.deleted == {"invoice": 1}
    assert [r.url.path.rsplit("/", 1)[-1] for r in tap.calls] == ["cdc"]
    after = await _invoice_rows(runtime, tenant)
    assert after[unlinked[0]].deleted
    assert sum(not r.deleted for r in after.values()) == len(first) - 1

    # A full pass finds a deletion by what it no longer lists, asked again by key.
    delete(unlinked[1])
    report = await sync_connection(runtime, tenant.connection, objects=["invoice"], full=True)
    assert report.deleted == {"invoice": 1}
    after = await _invoice_rows(runtime, tenant)
    assert after[unlinked[1]].deleted
    assert sum(not r.deleted for r in after.values()) == len(first) - 2
    async with runtime.engine.connect() as db:
        passes = (await db.execute(select(sync_passes).where(
            sync_passes.c.connection_id == str(tenant.connection.id)))).all()
    assert passes and all(p.started_at is None and p.last_full_at is not None for p in passes)


async def test_interrupted_full_pass_is_replayed_full(runtime: Any, transports: dict[str, Any]) -> None:
    import httpx

    from ledgerbridge.sandbox.quickbooks import create_app

    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm)
    async with runtime.engine.begin() as db:  # as a SIGKILL in the middle of a full pass leaves it
        await db.execute(sync_passes.update().where(
            sync_passes.c.connection_id == str(tenant.connection.id), sync_passes.c.object_type == "invoice",
        ).values(full=True, started_at=dt.datetime.now(dt.UTC), pages=1))
    report = await sync_connection(runtime, tenant.connection, objects=["invoice", "contact"])
    assert report.full == {"invoice": True, "contact": False}


async def test_one_sync_per_connection_at_a_time(runtime: Any) -> None:
    import uuid

    connection_id = uuid.uuid4()
    order: list[str] = []

    async def hold(name: str) -> None:
        async with connection_lock(runtime.engine, connection_id):
            order.append(f"{name} in")
            await asyncio.sleep(0.05)
            order.append(f"{name} out")

    await asyncio.gather(hold("a"), hold("b"))
    assert order in (["a in", "a out", "b in", "b out"], ["b in", "b out", "a in", "a out"])


async def test_due_connections_follow_pull_frequency(runtime: Any, transports: dict[str, Any]) -> None:
    import httpx

    from ledgerbridge.sandbox.quickbooks import create_app

    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm, invoices=1)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm)
    now = dt.datetime.now(dt.UTC)
    async with runtime.engine.begin() as db:
        # The first pass changed every object: adaptive polling looks again a minute later (tests/sync/
        # test_adaptive_polling.py). Without those plans, the project's pull frequency alone decides.
        assert str(tenant.connection.id) in {c for _, c in await schedule.due_connections(
            db, now=now + dt.timedelta(minutes=2))}
        await db.execute(delete(poll_schedule).where(poll_schedule.c.connection_id == str(tenant.connection.id)))
        assert (await schedule.get(db, project_id=tenant.project_id))["accounting"] == 3600
        due = {c for _, c in await schedule.due_connections(db, now=now + dt.timedelta(minutes=30))}
        assert str(tenant.connection.id) not in due
        await schedule.put(db, project_id=tenant.project_id, values={"accounting": 600})
        due = {c for _, c in await schedule.due_connections(db, now=now + dt.timedelta(minutes=30))}
        assert str(tenant.connection.id) in due
        await schedule.put(db, project_id=tenant.project_id, values={"accounting": 0})
        due = {c for _, c in await schedule.due_connections(db, now=now + dt.timedelta(days=30))}
        assert str(tenant.connection.id) not in due
