"""PATCH and void with optimistic concurrency, on the QuickBooks sandbox (SQLite and PostgreSQL).

The property that matters most: a stale If-Match is a 412 and changes nothing anywhere — not at the provider,
not in our store. Both ways of being stale are covered: our copy moved (the caller's ETag is old) and the
provider's record moved since our last sync (our copy is old; QBO's SyncToken check refuses).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from tests.factories import Tenant, first
from tests.providers import QuickBooksHarness

BODY: dict[str, Any] = {
    "type": "ACCOUNTS_RECEIVABLE",
    "number": "UPD-1",
    "issue_date": "2024-06-15T12:00:00Z",
    "currency": "USD",
    "memo": "first memo",
    "line_items": [{"description": "Consulting", "quantity": 2, "unit_price": 50}],
}


@pytest.fixture
async def qbo(transports: dict[str, httpx.AsyncBaseTransport]) -> AsyncIterator[QuickBooksHarness]:
    harness = QuickBooksHarness()
    transports.update(harness.transports())
    yield harness


@pytest.fixture
async def qbo_tenant(runtime: Runtime, qbo: QuickBooksHarness) -> Tenant:
    return await qbo.tenant(runtime)


async def _invoice(api: httpx.AsyncClient, tenant: Tenant, **changes: Any) -> httpx.Response:
    customer = await first(api, tenant, "/accounting/contacts", is_customer=True)
    created = await api.post(
        "/accounting/invoices", headers=tenant.headers, json={**BODY, "contact_id": customer["id"], **changes}
    )
    assert created.status_code == 201, created.text
    return created


def _qbo_invoice(qbo: QuickBooksHarness, remote_id: str) -> dict[str, Any]:
    found = qbo.sandbox.entity(qbo.realm, "Invoice", remote_id)
    assert found is not None
    return found


async def test_patch_changes_the_provider_and_the_store_and_moves_the_etag(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    created = await _invoice(api, qbo_tenant)
    invoice = created.json()
    etag = created.headers["ETag"]
    assert (await api.get(f"/accounting/invoices/{invoice['id']}", headers=qbo_tenant.headers)).headers["ETag"] == etag

    patched = await api.patch(
        f"/accounting/invoices/{invoice['id']}", headers={**qbo_tenant.headers, "If-Match": etag},
        json={"memo": "second memo", "due_date": "2024-08-01T00:00:00Z"},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["memo"] == "second memo"
    assert patched.json()["due_date"].startswith("2024-08-01")
    assert patched.json()["line_items"][0]["description"] == "Consulting"  # untouched fields are kept
    assert patched.headers["ETag"] != etag
    remote = _qbo_invoice(qbo, invoice["remote_id"])
    assert remote["PrivateNote"] == "second memo"
    assert remote["SyncToken"] == "1"
    again = await api.get(f"/accounting/invoices/{invoice['id']}", headers=qbo_tenant.headers)
    assert again.json()["memo"] == "second memo"
    assert again.headers["ETag"] == patched.headers["ETag"]


async def test_stale_if_match_is_412_and_changes_nothing_anywhere(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    created = await _invoice(api, qbo_tenant)
    invoice, old_etag = created.json(), created.headers["ETag"]
    url = f"/accounting/invoices/{invoice['id']}"
    first_patch = await api.patch(url, headers={**qbo_tenant.headers, "If-Match": old_etag}, json={"memo": "mine"})
    assert first_patch.status_code == 200
    before_remote = _qbo_invoice(qbo, invoice["remote_id"])
    before_stored = (await api.get(url, headers=qbo_tenant.headers)).json()

    stale = await api.patch(url, headers={**qbo_tenant.headers, "If-Match": old_etag}, json={"memo": "theirs"})
    assert stale.status_code == 412, stale.text
    assert stale.json()["statusCode"] == 412
    voided = await api.delete(url, headers={**qbo_tenant.headers, "If-Match": old_etag})
    assert voided.status_code == 412

    assert _qbo_invoice(qbo, invoice["remote_id"]) == before_remote
    assert (await api.get(url, headers=qbo_tenant.headers)).json() == before_stored


async def test_a_change_at_the_provider_since_the_last_sync_is_412_too(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    created = await _invoice(api, qbo_tenant)
    invoice, etag = created.json(), created.headers["ETag"]
    # Someone edits the invoice in QuickBooks itself; we have not synced since.
    qbo.sandbox.write(qbo.realm, "Invoice", {"Id": invoice["remote_id"], "SyncToken": "0", "sparse": True,
                                             "PrivateNote": "edited in QuickBooks"})
    theirs = _qbo_invoice(qbo, invoice["remote_id"])
    url = f"/accounting/invoices/{invoice['id']}"

    response = await api.patch(url, headers={**qbo_tenant.headers, "If-Match": etag}, json={"memo": "ours"})
    assert response.status_code == 412, response.text
    assert "QuickBooks" in response.json()["message"]
    assert _qbo_invoice(qbo, invoice["remote_id"]) == theirs
    assert (await api.get(url, headers=qbo_tenant.headers)).json()["memo"] == "first memo"


async def test_lines_are_matched_by_id_and_replaced_otherwise(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    invoice = (await _invoice(api, qbo_tenant)).json()
    line = invoice["line_items"][0]
    url = f"/accounting/invoices/{invoice['id']}"

    patched = await api.patch(url, headers=qbo_tenant.headers, json={"line_items": [
        {"id": line["id"], "quantity": 3},
        {"description": "Travel", "quantity": 1, "unit_price": 20},
    ]})
    assert patched.status_code == 200, patched.text
    lines = patched.json()["line_items"]
    assert [(x["description"], x["total_amount"]) for x in lines] == [("Consulting", 150), ("Travel", 20)]
    assert patched.json()["total_amount"] == 170  # QBO recomputed it; the stored old total was not carried over
    assert qbo.remote_total(_qbo_invoice(qbo, invoice["remote_id"])) == 170

    unknown = await api.patch(url, headers=qbo_tenant.headers, json={"line_items": [
        {"id": "00000000-0000-0000-0000-000000000000", "quantity": 3}]})
    assert unknown.status_code == 422
    # The unknown id, and that as a new line it lacks a price: every problem at once.
    assert {e["field"] for e in unknown.json()["errors"]} == {"line_items[0].id", "line_items[0].total_amount"}


async def test_bad_patch_names_every_field_and_writes_nothing(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    invoice = (await _invoice(api, qbo_tenant)).json()
    before = _qbo_invoice(qbo, invoice["remote_id"])
    response = await api.patch(f"/accounting/invoices/{invoice['id']}", headers=qbo_tenant.headers, json={
        "currency": "XXXX", "due_date": "soon", "contact_id": "6b0c1ef4-0000-4000-8000-000000000000",
    })
    assert response.status_code == 422, response.text
    assert {e["field"] for e in response.json()["errors"]} == {"currency", "due_date", "contact_id"}
    assert _qbo_invoice(qbo, invoice["remote_id"]) == before


async def test_void_sets_void_and_carries_an_etag(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    created = await _invoice(api, qbo_tenant)
    invoice = created.json()
    voided = await api.delete(
        f"/accounting/invoices/{invoice['id']}", headers={**qbo_tenant.headers, "If-Match": created.headers["ETag"]}
    )
    assert voided.status_code == 200, voided.text
    assert voided.json()["status"] == "VOID"
    assert voided.json()["total_amount"] == 0
    assert voided.headers["ETag"] != created.headers["ETag"]
    assert _qbo_invoice(qbo, invoice["remote_id"])["PrivateNote"] == "Voided"


async def test_unknown_foreign_and_unsupported(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    for method in ("PATCH", "DELETE"):
        for bad in ("nope", "6b0c1ef4-0000-4000-8000-000000000000"):
            response = await api.request(
                method, f"/accounting/invoices/{bad}", headers=qbo_tenant.headers,
                **({"json": {"memo": "x"}} if method == "PATCH" else {}),
            )
            assert response.status_code == 404, (method, bad, response.text)
    contact = await first(api, qbo_tenant, "/accounting/contacts", is_customer=True)
    response = await api.patch(f"/accounting/contacts/{contact['id']}", headers=qbo_tenant.headers, json={"name": "x"})
    assert response.status_code == 400
    assert "quickbooks" in response.json()["message"]


async def test_xero_update_and_void_follow_updated_date_utc(
    api: httpx.AsyncClient, runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport]
) -> None:
    from tests.providers import XeroHarness

    xero = XeroHarness()
    transports.update(xero.transports())
    tenant = await xero.tenant(runtime)
    created = await _invoice(api, tenant, currency="NZD", status="OPEN")
    invoice, etag = created.json(), created.headers["ETag"]
    url = f"/accounting/invoices/{invoice['id']}"

    patched = await api.patch(url, headers={**tenant.headers, "If-Match": etag}, json={"number": "UPD-2"})
    assert patched.status_code == 200, patched.text
    assert (await xero.remote_invoice(invoice["remote_id"]) or {})["InvoiceNumber"] == "UPD-2"
    remote = await xero.remote_invoice(invoice["remote_id"])
    stale = await api.patch(url, headers={**tenant.headers, "If-Match": etag}, json={"number": "UPD-3"})
    assert stale.status_code == 412
    assert await xero.remote_invoice(invoice["remote_id"]) == remote

    voided = await api.delete(url, headers={**tenant.headers, "If-Match": patched.headers["ETag"]})
    assert voided.status_code == 200, voided.text
    assert voided.json()["status"] == "VOID"
    assert (await xero.remote_invoice(invoice["remote_id"]) or {})["Status"] == "VOIDED"
