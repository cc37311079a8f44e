"""PATCH and void with optimistic concurrency, on the QuickBooks sandbox (SQLite and PostgreSQL).

The property that matters most: a stale If-Match is a 412 and changes nothing anywhere — not at the provider,
not in our store. Both ways of being stale are covered: our copy moved (the caller's ETag is old) and the
provider's record moved since our last sync (our copy is old; QBO's SyncToken check refuses).
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.faults import Fault
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
    assert voided.json()["remote_was_deleted"] is False  # voided is not deleted: the invoice stays in the books
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


# --- lines keep their identity at the provider -------------------------------------------------------------


async def test_qbo_patch_keeps_the_lines_it_names_and_numbers_new_ones(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    invoice = (await _invoice(api, qbo_tenant)).json()
    url = f"/accounting/invoices/{invoice['id']}"
    consulting = invoice["line_items"][0]
    assert consulting["remote_id"] == "1"

    patched = (await api.patch(url, headers=qbo_tenant.headers, json={"line_items": [
        {"description": "Travel", "quantity": 1, "unit_price": 20},
        {"id": consulting["id"], "quantity": 3},
    ]})).json()
    travel, kept = patched["line_items"]
    # The same line at QuickBooks (its Line Id sent back), so the same line here: id and remote_id unchanged.
    assert (kept["id"], kept["remote_id"], kept["total_amount"]) == (consulting["id"], "1", 150)
    assert travel["remote_id"] == "2" and travel["id"] != consulting["id"]
    remote = _qbo_invoice(qbo, invoice["remote_id"])
    remote_lines = [(line.get("Id"), line.get("Description")) for line in remote["Line"] if line.get("Id")]
    assert remote_lines == [("2", "Travel"), ("1", "Consulting")]

    # A patch without line_items changes no line; a line left out is removed and its Id is never reused.
    memo = (await api.patch(url, headers=qbo_tenant.headers, json={"memo": "lines untouched"})).json()
    assert [(x["id"], x["remote_id"]) for x in memo["line_items"]] == [(travel["id"], "2"), (consulting["id"], "1")]
    fresh = (await api.patch(url, headers=qbo_tenant.headers, json={"line_items": [
        {"description": "Fresh", "quantity": 1, "unit_price": 5}]})).json()
    assert [x["remote_id"] for x in fresh["line_items"]] == ["3"]
    assert fresh["line_items"][0]["id"] not in (travel["id"], consulting["id"])


async def test_xero_patch_keeps_the_line_item_ids_it_names(
    api: httpx.AsyncClient, runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport]
) -> None:
    from tests.providers import XeroHarness

    xero = XeroHarness()
    transports.update(xero.transports())
    tenant = await xero.tenant(runtime)
    invoice = (await _invoice(api, tenant, currency="NZD", status="OPEN")).json()
    consulting = invoice["line_items"][0]

    patched = await api.patch(f"/accounting/invoices/{invoice['id']}", headers=tenant.headers, json={"line_items": [
        {"id": consulting["id"], "quantity": 3}, {"description": "Travel", "quantity": 1, "unit_price": 20}]})
    assert patched.status_code == 200, patched.text
    kept, travel = patched.json()["line_items"]
    assert (kept["id"], kept["remote_id"]) == (consulting["id"], consulting["remote_id"])
    assert travel["remote_id"] not in (None, consulting["remote_id"])
    remote = await xero.remote_invoice(invoice["remote_id"]) or {}
    assert [line["LineItemID"].lower() for line in remote["LineItems"]] == [kept["remote_id"], travel["remote_id"]]


# --- Idempotency-Key on PATCH and DELETE ----------------------------------------------------------------------


class Gate(httpx.AsyncBaseTransport):
    """Holds QuickBooks invoice writes until released, so a second request can arrive while one is in flight
    (no sleeping: the test waits for the first request to reach the provider)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.armed = False
        self.reached = asyncio.Event()
        self.release = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.armed and request.method == "POST" and request.url.path.endswith("/invoice"):
            self.reached.set()
            await self.release.wait()
        return await self.inner.handle_async_request(request)


