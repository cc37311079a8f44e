"""``?dry_run=true``: every check, every problem at once, nothing written anywhere."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select

from ledgerbridge.runtime import Runtime
from ledgerbridge.store.tables import events, idempotency_keys
from tests.factories import Tenant, first
from tests.providers import QuickBooksHarness


async def _counts(runtime: Runtime, qbo: QuickBooksHarness, tenant: Tenant) -> tuple[int, ...]:
    async with runtime.engine.connect() as db:
        n_events = (await db.execute(select(func.count()).select_from(events).where(
            events.c.project_id == str(tenant.project_id)))).scalar_one()
        n_keys = (await db.execute(select(func.count()).select_from(idempotency_keys))).scalar_one()
    return await qbo.invoice_count(), n_events, n_keys


async def test_a_valid_create_is_checked_and_not_written(
    api: httpx.AsyncClient, runtime: Runtime, qbo: QuickBooksHarness, qbo_tenant: Tenant
) -> None:
    customer = await first(api, qbo_tenant, "/accounting/contacts", is_customer=True)
    body: dict[str, Any] = {"type": "Sales", "contact_id": customer["id"], "currency": "USD",
                            "accounting_period_id": customer["id"],
                            "line_items": [{"description": "Work", "quantity": 1, "unit_price": 10}]}
    before = await _counts(runtime, qbo, qbo_tenant)
    response = await api.post("/accounting/invoices", headers={**qbo_tenant.headers, "Idempotency-Key": "k1"},
                              params={"dry_run": "true"}, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["valid"] is True and response.json()["dry_run"] is True
    # QBO has no accounting periods: the capability matrix says so, and the dry run warns.
    assert [w["field"] for w in response.json()["warnings"]] == ["accounting_period_id"]
    assert await _counts(runtime, qbo, qbo_tenant) == before
    # The same Idempotency-Key is still free for the real request.
    real = await api.post("/accounting/invoices", headers={**qbo_tenant.headers, "Idempotency-Key": "k1"}, json=body)
    assert real.status_code == 201, real.text


async def test_every_problem_is_reported_at_once(
    api: httpx.AsyncClient, runtime: Runtime, qbo: QuickBooksHarness, qbo_tenant: Tenant
) -> None:
    vendor = await first(api, qbo_tenant, "/accounting/contacts", is_supplier=True)
    missing = "6b0c1ef4-0000-4000-8000-000000000000"
    before = await _counts(runtime, qbo, qbo_tenant)
    # Unified problems (currency, quantity) and a dangling reference (item) together:
    response = await api.post("/accounting/invoices", headers=qbo_tenant.headers, params={"dry_run": "true"}, json={
        "type": "Sales", "contact_id": vendor["id"], "currency": "DOLLARS",
        "line_items": [{"description": "Work", "quantity": "many", "unit_price": 10, "item_id": missing}],
    })
    assert response.status_code == 422, response.text
    assert "dry run" in response.json()["message"]
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"currency", "line_items[0].quantity", "line_items[0].item_id"} <= fields
    # The provider's own rule (a QBO invoice's contact must be a Customer) once the body is otherwise valid:
    response = await api.post("/accounting/invoices", headers=qbo_tenant.headers, params={"dry_run": "true"}, json={
        "type": "Sales", "contact_id": vendor["id"], "currency": "USD",
        "line_items": [{"description": "Work", "quantity": 1, "unit_price": 10}],
    })
    assert response.status_code == 422, response.text
    assert "contact_id" in {e["field"] for e in response.json()["errors"]}
    assert await _counts(runtime, qbo, qbo_tenant) == before


async def test_a_dry_run_patch_checks_the_merged_record_and_writes_nothing(
    api: httpx.AsyncClient, runtime: Runtime, qbo: QuickBooksHarness, qbo_tenant: Tenant
) -> None:
    invoice = await first(api, qbo_tenant, "/accounting/invoices", type="ACCOUNTS_RECEIVABLE", status="OPEN")
    url = f"/accounting/invoices/{invoice['id']}"
    remote_before = qbo.sandbox.entity(qbo.realm, "Invoice", invoice["remote_id"])
    ok = await api.patch(url, headers=qbo_tenant.headers, params={"dry_run": "true"}, json={"memo": "changed"})
    assert ok.status_code == 200, ok.text
    assert ok.json() == {"dry_run": True, "valid": True, "warnings": []}
    bad = await api.patch(url, headers=qbo_tenant.headers, params={"dry_run": "true"},
                          json={"due_date": "later", "currency": "??"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"due_date", "currency"}
    assert qbo.sandbox.entity(qbo.realm, "Invoice", invoice["remote_id"]) == remote_before
    assert (await api.get(url, headers=qbo_tenant.headers)).json()["memo"] == invoice["memo"]


async def test_the_openapi_examples_are_real(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    import jsonschema_rs

    document = (await api.get("/openapi.json")).json()
    assert (await api.get("/docs")).status_code == 200
    for path in ("/accounting/invoices", "/accounting/contacts"):
        content = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        example = content["example"]
        validator = jsonschema_rs.validator_for({**content["schema"], "components": document["components"]})
        assert validator.is_valid(example), list(validator.iter_errors(example))
    # The invoice example (Panora's seed) is accepted by a real connection once its contact exists.
    invoice = document["paths"]["/accounting/invoices"]["post"]["requestBody"]["content"]["application/json"]
    customer = await first(api, qbo_tenant, "/accounting/contacts", is_customer=True)
    body = {**invoice["example"], "contact_id": customer["id"]}
    response = await api.post("/accounting/invoices", headers=qbo_tenant.headers, params={"dry_run": "true"}, json=body)
    assert response.status_code == 200, response.text
    warned = {w["field"] for w in response.json()["warnings"]}
    assert warned == {"accounting_period_id", "field_mappings.custom_field_1"}
