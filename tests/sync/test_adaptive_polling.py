"""Adaptive polling: per connection and object, an object that changed is polled again within a minute, a quiet
one backs off — to the project's pull frequency when notifications cover it and flow, never beyond 15 minutes
otherwise — the scheduler syncs only the objects due, and a pull frequency of 0 still turns it all off."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from ledgerbridge.connectors.provider_spec import Notice
from ledgerbridge.jobs import tasks
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.sandbox.quickbooks.query import parse as qbo_query
from ledgerbridge.store import poll_schedule, tenancy
from ledgerbridge.store.records import Scope
from ledgerbridge.sync import notified, schedule, status
from ledgerbridge.sync.engine import sync_connection
from tests.factories import Tenant, quickbooks_tenant

# invoice: QuickBooks notifies its every change; tax_rate (TaxCode): it does not
OBJECTS = ["invoice", "tax_rate"]


async def _tenant(runtime: Any, transports: dict[str, Any]) -> tuple[QuickBooksSandbox, str, Tenant]:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm, invoices=3)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    return sandbox, realm, await quickbooks_tenant(runtime, sandbox, realm)  # synced once: every object changed


async def _plans(runtime: Any, tenant: Tenant) -> dict[str, poll_schedule.Planned]:
    async with runtime.engine.connect() as db:
        return await poll_schedule.of_connection(db, Scope(tenant.project_id, tenant.connection.id))


async def _connection(runtime: Any, tenant: Tenant) -> tenancy.Connection:
    async with runtime.engine.connect() as db:
        found = await tenancy.get_connection(db, project_id=tenant.project_id, connection_id=tenant.connection.id)
    assert found is not None
    return found


def _touch_invoice(sandbox: QuickBooksSandbox, realm: str) -> str:
    row = sandbox.run_query(realm, qbo_query("select * from Invoice"))["Invoice"][0]
    sandbox.write(realm, "Invoice", {"Id": row["Id"], "SyncToken": row["SyncToken"], "sparse": True,
                                     "PrivateNote": f"changed {row['SyncToken']}"})
    return f"Invoice/{row['Id']}"


async def test_a_changed_object_is_polled_sooner_and_a_quiet_one_backs_off(runtime: Any, transports: Any) -> None:
    sandbox, realm, tenant = await _tenant(runtime, transports)
    plans = await _plans(runtime, tenant)
    assert {plans[name].interval for name in OBJECTS} == {60}  # the first pass wrote everything

    for expected in (120, 240, 480, 900, 900):  # quiet passes double the interval, up to 15 min (no notifications)
        await sync_connection(runtime, tenant.connection, objects=OBJECTS)
        plans = await _plans(runtime, tenant)
        assert [plans[name].interval for name in OBJECTS] == [expected, expected]

    _touch_invoice(sandbox, realm)
    await sync_connection(runtime, tenant.connection, objects=OBJECTS)
    plans = await _plans(runtime, tenant)
    assert plans["invoice"].interval == 60 and plans["invoice"].changed_at is not None
    assert plans["tax_rate"].interval == 900
    async with runtime.engine.connect() as db:  # and /sync/status says so
        (entry,) = await status.project_status(db, project_id=tenant.project_id)
    assert entry["objects"]["invoice"]["poll_interval_seconds"] == 60
    assert entry["objects"]["tax_rate"]["next_poll_at"] == plans["tax_rate"].due_at.isoformat()

    # A scheduled sync a minute on polls the invoices only (and objects never polled yet, none here).
    connection = await _connection(runtime, tenant)
    a_minute_on = plans["invoice"].due_at
    async with runtime.engine.connect() as db:
        due = await schedule.due_objects(db, connection, now=a_minute_on)
        assert "invoice" in due and "tax_rate" not in due
        assert str(tenant.connection.id) in {c for _, c in await schedule.due_connections(db, now=a_minute_on)}
        early = a_minute_on - dt.timedelta(seconds=30)
        assert str(tenant.connection.id) not in {c for _, c in await schedule.due_connections(db, now=early)}


async def test_notified_objects_back_off_to_the_pull_frequency_only_while_notifications_flow(
    runtime: Any, transports: Any,
) -> None:
    sandbox, realm, tenant = await _tenant(runtime, transports)
    connection = await _connection(runtime, tenant)
    scope = Scope(tenant.project_id, tenant.connection.id)
    now = dt.datetime.now(dt.UTC)

    async def back_off(passes: int) -> dict[str, int]:
        async with runtime.engine.begin() as db:
            rules = await schedule.policy(db, connection, now=now)
            for _ in range(passes):
                for name in OBJECTS:
                    await schedule.plan(db, scope, name, changed=0, started=now, rules=rules)
        return {name: plan.interval for name, plan in (await _plans(runtime, tenant)).items() if name in OBJECTS}

    assert await back_off(10) == {"invoice": 900, "tax_rate": 900}  # no notifications yet: both stay close

    # A notification is received and applied: notifications flow for this connection.
    notice = Notice(account_id=realm, objects=("invoice",), remote_key=_touch_invoice(sandbox, realm),
                    dedupe_key="test|1")
    await notified.receive(runtime, connection, await notified.claim(runtime, connection, [notice]))
    assert await back_off(10) == {"invoice": 3600, "tax_rate": 900}  # the project's hourly pull; TaxCode: 15 min

    # A smaller pull frequency bounds both.
    async with runtime.engine.begin() as db:
        await schedule.put(db, project_id=tenant.project_id, values={"accounting": 120})
    assert await back_off(1) == {"invoice": 120, "tax_rate": 120}


async def test_pull_frequency_zero_still_disables_scheduled_polls(runtime: Any, transports: Any) -> None:
    _, _, tenant = await _tenant(runtime, transports)
    connection = await _connection(runtime, tenant)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    async with runtime.engine.begin() as db:
        assert str(tenant.connection.id) in {c for _, c in await schedule.due_connections(db, now=later)}
        await schedule.put(db, project_id=tenant.project_id, values={"accounting": 0})
    async with runtime.engine.connect() as db:
        assert str(tenant.connection.id) not in {c for _, c in await schedule.due_connections(db, now=later)}
        assert await schedule.due_objects(db, connection, now=later) == []
    assert await tasks.sync(runtime, project_id=str(tenant.project_id), connection_id=str(tenant.connection.id),
                            scheduled=True) is None


async def test_a_scheduled_job_syncs_only_the_due_objects(runtime: Any, transports: Any) -> None:
    _, _, tenant = await _tenant(runtime, transports)
    scope = Scope(tenant.project_id, tenant.connection.id)
    now = dt.datetime.now(dt.UTC)
    async with runtime.engine.begin() as db:  # everything planned for later, but the invoices due now
        for name, plan in (await poll_schedule.of_connection(db, scope)).items():
            due_at = now - dt.timedelta(seconds=1) if name == "invoice" else now + dt.timedelta(minutes=10)
            await poll_schedule.save(db, scope, name, poll_schedule.Planned(plan.interval, due_at, plan.changed_at))
    report = await tasks.sync(runtime, project_id=str(tenant.project_id), connection_id=str(tenant.connection.id),
                              scheduled=True)
    assert report is not None and set(report.records) == {"invoice"}
