"""Tenancy is absolute: another project's tokens and ids are 404, as if they did not exist."""

from __future__ import annotations

import httpx

from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from tests.factories import Tenant, first, quickbooks_tenant


async def test_two_projects_cannot_see_each_other(
    runtime: Runtime, api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]
) -> None:
    other = await quickbooks_tenant(runtime, *qbo)
    mine = await first(api, tenant, "/accounting/invoices")

    # my key with their token
    crossed = {"x-api-key": tenant.api_key, "x-connection-token": other.connection.token}
    assert (await api.get("/accounting/invoices", headers=crossed)).status_code == 404
    assert (await api.post("/accounting/invoices", headers=crossed, json={})).status_code == 404

    # their key and token, my record id: the same sandbox realm, but not the same records
    response = await api.get(f"/accounting/invoices/{mine['id']}", headers=other.headers)
    assert response.status_code == 404
    theirs = await first(api, other, "/accounting/invoices", remote_id=mine["remote_id"])
    assert theirs["id"] != mine["id"]

    # references to my records are unknown to them
    contact = await first(api, tenant, "/accounting/contacts", is_customer=True)
    body = {"type": "Sales", "contact_id": contact["id"], "line_items": [{"description": "x", "total_amount": 1}]}
    rejected = await api.post("/accounting/invoices", json=body, headers=other.headers)
    assert rejected.status_code == 422 and rejected.json()["errors"][0]["field"] == "contact_id"
