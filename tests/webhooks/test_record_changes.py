"""A sync page's changes become events and outbox rows in bulk (``events.record_changes``): one event with its
own id per change, one outbox row per subscribed active endpoint, all in the page's transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from ledgerbridge import wire
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.store import bulk, events, webhooks
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tables import events as events_table
from ledgerbridge.store.tables import webhook_deliveries
from tests.factories import quickbooks_tenant


async def _tenant_with_invoices(runtime: Any, transports: dict[str, Any]) -> tuple[Any, list[Any]]:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    sandbox.seed_invoices(realm, 30)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    items = [i async for page in runtime.connector(tenant.connection).pages("invoice", None) for i in page]
    return tenant, items


@pytest.fixture
async def cleanup(runtime: Any) -> AsyncIterator[list[tuple[uuid.UUID, uuid.UUID]]]:
    """Endpoints made here are deleted afterwards, their outbox rows with them: the dispatcher serves every
    project of the (session-wide) database, and other tests count what it delivers."""
    made: list[tuple[uuid.UUID, uuid.UUID]] = []
    yield made
    async with runtime.engine.begin() as db:
        for project_id, endpoint_id in made:
            await webhooks.delete_endpoint(db, project_id=project_id, endpoint_id=endpoint_id)


async def _endpoint(runtime: Any, made: list[tuple[uuid.UUID, uuid.UUID]], project_id: uuid.UUID, scope: list[str],
                    *, active: bool = True) -> uuid.UUID:
    async with runtime.engine.begin() as db:
        endpoint = await webhooks.create_endpoint(db, runtime.sealer, project_id=project_id, url="http://r.test/h",
                                                  description=None, scope=scope, secret="s3cret")
        if not active:
            await webhooks.set_active(db, project_id=project_id, endpoint_id=endpoint.id, active=False)
    made.append((project_id, endpoint.id))
    return endpoint.id


async def test_each_change_one_event_and_one_row_per_subscribed_endpoint(
    runtime: Any, transports: dict[str, Any], cleanup: list[tuple[uuid.UUID, uuid.UUID]]
) -> None:
    tenant, items = await _tenant_with_invoices(runtime, transports)
    project = tenant.project_id
    invoices = await _endpoint(runtime, cleanup, project, ["accounting.invoice.*"])
    everything = await _endpoint(runtime, cleanup, project, ["*"])
    await _endpoint(runtime, cleanup, project, ["accounting.contact.created"])  # subscribed to nothing here
    await _endpoint(runtime, cleanup, project, ["*"], active=False)
    scope = Scope(project, tenant.connection.id)
    async with runtime.engine.begin() as db:
        stored = await bulk.ingest(db, scope, items, now=dt.datetime.now(dt.UTC))
        ids = await events.record_changes(db, project_id=project, connection_id=tenant.connection.id,
                                          upserted=stored.changed)
    assert len(ids) == len(set(ids)) == len(items) > 30

    async with runtime.engine.connect() as db:
        logged = (await db.execute(select(events_table).where(
            events_table.c.project_id == str(project), events_table.c.type.like("accounting.%")))).all()
        outbox = (await db.execute(select(webhook_deliveries).where(
            webhook_deliveries.c.project_id == str(project),
            webhook_deliveries.c.event_type.like("accounting.%")))).all()
    assert {uuid.UUID(e.id) for e in logged} == set(ids)
    assert {e.type for e in logged} == {"accounting.invoice.created"}
    assert all(e.connection_id == str(tenant.connection.id) and e.status == "success" for e in logged)
    by_record = {wire.loads(e.detail)["id"]: e.id for e in logged}
    assert set(by_record) == {str(u.id) for u in stored.changed}

    assert Counter(row.endpoint_id for row in outbox) == {str(invoices): len(ids), str(everything): len(ids)}
    for row in outbox:
        body = wire.loads(row.payload)
        assert body["id_event"] == row.event_id and uuid.UUID(row.event_id) in ids
        assert body["type"] == row.event_type == "accounting.invoice.created"
        assert by_record[body["data"]["id"]] == row.event_id  # the event's own record, as the API serves it
        assert "remote_data" not in body["data"] and "s3cret" not in row.payload
        assert row.status == webhooks.PENDING and row.attempts == 0


async def test_a_failed_page_leaves_no_event_and_no_outbox_row(
    runtime: Any, transports: dict[str, Any], cleanup: list[tuple[uuid.UUID, uuid.UUID]]
) -> None:
    tenant, items = await _tenant_with_invoices(runtime, transports)
    await _endpoint(runtime, cleanup, tenant.project_id, ["*"])
    scope = Scope(tenant.project_id, tenant.connection.id)
    with pytest.raises(RuntimeError):
        async with runtime.engine.begin() as db:
            stored = await bulk.ingest(db, scope, items, now=dt.datetime.now(dt.UTC))
            await events.record_changes(db, project_id=tenant.project_id, connection_id=tenant.connection.id,
                                        upserted=stored.changed)
            raise RuntimeError("checkpoint failed")
    async with runtime.engine.connect() as db:
        assert (await db.execute(select(events_table.c.id).where(
            events_table.c.project_id == str(tenant.project_id), events_table.c.type.like("accounting.%")))).all() == []
        assert (await db.execute(select(webhook_deliveries.c.id).where(
            webhook_deliveries.c.project_id == str(tenant.project_id)))).all() == []
