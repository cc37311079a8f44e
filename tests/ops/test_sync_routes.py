"""The sync endpoints (status, resync, pull frequencies) and the operations surface (/metrics, request ids)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import pytest

from ledgerbridge import log_config, metrics
from ledgerbridge.api import create_app
from ledgerbridge.jobs import jobs_for
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sandbox.quickbooks import create_app as sandbox_app
from ledgerbridge.settings import Settings
from tests.conftest import SECRET
from tests.factories import quickbooks_tenant

METRICS_TOKEN = "metrics-token-for-tests"
SCRAPE = {"Authorization": f"Bearer {METRICS_TOKEN}"}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, secret_key=SECRET, metrics_token=METRICS_TOKEN)


async def _setup(runtime: Any, transports: dict[str, Any]) -> tuple[httpx.AsyncClient, Any]:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm, invoices=2)
    transports["quickbooks"] = httpx.ASGITransport(app=sandbox_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm)
    app = create_app(runtime)  # installs the metrics middleware and /metrics
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://lb"), tenant


async def test_pull_frequencies_and_status(runtime: Any, transports: dict[str, Any]) -> None:
    api, tenant = await _setup(runtime, transports)
    key = {"x-api-key": tenant.api_key}
    async with api:
        assert (await api.get("/sync/pull_frequencies", headers=key)).json()["accounting"] == 3600
        bad = await api.post("/sync/pull_frequencies", headers=key, json={"accounting": -1, "sales": 5})
        assert bad.status_code == 422
        assert {e["field"] for e in bad.json()["errors"]} == {"accounting", "sales"}
        ok = await api.post("/sync/pull_frequencies", headers=key, json={"accounting": 900})
        assert ok.status_code == 201 and ok.json()["accounting"] == 900 and ok.json()["crm"] == 1800
        assert (await api.get("/sync/pull_frequencies", headers=key)).json()["accounting"] == 900
        assert (await api.get("/sync/pull_frequencies")).status_code == 401

        status = (await api.get("/sync/status/accounting", headers=tenant.headers)).json()
        [entry] = status["connections"]
        assert entry["status"] == "success" and entry["objects"]["invoice"]["records"] > 0
        assert (await api.get("/sync/status/payroll", headers=key)).status_code == 422
        foreign = await api.get("/sync/status/accounting", headers={**key, "x-connection-token": "ct_nope"})
        assert foreign.status_code == 404


async def test_resync_queues_a_full_sync(runtime: Any, transports: dict[str, Any]) -> None:
    api, tenant = await _setup(runtime, transports)
    async with api:
        answer = await api.post("/sync/resync", headers=tenant.headers)
        assert answer.status_code == 201
        body = answer.json()
        assert body["provider"] == "quickbooks" and body["status"] == "success"
        assert body["connections"] == [str(tenant.connection.id)]
        unknown_token = {**tenant.headers, "x-connection-token": "x"}
        assert (await api.post("/sync/resync", headers=unknown_token)).status_code == 404
    await jobs_for(runtime).aclose()


async def test_metrics_and_request_ids(runtime: Any, transports: dict[str, Any], caplog: Any) -> None:
    api, tenant = await _setup(runtime, transports)
    metrics.provider_call("quickbooks", 429)
    metrics.WEBHOOK_FAILURES.inc()
    async with api:
        listed = await api.get("/accounting/invoices", headers={**tenant.headers, "x-request-id": "abc123"})
        assert listed.headers["x-request-id"] == "abc123"
        assert len((await api.get("/health")).headers["x-request-id"]) == 32
        text = (await api.get("/metrics", headers=SCRAPE)).text
    assert 'ledgerbridge_request_seconds_count{method="GET",route="/accounting/invoices",status="200"}' in text
    assert 'ledgerbridge_provider_calls_total{provider="quickbooks",status="429"}' in text
    assert "ledgerbridge_webhook_failures_total" in text
    assert f'ledgerbridge_sync_lag_seconds{{connection_id="{tenant.connection.id}",provider="quickbooks"}}' in text
    assert "ledgerbridge_sync_records_total" in text


async def test_metrics_need_their_own_token(runtime: Any, transports: dict[str, Any]) -> None:
    api, tenant = await _setup(runtime, transports)
    async with api:
        non_ascii = {"Authorization": "Bearer ünïcode".encode("latin-1")}
        for headers in ({}, tenant.headers, {"Authorization": "Bearer wrong"}, {"Authorization": METRICS_TOKEN},
                        {"Authorization": f"Basic {METRICS_TOKEN}"}, non_ascii):
            refused = await api.get("/metrics", headers=headers)
            assert refused.status_code == 401, headers
            assert str(tenant.connection.id) not in refused.text
        assert (await api.get("/metrics", headers=SCRAPE)).status_code == 200


async def test_metrics_are_absent_without_a_configured_token(
    runtime: Any, transports: dict[str, Any], tmp_path: Path
) -> None:
    runtime.settings = Settings(data_dir=tmp_path, secret_key=SECRET)
    api, tenant = await _setup(runtime, transports)
    async with api:
        for headers in ({}, tenant.headers, {"Authorization": "Bearer "}):
            refused = await api.get("/metrics", headers=headers)
            assert refused.status_code == 404
            assert str(tenant.connection.id) not in refused.text


def test_json_logs_redact_secrets() -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "key %s token %s", (
        "lb_" + "a" * 40, "Bearer eyJabcdefghijkl"), None)
    token = log_config.REQUEST_ID.set("rid-1")
    try:
        log_config.Redact().filter(record)
    finally:
        log_config.REQUEST_ID.reset(token)
    line = log_config.formatter("json").format(record)
    assert "aaaa" not in line and "eyJabc" not in line
    assert '"request_id": "rid-1"' in line
