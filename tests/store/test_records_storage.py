"""Migration 0007: on PostgreSQL a record seen again unchanged is updated in place (a "HOT" update: no index
entry written), because records pages keep room for it; on SQLite nothing changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.store import bulk
from ledgerbridge.store.records import Scope
from tests.factories import quickbooks_tenant


async def test_records_table_keeps_room_for_in_place_updates(runtime: Any) -> None:
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL storage setting")
    async with runtime.engine.connect() as db:
        options = (await db.execute(text("SELECT reloptions FROM pg_class WHERE relname = 'records'"))).scalar_one()
        lz4 = (await db.execute(text(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"))).scalar_one()
        methods = dict((await db.execute(text(
            "SELECT attname, attcompression::text FROM pg_attribute WHERE attrelid = 'records'::regclass "
            "AND attname IN ('data', 'remote_data')"))).all())
    assert "fillfactor=50" in options
    if lz4:
        assert methods == {"data": "l", "remote_data": "l"}


async def test_seeing_records_again_does_not_touch_indexes(runtime: Any, transports: dict[str, Any]) -> None:
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("HOT updates are PostgreSQL's")
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    sandbox.seed_invoices(realm, 200)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    items = [i async for page in runtime.connector(tenant.connection).pages("invoice", None) for i in page]
    scope = Scope(tenant.project_id, tenant.connection.id)
    first = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    async with runtime.engine.begin() as db:
        await bulk.ingest(db, scope, items, now=first)
    async with runtime.engine.begin() as db:
        seen = await bulk.ingest(db, scope, items, now=first + dt.timedelta(hours=1))
        # This transaction's own counters: how many rows it updated, and how many of those in place.
        updated, in_place = (await db.execute(text(
            "SELECT pg_stat_get_xact_tuples_updated('records'::regclass), "
            "pg_stat_get_xact_tuples_hot_updated('records'::regclass)"))).one()
    assert seen.unchanged == len(items) > 200
    assert updated == len(items)
    # Packed pages (the default) manage almost none in place; other tests' rows may share a few pages here.
    assert in_place >= 0.8 * updated
