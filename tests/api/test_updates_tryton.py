"""PATCH and void of Tryton invoices against a real trytond: write_date is the version (ETag/If-Match), a stale
one is a 412 that changes nothing, only draft invoices are edited, and void cancels."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.factories import Tenant, first
from tests.providers import Harness

tryton_only = pytest.mark.parametrize("provider", ["tryton"], indirect=True)

BODY: dict[str, Any] = {
    "type": "ACCOUNTS_RECEIVABLE",
    "issue_date": "2024-06-15T12:00:00Z",
    "memo": "first memo",
    "line_items": [{"description": "Consulting", "quantity": 2, "unit_price": 50}],
}


async def _invoice(api: httpx.AsyncClient, tenant: Tenant, **changes: Any) -> httpx.Response:
    customer = await first(api, tenant, "/accounting/contacts", is_customer=True)
    created = await api.post("/accounting/invoices", headers=tenant.headers,
                             json={**BODY, "contact_id": customer["id"], **changes})
    assert created.status_code == 201, created.text
    return created


@tryton_only
async def test_tryton_update_follows_write_date_and_void_cancels(
        api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    created = await _invoice(api, tenant)
    invoice, etag = created.json(), created.headers["ETag"]
    url = f"/accounting/invoices/{invoice['id']}"

    patched = await api.patch(url, headers={**tenant.headers, "If-Match": etag}, json={
        "memo": "second memo", "line_items": [{"description": "Audit", "quantity": 3, "unit_price": 40}]})
    assert patched.status_code == 200, patched.text
    assert patched.json()["memo"] == "second memo"
    assert Decimal(str(patched.json()["total_amount"])) >= Decimal(120)
    assert [line["description"] for line in patched.json()["line_items"]] == ["Audit"]
    assert patched.headers["ETag"] != etag
    remote = await provider.remote_invoice(invoice["remote_id"])
    assert remote is not None and remote["total_amount"] == Decimal(str(patched.json()["total_amount"]))

    stale = await api.patch(url, headers={**tenant.headers, "If-Match": etag}, json={"memo": "third"})
    assert stale.status_code == 412
    assert await provider.remote_invoice(invoice["remote_id"]) == remote
    assert (await api.get(url, headers=tenant.headers)).json()["memo"] == "second memo"

    voided = await api.delete(url, headers={**tenant.headers, "If-Match": patched.headers["ETag"]})
    assert voided.status_code == 200, voided.text
    assert voided.json()["status"] == "VOID"
    assert (await provider.remote_invoice(invoice["remote_id"]) or {})["state"] == "cancelled"


@tryton_only
async def test_tryton_posted_invoice_is_not_edited(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    created = await _invoice(api, tenant, status="OPEN")
    url = f"/accounting/invoices/{created.json()['id']}"
    before = await provider.remote_invoice(created.json()["remote_id"])
    refused = await api.patch(url, headers={**tenant.headers, "If-Match": created.headers["ETag"]},
                              json={"memo": "too late"})
    assert refused.status_code == 422 and "status" in {e["field"] for e in refused.json()["errors"]}
    assert await provider.remote_invoice(created.json()["remote_id"]) == before
