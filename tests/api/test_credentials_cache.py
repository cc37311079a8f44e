"""Resolved API keys and connection tokens are remembered for a moment (store.credentials), never past a change:
a key revoked in this process is refused on the next request; one revoked elsewhere (another process, straight in
the database) within the cache's TTL; an unknown key is never remembered."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
from sqlalchemy import update

from ledgerbridge.api import deps
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import api_keys, tenancy
from ledgerbridge.store.tables import api_keys as api_keys_table
from tests.factories import Tenant


async def _key_id(runtime: Runtime, tenant: Tenant) -> Any:
    async with runtime.engine.connect() as db:
        (key,) = await api_keys.list_api_keys(db, project_id=tenant.project_id)
    return key.id


async def test_a_key_revoked_in_this_process_is_refused_at_once(
    runtime: Runtime, api: httpx.AsyncClient, qbo_tenant: Tenant
) -> None:
    assert (await api.get("/accounting/invoices", headers=qbo_tenant.headers)).status_code == 200
    key_id = await _key_id(runtime, qbo_tenant)
    async with runtime.engine.begin() as db:
        assert await api_keys.revoke_api_key(db, project_id=qbo_tenant.project_id, key_id=key_id)
    assert (await api.get("/accounting/invoices", headers=qbo_tenant.headers)).status_code == 401
    assert (await api.post("/accounting/invoices", headers=qbo_tenant.headers, json={})).status_code == 401


async def test_a_key_revoked_elsewhere_is_refused_within_the_ttl(
    runtime: Runtime, api: httpx.AsyncClient, qbo_tenant: Tenant
) -> None:
    deps.credentials(runtime).ttl = 0.2
    assert (await api.get("/accounting/invoices", headers=qbo_tenant.headers)).status_code == 200
    key_id = await _key_id(runtime, qbo_tenant)
    async with runtime.engine.begin() as db:  # as another process would: nothing here is told
        await db.execute(update(api_keys_table).where(api_keys_table.c.id == str(key_id))
                         .values(revoked_at=dt.datetime.now(dt.UTC)))
    await asyncio.sleep(0.3)
    assert (await api.get("/accounting/invoices", headers=qbo_tenant.headers)).status_code == 401


async def test_a_new_key_works_at_once_and_unknown_keys_are_not_remembered(
    runtime: Runtime, api: httpx.AsyncClient, qbo_tenant: Tenant
) -> None:
    headers = dict(qbo_tenant.headers, **{"x-api-key": "lb_not_yet_a_key"})
    assert (await api.get("/accounting/invoices", headers=headers)).status_code == 401
    async with runtime.engine.begin() as db:
        new_key = await tenancy.create_api_key(db, project_id=qbo_tenant.project_id, name="second")
    headers["x-api-key"] = new_key
    assert (await api.get("/accounting/invoices", headers=headers)).status_code == 200
