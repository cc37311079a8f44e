"""Tenancy is absolute: another project's tokens and ids are 404, as if they did not exist."""

from __future__ import annotations

import httpx

from ledgerbridge.runtime import Runtime
from tests.api.test_invoices import PLAIN, seed_body
from tests.factories import Tenant, first
from tests.providers import Harness


async def test_two_projects_cannot_see_each_other(
    runtime: Runtime, api: httpx.AsyncClient, tenant: Tenant, provider: Harness
) -> None:
    body = await seed_body(api, tenant, provider, **PLAIN, number="MINE-1")
    mine = (await api.post("/accounting/invoices", json=body, headers=tenant.headers)).json()
    other = await provider.tenant(runtime)  # the same provider account, linked to a second project

    # my key with their token
    crossed = {"x-api-key": tenant.api_key, "x-connection-token": other.connection.token}
    assert (await api.get("/accounting/invoices", headers=crossed)).status_code == 404
    assert (await api.post("/accounting/invoices", headers=crossed, json={})).status_code == 404

    # their key and token, my record id: the same provider account, but not the same records
    response = await api.get(f"/accounting/invoices/{mine['id']}", headers=other.headers)
    assert response.status_code == 404
    theirs = await first(api, other, "/accounting/invoices", remote_id=mine["remote_id"])
    assert theirs["id"] != mine["id"]

    # references to my records are unknown to them
    contact = await first(api, tenant, "/accounting/contacts", is_customer=True)
    body = {"type": "Sales", "contact_id": contact["id"], "line_items": [{"description": "x", "total_amount": 1}]}
    rejected = await api.post("/accounting/invoices", json=body, headers=other.headers)
    assert rejected.status_code == 422 and rejected.json()["errors"][0]["field"] == "contact_id"
