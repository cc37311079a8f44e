"""A write that cannot get the provider's quota in time answers 429 at once, having sent nothing (issue 15).

Driven against the Xero sandbox at a quota low enough to run out in a burst: the creates beyond it come back
within the configured wait (plus slack) with a ``Retry-After`` the quota computed, create nothing at Xero, and
succeed when retried with the same ``Idempotency-Key`` after that time.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.quota import Quota
from ledgerbridge.connectors.xero import pacing
from ledgerbridge.connectors.xero.spec import sandbox_credentials
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.xero import XeroSandbox, create_app
from ledgerbridge.settings import Settings
from tests.factories import Tenant, api_client, connected_tenant, first
from tests.providers import TEST_EGRESS

SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
WAIT = 2.0  # write_quota_wait_seconds for these tests
SLACK = 5.0  # what a request may take beyond WAIT: the provider call itself, the store (loose on purpose)
UNLIMITED = 10**9


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> XeroSandbox:
    sandbox = XeroSandbox()
    sandbox.limiter.per_minute = sandbox.limiter.per_day = UNLIMITED  # setup (seed, first sync) is not the test
    # Xero's pacer spaces calls once fewer than 5 of its 60 are left; at a quota of 3 it would hold every call.
    monkeypatch.setattr(pacing, "LOW_WATER", 0)
    return sandbox


@pytest.fixture
def transports(sandbox: XeroSandbox) -> dict[str, httpx.AsyncBaseTransport]:
    return {"xero": httpx.ASGITransport(app=create_app(sandbox))}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, secret_key=SECRET, egress_allow_networks=TEST_EGRESS,
                    write_quota_wait_seconds=WAIT)


@pytest.fixture
async def xero(runtime: Runtime, sandbox: XeroSandbox) -> AsyncIterator[tuple[Tenant, str, httpx.AsyncClient]]:
    tenant_id = sandbox.create_tenant()
    sandbox.seed_demo(tenant_id)
    credentials = {**sandbox_credentials(sandbox, tenant_id, "http://xero"), "rate_per_minute": UNLIMITED}
    tenant = await connected_tenant(runtime, provider="xero", credentials=credentials, account_id=tenant_id)
    async with api_client(runtime) as api:
        yield tenant, tenant_id, api


async def invoice_body(api: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    customer = await first(api, tenant, "/accounting/contacts", is_customer=True)
    sales = await first(api, tenant, "/accounting/accounts", classification="REVENUE")
    # With its account given, a Xero create is one call (PUT /Invoices): no lookup of a default account.
    return {"type": "ACCOUNTS_RECEIVABLE", "number": f"Q-{uuid.uuid4().hex[:8]}", "contact_id": customer["id"],
            "line_items": [{"description": "Quota line", "quantity": 1, "unit_price": "10.00",
                            "account_id": sales["id"]}]}


async def timed_create(api: httpx.AsyncClient, tenant: Tenant, body: dict[str, Any], key: str
                       ) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = await api.post("/accounting/invoices", json=body, headers={**tenant.headers, "Idempotency-Key": key})
    return response, time.monotonic() - started


async def test_a_burst_beyond_our_quota_answers_429_fast_sends_nothing_and_succeeds_after_retry_after(
    runtime: Runtime, sandbox: XeroSandbox, xero: tuple[Tenant, str, httpx.AsyncClient],
) -> None:
    tenant, tenant_id, api = xero
    body = await invoice_body(api, tenant)
    # The tenant's quota, ours and Xero's alike: 3 calls in any 6 s (Xero's 60 a minute, shrunk to run fast).
    budget = runtime.http.budget("xero", tenant_id, per_minute=UNLIMITED, concurrent=5)
    budget.quota = Quota(limit=3, window=6.0)
    sandbox.limiter.per_minute, sandbox.limiter.minute_s = 3, 6.0
    sandbox.limiter.reset()
    before = sandbox.count(tenant_id, "Invoices")

    bodies = [{**body, "number": f"Q-{uuid.uuid4().hex[:8]}"} for _ in range(6)]
    keys = [str(uuid.uuid4()) for _ in bodies]
    answers = await asyncio.gather(*(timed_create(api, tenant, b, k) for b, k in zip(bodies, keys, strict=True)))

    created = [i for i, (r, _) in enumerate(answers) if r.status_code == 201]
    refused = [i for i, (r, _) in enumerate(answers) if r.status_code != 201]
    assert len(created) == 3, [r.text for r, _ in answers]  # one provider call per Xero create
    assert sandbox.count(tenant_id, "Invoices") == before + 3  # the refused ones sent nothing
    for i in refused:
        response, took = answers[i]
        assert response.status_code == 429, response.text
        assert took < WAIT + SLACK
        error = response.json()
        assert error["statusCode"] == 429 and error["error"] == "Too Many Requests"
        assert "nothing was written at xero" in error["message"]
        retry_after = int(response.headers["Retry-After"])
        assert 1 <= retry_after <= 7  # the next free slot: the 6 s window (+ margin) of the first calls
        assert error["retry_after"] == retry_after

    # Retried after Retry-After with the same key: the key was freed, and the quota has room again.
    await asyncio.sleep(max(int(answers[i][0].headers["Retry-After"]) for i in refused))
    for i in refused[:3]:
        response, _ = await timed_create(api, tenant, bodies[i], keys[i])
        assert response.status_code == 201, response.text
        assert response.headers.get("Idempotent-Replayed") is None
    assert sandbox.count(tenant_id, "Invoices") == before + 6


async def test_a_provider_429_asking_longer_than_the_wait_comes_back_at_once_with_its_retry_after(
    runtime: Runtime, sandbox: XeroSandbox, xero: tuple[Tenant, str, httpx.AsyncClient],
) -> None:
    tenant, tenant_id, api = xero
    body = await invoice_body(api, tenant)
    # Our budget is lifted; Xero's own minute (3 calls) runs out, and Xero asks for up to a minute's wait.
    sandbox.limiter.per_minute, sandbox.limiter.minute_s = 3, 60.0
    sandbox.limiter.reset()
    before = sandbox.count(tenant_id, "Invoices")
    answers = [await timed_create(api, tenant, {**body, "number": f"Q-{uuid.uuid4().hex[:8]}"}, str(uuid.uuid4()))
               for _ in range(4)]
    assert [r.status_code for r, _ in answers] == [201, 201, 201, 429]
    response, took = answers[-1]
    assert took < WAIT + SLACK  # not the minute Xero asked for
    assert 50 <= int(response.headers["Retry-After"]) <= 60  # Xero's own Retry-After, passed on
    assert response.json()["provider"]["name"] == "xero"
    assert sandbox.count(tenant_id, "Invoices") == before + 3


async def test_reads_still_wait_for_the_quota(
    runtime: Runtime, sandbox: XeroSandbox, xero: tuple[Tenant, str, httpx.AsyncClient],
) -> None:
    """A sync (background work, no deadline) waits for the next slot rather than failing."""
    from ledgerbridge.sync.engine import sync_connection

    tenant, tenant_id, _api = xero
    budget = runtime.http.budget("xero", tenant_id, per_minute=UNLIMITED, concurrent=5)
    budget.quota = Quota(limit=5, window=1.0)
    started = time.monotonic()
    await sync_connection(runtime, tenant.connection)  # a Xero sync makes more than 5 calls
    assert time.monotonic() - started > 1.0  # it waited for the window to roll on, and did not fail
