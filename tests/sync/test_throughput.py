"""The sync's fast paths: pages read ahead and several at a time, only changes written, deletions confirmed in
batches — each doing the same as the slow path it replaces."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.store import bulk
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tables import events
from ledgerbridge.store.tables import records as records_table
from ledgerbridge.sync.prefetch import prefetched
from ledgerbridge.sync.reconcile import mark_unseen_deleted
from tests.factories import quickbooks_tenant


class CountingTransport(httpx.AsyncBaseTransport):
    """The sandbox, counting the QBO queries it is sent."""

    def __init__(self, app: Any) -> None:
        self.inner = httpx.ASGITransport(app=app)
        self.queries: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/query"):
            self.queries.append(request.url.params.get("query", ""))
        return await self.inner.handle_async_request(request)


# --- reading ahead ------------------------------------------------------------------------------------------------


async def test_prefetch_keeps_order_and_stays_bounded() -> None:
    produced: list[int] = []

    async def source() -> AsyncIterator[int]:
        for i in range(10):
            produced.append(i)
            yield i

    seen = []
    async for item in prefetched(source(), 2):
        for _ in range(5):  # let the producer run as far as it can
            await asyncio.sleep(0)
        # at most `ahead` waiting in the queue, plus one the producer holds while it waits for room
        assert len(produced) - len(seen) <= 2 + 2
        seen.append(item)
    assert seen == list(range(10))


async def test_prefetch_raises_a_source_failure_after_the_pages_before_it() -> None:
    async def source() -> AsyncIterator[int]:
        yield 1
        yield 2
        raise RuntimeError("provider down")

    seen = []
    with pytest.raises(RuntimeError, match="provider down"):
        async for item in prefetched(source(), 3):
            seen.append(item)
    assert seen == [1, 2]


async def test_prefetch_closes_the_source_when_the_consumer_stops() -> None:
    closed = asyncio.Event()

    async def source() -> AsyncIterator[int]:
        try:
            for i in range(1000):
                yield i
        finally:
            closed.set()

    stream = prefetched(source(), 2)
    async for item in stream:
        if item == 3:
            break
    await stream.aclose()
    assert closed.is_set()


async def test_quickbooks_pages_by_keyset_same_records(runtime: Any, transports: dict[str, Any]) -> None:
    """Small pages list what one big page lists, in the same order, by keyset (never by position alone)."""
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    sandbox.seed_invoices(realm, 60)
    transport = CountingTransport(create_app(sandbox))
    transports["quickbooks"] = transport
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    connector = runtime.connector(tenant.connection)
    whole = [r.remote_key async for page in connector.pages("invoice", None) for r in page]
    connector.page_size = 7
    transport.queries.clear()
    paged = [r.remote_key async for page in connector.pages("invoice", None) for r in page]
    assert paged == whole
    assert transport.queries and all("orderby MetaData.LastUpdatedTime, Id" in q for q in transport.queries)
    assert not [q for q in transport.queries if "count(*)" in q]  # a keyset needs no count
    # Each page after the first reads the last row of the one before again (>= its second): 6 new rows a page.
    assert len(transport.queries) <= len(whole) // 6 + 4


# --- only changes written ----------------------------------------------------------------------------------------


async def test_ingest_writes_only_what_changed(runtime: Any, transports: dict[str, Any]) -> None:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    items = [i async for page in runtime.connector(tenant.connection).pages("invoice", None) for i in page]
    scope = Scope(tenant.project_id, tenant.connection.id)
    first = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)

    async with runtime.engine.begin() as db:
        created = await bulk.ingest(db, scope, items, now=first)
    assert Counter(u.change for u in created.changed) == {"created": len(items)}
    assert created.changed[0].row.created_at == first and created.changed[0].row.remote_data

    # Same records again: nothing written, only seen.
    second = first + dt.timedelta(hours=1)
    async with runtime.engine.begin() as db:
        again = await bulk.ingest(db, scope, items, now=second)
    assert (again.changed, again.rewritten, again.unchanged) == ([], 0, len(items))

    # One record's data changed, one a new provider version with the same unified data, one deleted.
    third = second + dt.timedelta(hours=1)
    edited = dataclasses.replace(items[0], data=items[0].data.model_copy(update={"memo": "edited"}))
    bumped = dataclasses.replace(items[1], remote_data={**(items[1].remote_data or {}), "SyncToken": "99"},
                                 remote_updated_at=third)
    gone = dataclasses.replace(items[2], deleted=True)
    async with runtime.engine.begin() as db:
        changed = await bulk.ingest(db, scope, [edited, bumped, gone, *items[3:]], now=third)
    assert {(u.row.remote_id, u.change, u.row.deleted) for u in changed.changed} == {
        (items[0].remote_id, "updated", False), (items[2].remote_id, "updated", True)}
    assert (changed.rewritten, changed.unchanged) == (1, len(items) - 3)

    async with runtime.engine.connect() as db:
        rows = {r.remote_key: r for r in (await db.execute(select(records_table).where(
            records_table.c.project_id == str(scope.project_id),
            records_table.c.connection_id == str(scope.connection_id)))).all()}
    assert all(r.last_seen_at == third for r in rows.values())
    assert rows[items[0].remote_key].modified_at == third and rows[items[2].remote_key].deleted
    assert rows[items[1].remote_key].modified_at == first  # only its provider version moved
    assert '"SyncToken":"99"' in rows[items[1].remote_key].remote_data
    assert rows[items[1].remote_key].remote_updated_at == third
    assert all(rows[i.remote_key].modified_at == first for i in items[3:])
    assert all(rows[i.remote_key].created_at == first for i in items)


# --- deletions confirmed in batches ------------------------------------------------------------------------------


async def test_reconcile_asks_for_candidates_in_batches(runtime: Any, transports: dict[str, Any]) -> None:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    sandbox.seed_invoices(realm, 450)
    transport = CountingTransport(create_app(sandbox))
    transports["quickbooks"] = transport
    tenant = await quickbooks_tenant(runtime, sandbox, realm)
    scope = Scope(tenant.project_id, tenant.connection.id)
    live = [r[0] for r in sandbox.store.select(
        "SELECT id FROM entities WHERE realm=? AND entity='Invoice' AND deleted=0 ORDER BY num", [realm])]
    victims = []
    for entity_id in live[::37]:
        doc = sandbox.read(realm, "Invoice", entity_id)
        if not any(t.get("TxnType") == "Payment" for t in doc.get("LinkedTxn", [])):
            sandbox.write(realm, "Invoice", {"Id": entity_id, "SyncToken": doc["SyncToken"]}, operation="delete")
            victims.append(f"Invoice/{entity_id}")
    assert len(victims) > 5
    # As if a full pass had listed none of them (offset pages can skip rows): every invoice is a candidate.
    long_ago = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    async with runtime.engine.begin() as db:
        await db.execute(update(records_table).where(
            records_table.c.connection_id == str(tenant.connection.id),
            records_table.c.object_type == "invoice").values(last_seen_at=long_ago))
        candidates = (await db.execute(select(records_table.c.remote_key).where(
            records_table.c.connection_id == str(tenant.connection.id),
            records_table.c.object_type == "invoice"))).scalars().all()
    transport.queries.clear()
    deleted = await mark_unseen_deleted(runtime, runtime.connector(tenant.connection), scope, "invoice",
                                        seen_since=dt.datetime.now(dt.UTC))
    by_id = [q for q in transport.queries if " in (" in q.lower() and "payment" not in q.lower()]
    assert len(candidates) > 450
    # 200 candidates a batch, one query per entity (Invoice, Bill) in it: never one call per candidate.
    assert len(by_id) <= 2 * -(-len(candidates) // 200)
    assert len(transport.queries) < len(candidates) / 20
    assert deleted == len(victims)
    async with runtime.engine.connect() as db:
        rows = (await db.execute(select(records_table.c.remote_key, records_table.c.deleted).where(
            records_table.c.connection_id == str(tenant.connection.id),
            records_table.c.object_type == "invoice"))).all()
        deleted_events = (await db.execute(select(events.c.id).where(
            events.c.project_id == str(tenant.project_id), events.c.type == "accounting.invoice.deleted"))).all()
    assert {r.remote_key for r in rows if r.deleted} == set(victims)
    assert len(deleted_events) == len(victims)


async def test_fetch_many_default_and_quickbooks_agree(runtime: Any, transports: dict[str, Any]) -> None:
    from ledgerbridge.connectors.base import Connector

    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    connector = runtime.connector(tenant.connection)
    for name in ("invoice", "contact", "address"):
        keys = [r.remote_key async for page in connector.pages(name, None) for r in page]
        asked = [*keys, "Invoice/999999" if name == "invoice" else "Customer/999999", "garbage"]
        batched = await connector.fetch_many(name, asked)
        one_by_one = await Connector.fetch_many(connector, name, asked)
        assert set(batched) == set(keys), name
        assert {k: r.data for k, r in batched.items()} == {k: r.data for k, r in one_by_one.items()}, name


async def test_xero_fetch_many_uses_ids_and_agrees_with_fetch(runtime: Any, transports: dict[str, Any]) -> None:
    from ledgerbridge.connectors.base import Connector
    from ledgerbridge.connectors.xero.spec import sandbox_credentials as xero_credentials
    from ledgerbridge.sandbox.xero import XeroSandbox
    from ledgerbridge.sandbox.xero import create_app as create_xero_app
    from tests.factories import connected_tenant

    sandbox = XeroSandbox()
    tenant_id = sandbox.create_tenant()
    sandbox.seed_demo(tenant_id)
    calls: Counter[str] = Counter()

    class Counting(httpx.AsyncBaseTransport):
        inner = httpx.ASGITransport(app=create_xero_app(sandbox))

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            calls["IDs" if "IDs" in request.url.params else "other"] += 1
            return await self.inner.handle_async_request(request)

    transports["xero"] = Counting()
    tenant = await connected_tenant(runtime, provider="xero", account_id=tenant_id, sync=False,
                                    credentials=xero_credentials(sandbox, tenant_id, "http://xero"))
    connector = runtime.connector(tenant.connection)
    for name in ("invoice", "contact"):
        keys = [r.remote_key async for page in connector.pages(name, None) for r in page]
        asked = [*keys, "00000000-0000-0000-0000-000000000000"]
        calls.clear()
        batched = await connector.fetch_many(name, asked)
        assert calls["IDs"] == -(-len(asked) // 50), name
        one_by_one = await Connector.fetch_many(connector, name, asked)
        assert set(batched) == set(keys), name
        assert {k: r.data for k, r in batched.items()} == {k: r.data for k, r in one_by_one.items()}, name