async def test_a_retried_patch_replays_its_answer_without_a_second_write(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    created = await _invoice(api, qbo_tenant)
    invoice, etag = created.json(), created.headers["ETag"]
    url = f"/accounting/invoices/{invoice['id']}"
    headers = {**qbo_tenant.headers, "If-Match": etag, "Idempotency-Key": "patch-1"}

    first_answer = await api.patch(url, headers=headers, json={"memo": "once"})
    assert first_answer.status_code == 200, first_answer.text
    after_first = _qbo_invoice(qbo, invoice["remote_id"])
    assert after_first["SyncToken"] == "1"
    # The retry carries the same (now stale) If-Match: it is the same request, so it is answered, not refused.
    again = await api.patch(url, headers=headers, json={"memo": "once"})
    assert again.status_code == 200 and again.text == first_answer.text
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert _qbo_invoice(qbo, invoice["remote_id"]) == after_first

    other_body = await api.patch(url, headers=headers, json={"memo": "twice"})
    assert other_body.status_code == 422
    assert other_body.json()["errors"][0]["field"] == "Idempotency-Key"
    other_method = await api.delete(url, headers=headers)
    assert other_method.status_code == 422
    assert _qbo_invoice(qbo, invoice["remote_id"]) == after_first
    # A dry run neither uses nor claims a key.
    dry = await api.patch(url, headers={**qbo_tenant.headers, "Idempotency-Key": "patch-dry"},
                          params={"dry_run": "true"}, json={"memo": "dry"})
    assert dry.status_code == 200 and dry.json()["dry_run"] is True
    real = await api.patch(url, headers={**qbo_tenant.headers, "Idempotency-Key": "patch-dry"}, json={"memo": "real"})
    assert real.status_code == 200 and real.headers.get("Idempotent-Replayed") is None
    assert _qbo_invoice(qbo, invoice["remote_id"])["PrivateNote"] == "real"


async def test_a_retried_void_replays_and_voids_once(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    invoice = (await _invoice(api, qbo_tenant)).json()
    url = f"/accounting/invoices/{invoice['id']}"
    headers = {**qbo_tenant.headers, "Idempotency-Key": "void-1"}
    voided = await api.delete(url, headers=headers)
    assert voided.status_code == 200 and voided.json()["status"] == "VOID"
    after = _qbo_invoice(qbo, invoice["remote_id"])
    again = await api.delete(url, headers=headers)
    assert again.status_code == 200 and again.text == voided.text
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert _qbo_invoice(qbo, invoice["remote_id"]) == after


async def test_a_patch_in_flight_makes_its_duplicate_a_409(
    api: httpx.AsyncClient, runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport]
) -> None:
    harness = QuickBooksHarness()
    gate = Gate(harness.transports()["quickbooks"])
    transports["quickbooks"] = gate
    tenant = await harness.tenant(runtime)
    invoice = (await _invoice(api, tenant)).json()
    url = f"/accounting/invoices/{invoice['id']}"
    headers = {**tenant.headers, "Idempotency-Key": "patch-busy"}

    gate.armed = True
    first_patch = asyncio.create_task(api.patch(url, headers=headers, json={"memo": "busy"}))
    await gate.reached.wait()  # the first request is at the provider now, holding the key
    duplicate = await api.patch(url, headers=headers, json={"memo": "busy"})
    assert duplicate.status_code == 409, duplicate.text
    gate.release.set()
    assert (await first_patch).status_code == 200
    assert _qbo_invoice(harness, invoice["remote_id"])["SyncToken"] == "1"


async def test_a_failed_patch_frees_its_key(api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness) -> None:
    created = await _invoice(api, qbo_tenant)
    invoice, etag = created.json(), created.headers["ETag"]
    url = f"/accounting/invoices/{invoice['id']}"
    assert qbo.faults is not None
    qbo.faults.add(Fault(kind="status", status=500, times=10, path_contains="/invoice", method="POST"))
    failed = await api.patch(url, headers={**qbo_tenant.headers, "If-Match": etag, "Idempotency-Key": "patch-fail"},
                             json={"memo": "after a failure"})
    assert failed.status_code == 502, failed.text
    assert _qbo_invoice(qbo, invoice["remote_id"])["SyncToken"] == "0"
    qbo.faults.clear()

    retried = await api.patch(url, headers={**qbo_tenant.headers, "If-Match": etag, "Idempotency-Key": "patch-fail"},
                              json={"memo": "after a failure"})
    assert retried.status_code == 200, retried.text
    assert retried.headers.get("Idempotent-Replayed") is None
    assert _qbo_invoice(qbo, invoice["remote_id"])["PrivateNote"] == "after a failure"

    # A 412 frees the key too; the same request with a fresh If-Match is then a new write at QuickBooks (its
    # requestid differs), not QuickBooks replaying its refusal.
    stale = await api.patch(url, headers={**qbo_tenant.headers, "If-Match": etag, "Idempotency-Key": "patch-412"},
                            json={"memo": "third"})
    assert stale.status_code == 412
    current = retried.headers["ETag"]
    fresh = await api.patch(url, headers={**qbo_tenant.headers, "If-Match": current, "Idempotency-Key": "patch-412"},
                            json={"memo": "third"})
    assert fresh.status_code == 200, fresh.text
    assert _qbo_invoice(qbo, invoice["remote_id"])["PrivateNote"] == "third"


async def test_openapi_documents_the_key_on_patch_and_delete(api: httpx.AsyncClient) -> None:
    schema = (await api.get("/openapi.json")).json()
    for method in ("patch", "delete"):
        operation = schema["paths"]["/accounting/invoices/{id}"][method]
        headers = {p["name"]: p for p in operation["parameters"] if p["in"] == "header"}
        assert "Idempotency-Key" in headers, method
        assert "replays" in headers["Idempotency-Key"]["description"]
        assert "409" in operation["responses"] and "422" in operation["responses"]
