"""Each connection's lag, in ``GET /sync/status`` and as a Prometheus gauge, with its notifications."""

from __future__ import annotations

from typing import Any

import httpx
from prometheus_client import REGISTRY

from ledgerbridge.runtime import Runtime
from tests.factories import Tenant
from tests.notifications.test_inbound import VERIFIER, first_invoice, legacy_body, post_qbo, qbo, set_key
from tests.providers import QuickBooksHarness

__all__ = ["qbo"]


async def _status(api: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    answer = await api.get("/sync/status/accounting", headers=tenant.headers)
    assert answer.status_code == 200, answer.text
    return answer.json()["connections"][0]  # type: ignore[no-any-return]


async def test_lag_and_notifications_in_sync_status_and_the_gauge(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant]
) -> None:
    harness, tenant = qbo
    entry = await _status(api, tenant)
    assert entry["notifications"] is None
    assert 0 <= entry["lag_seconds"] < 60  # just synced
    gauge = REGISTRY.get_sample_value("ledgerbridge_connection_lag_seconds",
                                      {"connection_id": str(tenant.connection.id), "provider": "quickbooks"})
    assert gauge is not None and abs(gauge - entry["lag_seconds"]) < 0.01

    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    invoice = first_invoice(harness)
    body = legacy_body(harness.realm, "Invoice", invoice["Id"], "Update")
    assert (await post_qbo(api, path, body)).status_code == 200
    entry = await _status(api, tenant)
    assert entry["notifications"]["pending"] == 0 and entry["notifications"]["applied_last_24h"] == 1
    assert entry["notifications"]["last_received_at"] is not None
    assert entry["lag_seconds"] < 5  # in step as of that notification
