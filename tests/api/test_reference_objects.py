"""What an invoice refers to, served from the synced store."""

from __future__ import annotations

import httpx
import pytest

from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from tests.factories import Tenant


@pytest.mark.parametrize("path", ["/accounting/contacts", "/accounting/items", "/accounting/accounts",
                                  "/accounting/taxrates", "/accounting/trackingcategories"])
async def test_list_and_retrieve(path: str, api: httpx.AsyncClient, tenant: Tenant) -> None:
    page = await api.get(path, headers=tenant.headers, params={"remote_data": "true"})
    assert page.status_code == 200
    rows = page.json()["data"]
    assert rows, path
    one = await api.get(f"{path}/{rows[0]['id']}", headers=tenant.headers)
    assert one.status_code == 200
    assert one.json()["remote_id"] == rows[0]["remote_id"]
    assert rows[0]["remote_data"]


async def test_contacts_are_customers_and_vendors(api: httpx.AsyncClient, tenant: Tenant,
                                                  qbo: tuple[QuickBooksSandbox, str]) -> None:
    sandbox, realm = qbo
    rows = (await api.get("/accounting/contacts", headers=tenant.headers, params={"limit": 100})).json()["data"]
    customers = [r for r in rows if r["is_customer"]]
    suppliers = [r for r in rows if r["is_supplier"]]
    assert len(customers) == sandbox.count(realm, "Customer")
    assert len(suppliers) == sandbox.count(realm, "Vendor")


async def test_tracking_categories_are_classes_and_departments(api: httpx.AsyncClient, tenant: Tenant) -> None:
    rows = (await api.get("/accounting/trackingcategories", headers=tenant.headers)).json()["data"]
    assert {r["category_type"] for r in rows} == {"CLASS", "DEPARTMENT"}


async def test_create_contact(api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]) -> None:
    sandbox, realm = qbo
    before = sandbox.count(realm, "Vendor")
    response = await api.post("/accounting/contacts", headers=tenant.headers,
                              json={"name": "Paper Supplies Ltd", "is_supplier": True, "email_address": "a@b.example"})
    assert response.status_code == 201, response.text
    contact = response.json()
    assert contact["is_supplier"] is True and contact["name"] == "Paper Supplies Ltd"
    assert sandbox.count(realm, "Vendor") == before + 1
    listed = await api.get(f"/accounting/contacts/{contact['id']}", headers=tenant.headers)
    assert listed.json()["name"] == "Paper Supplies Ltd"
    bad = await api.post("/accounting/contacts", headers=tenant.headers, json={"name": "", "email_address": "nope"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"name", "email_address"}
