"""What an invoice refers to, served from the synced store."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.factories import Tenant
from tests.providers import Harness


@pytest.mark.parametrize("path", ["/accounting/contacts", "/accounting/items", "/accounting/accounts",
                                  "/accounting/taxrates", "/accounting/trackingcategories"])
async def test_list_and_retrieve(path: str, api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    page = await api.get(path, headers=tenant.headers, params={"remote_data": "true"})
    if path.endswith("trackingcategories") and provider.name == "tryton":
        # Tryton core has no tracking categories: a clear 4xx naming the provider, not an empty list.
        assert page.status_code == 400 and "tryton" in page.json()["message"]
        return
    assert page.status_code == 200
    rows = page.json()["data"]
    assert rows, path
    one = await api.get(f"{path}/{rows[0]['id']}", headers=tenant.headers)
    assert one.status_code == 200
    assert one.json()["remote_id"] == rows[0]["remote_id"]
    assert rows[0]["remote_data"]


async def test_contacts_are_customers_and_suppliers(api: httpx.AsyncClient, tenant: Tenant) -> None:
    rows = (await api.get("/accounting/contacts", headers=tenant.headers, params={"limit": 100})).json()["data"]
    assert any(r["is_customer"] for r in rows) and any(r["is_supplier"] for r in rows)
    assert all(isinstance(r["is_customer"], bool) and isinstance(r["is_supplier"], bool) for r in rows)


async def test_quickbooks_contacts_are_customers_and_vendors(
    api: httpx.AsyncClient, tenant: Tenant, provider: Harness
) -> None:
    if provider.name != "quickbooks":
        pytest.skip("QuickBooks keeps customers and vendors apart")
    rows = (await api.get("/accounting/contacts", headers=tenant.headers, params={"limit": 100})).json()["data"]
    sandbox, realm = provider.sandbox, provider.realm  # type: ignore[attr-defined]
    assert len([r for r in rows if r["is_customer"]]) == sandbox.count(realm, "Customer")
    assert len([r for r in rows if r["is_supplier"]]) == sandbox.count(realm, "Vendor")
    categories = (await api.get("/accounting/trackingcategories", headers=tenant.headers)).json()["data"]
    assert {r["category_type"] for r in categories} == {"CLASS", "DEPARTMENT"}


async def test_create_contact(api: httpx.AsyncClient, tenant: Tenant) -> None:
    response = await api.post("/accounting/contacts", headers=tenant.headers,
                              json={"name": f"Paper Supplies {uuid.uuid4().hex[:6]}", "is_supplier": True,
                                    "email_address": "orders@paper.example.com"})
    assert response.status_code == 201, response.text
    contact = response.json()
    assert contact["name"].startswith("Paper Supplies") and contact["remote_id"]
    fetched = await api.get(f"/accounting/contacts/{contact['id']}", headers=tenant.headers)
    assert fetched.json()["name"] == contact["name"]
    bad = await api.post("/accounting/contacts", headers=tenant.headers, json={"name": "", "email_address": "nope"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"name", "email_address"}
