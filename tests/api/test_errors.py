"""Bad input gets a clear error naming each field, and changes nothing."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.store import records
from ledgerbridge.store.records import Scope
from tests.api.test_invoices import PLAIN, seed_body
from tests.factories import Tenant, first
from tests.providers import Harness


async def _counts(runtime: Runtime, tenant: Tenant, provider: Harness) -> tuple[int, int]:
    """Invoices in our store and at the provider: a rejected request changes neither."""
    async with runtime.engine.connect() as db:
        stored = await records.count(db, Scope(tenant.project_id, tenant.connection.id), "invoice")
    return stored, await provider.invoice_count()


async def test_api_key_is_required(api: httpx.AsyncClient, tenant: Tenant) -> None:
    for headers in ({"x-connection-token": tenant.connection.token},
                    {"x-api-key": "lb_wrong", "x-connection-token": tenant.connection.token}):
        response = await api.get("/accounting/invoices", headers=headers)
        assert response.status_code == 401
        assert response.json()["statusCode"] == 401


async def test_connection_token_is_required_and_must_exist(api: httpx.AsyncClient, tenant: Tenant) -> None:
    for headers in ({"x-api-key": tenant.api_key}, {"x-api-key": tenant.api_key, "x-connection-token": "ct_nope"}):
        response = await api.get("/accounting/invoices", headers=headers)
        assert response.status_code == 404


async def test_unknown_and_malformed_ids_are_404(api: httpx.AsyncClient, tenant: Tenant) -> None:
    for record_id in (str(uuid.uuid4()), "not-a-uuid", "1"):
        response = await api.get(f"/accounting/invoices/{record_id}", headers=tenant.headers)
        assert response.status_code == 404, record_id
        assert response.json()["error"] == "Not Found"
    contact = await first(api, tenant, "/accounting/contacts")
    # an id of another object type is not an invoice
    assert (await api.get(f"/accounting/invoices/{contact['id']}", headers=tenant.headers)).status_code == 404


async def test_malformed_cursor_is_400(api: httpx.AsyncClient, tenant: Tenant) -> None:
    response = await api.get("/accounting/invoices", headers=tenant.headers, params={"cursor": "garbage!"})
    assert response.status_code == 400


@pytest.mark.parametrize("raw", [b"{not json", b"", b"[1, 2", b"null"])
async def test_unreadable_body_is_400_or_422(
    raw: bytes, api: httpx.AsyncClient, tenant: Tenant, runtime: Runtime, provider: Harness
) -> None:
    before = await _counts(runtime, tenant, provider)
    response = await api.post("/accounting/invoices", content=raw,
                              headers={**tenant.headers, "content-type": "application/json"})
    assert response.status_code in (400, 422)
    assert await _counts(runtime, tenant, provider) == before


async def test_every_bad_field_is_named_at_once(
    api: httpx.AsyncClient, tenant: Tenant, runtime: Runtime, provider: Harness
) -> None:
    before = await _counts(runtime, tenant, provider)
    body = await seed_body(api, tenant, provider, currency="ZZZ", issue_date="2024-02-30", type="Gift",
                           line_items=[{"quantity": "two", "unit_price": True}])
    response = await api.post("/accounting/invoices", json=body, headers=tenant.headers)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"currency", "issue_date", "type", "line_items[0].quantity", "line_items[0].unit_price"} <= fields
    assert await _counts(runtime, tenant, provider) == before


async def test_unknown_references_are_named(
    api: httpx.AsyncClient, tenant: Tenant, runtime: Runtime, provider: Harness
) -> None:
    before = await _counts(runtime, tenant, provider)
    item = await first(api, tenant, "/accounting/items")
    body = await seed_body(api, tenant, provider, contact_id=str(uuid.uuid4()), line_items=[
        {"description": "x", "total_amount": 1, "item_id": str(uuid.uuid4())},
        {"description": "y", "total_amount": 1, "tax_rate_id": item["id"]},
    ])
    response = await api.post("/accounting/invoices", json=body, headers=tenant.headers)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"contact_id", "line_items[0].item_id", "line_items[1].tax_rate_id"} <= fields
    assert await _counts(runtime, tenant, provider) == before


async def test_provider_rejection_carries_its_message_and_writes_nothing(
    api: httpx.AsyncClient, tenant: Tenant, runtime: Runtime, provider: Harness
) -> None:
    if not provider.rejects_duplicate_numbers:
        pytest.skip(f"{provider.name} numbers invoices itself")
    body = await seed_body(api, tenant, provider, **PLAIN, number="DUP-1")
    assert (await api.post("/accounting/invoices", json=body, headers=tenant.headers)).status_code == 201
    before = await _counts(runtime, tenant, provider)
    response = await api.post("/accounting/invoices", json=body, headers=tenant.headers)  # same DocNumber
    assert response.status_code == 422, response.text
    payload: dict[str, Any] = response.json()
    assert payload["provider"]["name"] == provider.name
    assert "uplicate" in payload["message"] or "unique" in payload["message"]
    assert await _counts(runtime, tenant, provider) == before


async def test_health(api: httpx.AsyncClient) -> None:
    response = await api.get("/health")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


async def test_openapi_keeps_panoras_operation_ids(api: httpx.AsyncClient) -> None:
    spec = (await api.get("/openapi.json")).json()
    operation_ids = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    assert {"createAccountingInvoice", "listAccountingInvoice", "retrieveAccountingInvoice",
            "listAccountingContacts", "createAccountingContact", "listAccountingTrackingCategorys"} <= operation_ids
    assert "InvoiceInput" in spec["components"]["schemas"]
