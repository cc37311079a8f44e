"""``store.bulk.upsert`` (the sync's ingest path) stores exactly what ``records.upsert`` stores."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import httpx
from sqlalchemy import select

from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.store import bulk, records
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tables import records as records_table
from tests.factories import quickbooks_tenant

COMPARED = ("id", "remote_id", "remote_key", "data", "data_hash", "remote_data", "remote_updated_at", "deleted",
            "status", "kind", "contact_id", "issued_at", "created_at", "modified_at", "last_seen_at")


async def _rows(runtime: Any, scope: Scope) -> dict[str, tuple[Any, ...]]:
    async with runtime.engine.connect() as db:
        rows = (await db.execute(select(records_table).where(
            records_table.c.project_id == str(scope.project_id),
            records_table.c.connection_id == str(scope.connection_id)))).all()
    return {r.remote_key: tuple(getattr(r, c) for c in COMPARED if c != "id") for r in rows}


async def test_bulk_upsert_matches_records_upsert(runtime: Any, transports: dict[str, Any]) -> None:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    one = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    two = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    connector = runtime.connector(one.connection)
    items = [item async for page in connector.pages("invoice", None) for item in page]
    assert len(items) > 5
    first = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    later = first + dt.timedelta(hours=1)
    a, b = Scope(one.project_id, one.connection.id), Scope(two.project_id, two.connection.id)
    changed = [dataclasses.replace(items[0], deleted=True), *items[1:]]

    for scope, upsert in ((a, records.upsert), (b, bulk.upsert)):
        async with runtime.engine.begin() as db:
            await upsert(db, scope, items, now=first)
        async with runtime.engine.begin() as db:  # one change, the rest unchanged: only its modified_at moves
            await upsert(db, scope, changed, now=later)

    got_a, got_b = await _rows(runtime, a), await _rows(runtime, b)
    assert got_a == got_b
    modified = {key: row[COMPARED.index("modified_at") - 1] for key, row in got_b.items()}
    assert modified[items[0].remote_key] == later
    assert all(modified[i.remote_key] == first for i in items[1:])


async def test_bulk_upsert_rolls_back_with_its_transaction(runtime: Any, transports: dict[str, Any]) -> None:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    items = [item async for page in runtime.connector(tenant.connection).pages("invoice", None) for item in page]
    scope = Scope(tenant.project_id, tenant.connection.id)
    try:
        async with runtime.engine.begin() as db:
            await bulk.upsert(db, scope, items, now=dt.datetime.now(dt.UTC))
            raise RuntimeError("page failed")
    except RuntimeError:
        pass
    assert await _rows(runtime, scope) == {}



async def test_an_older_version_never_replaces_a_newer_one(runtime: Any, transports: dict[str, Any]) -> None:
    # A poll's page read before a notification's fetch stored a newer version arrives after it: it must not put
    # the older version back (nor report a change); the record counts as seen.
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    listed = [i async for page in runtime.connector(tenant.connection).pages("invoice", None) for i in page]
    item = listed[0]
    scope = Scope(tenant.project_id, tenant.connection.id)
    at = dt.datetime(2030, 1, 1, 12, tzinfo=dt.UTC)
    newer = dataclasses.replace(item, remote_updated_at=at, data=item.data.model_copy(update={"memo": "newer"}))
    older = dataclasses.replace(item, remote_updated_at=at - dt.timedelta(seconds=1),
                                data=item.data.model_copy(update={"memo": "older"}))
    async with runtime.engine.begin() as db:
        await bulk.ingest(db, scope, [newer], now=at)
    async with runtime.engine.begin() as db:
        late = await bulk.ingest(db, scope, [older], now=at + dt.timedelta(minutes=1))
    assert (late.stale, late.changed, late.rewritten) == (1, [], 0)
    row = (await _rows(runtime, scope))[item.remote_key]
    assert '"newer"' in row[COMPARED.index("data") - 1]
    assert row[COMPARED.index("last_seen_at") - 1] == at + dt.timedelta(minutes=1)

    newest = dataclasses.replace(newer, remote_updated_at=at + dt.timedelta(seconds=1),
                                 data=item.data.model_copy(update={"memo": "newest"}))
    async with runtime.engine.begin() as db:
        moved = await bulk.ingest(db, scope, [newest], now=at + dt.timedelta(minutes=2))
    assert [c.change for c in moved.changed] == ["updated"]
    assert '"newest"' in (await _rows(runtime, scope))[item.remote_key][COMPARED.index("data") - 1]
