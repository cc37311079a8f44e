"""The seed, end to end over HTTP: create, read back, list — on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal
from typing import Any

import httpx

from ledgerbridge import wire
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.faults import Fault
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sync.engine import sync_connection
from tests.factories import Tenant, first

SEED: dict[str, Any] = {
    "type": "Sales",
    "number": "INV-001",
    "issue_date": "2024-06-15T12:00:00Z",
    "due_date": "2024-07-15T12:00:00Z",
    "paid_on_date": "2024-07-10T12:00:00Z",
    "memo": "Payment for services rendered",
    "currency": "USD",
    "exchange_rate": "1.2",
    "total_discount": 1000,
    "sub_total": 10000,
    "status": "Paid",
    "total_tax_amount": 1000,
    "total_amount": 11000,
    "balance": 0,
    "contact_id": "801f9ede-c698-4e66-a7fc-48d19eebaa4f",
    "accounting_period_id": "801f9ede-c698-4e66-a7fc-48d19eebaa4f",
    "tracking_categories": [],
    "line_items": [
        {
            "name": "Net Income",
            "value": 100000,
            "type": "Operating Activities",
            "parent_item": "801f9ede-c698-4e66-a7fc-48d19eebaa4f",
            "remote_id": "report_item_1234",
            "remote_generated_at": "2024-07-01T12:00:00Z",
            "company_info_id": "801f9ede-c698-4e66-a7fc-48d19eebaa4f",
            "created_at": "2024-06-15T12:00:00Z",
            "modified_at": "2024-06-15T12:00:00Z",
        }
    ],
    "field_mappings": {"custom_field_1": "value1"},
    "id": "801f9ede-c698-4e66-a7fc-48d19eebaa4f",
    "remote_id": "invoice_1234",
}


async def customer_id(api: httpx.AsyncClient, tenant: Tenant) -> str:
    return (await first(api, tenant, "/accounting/contacts", is_customer=True))["id"]


async def seed_body(api: httpx.AsyncClient, tenant: Tenant, **changes: Any) -> dict[str, Any]:
    return {**SEED, "contact_id": await customer_id(api, tenant), **changes}


async def test_seed_body_creates_the_invoice_and_reads_back(
    api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]
) -> None:
    sandbox, realm = qbo
    body = await seed_body(api, tenant)
    created = await api.post("/accounting/invoices", json=body, headers=tenant.headers, params={"remote_data": "true"})
    assert created.status_code == 201, created.text
    invoice = wire.loads(created.text)
    assert uuid.UUID(invoice["id"]) and invoice["id"] != SEED["id"]
    assert invoice["remote_id"] != SEED["remote_id"]
    stored = sandbox.entity(realm, "Invoice", invoice["remote_id"])
    assert stored is not None and invoice["remote_data"]["Id"] == invoice["remote_id"]
    assert invoice["type"] == "ACCOUNTS_RECEIVABLE"
    assert invoice["number"] == "INV-001" and invoice["memo"] == "Payment for services rendered"
    assert invoice["contact_id"] == body["contact_id"]
    assert invoice["issue_date"].startswith("2024-06-15") and invoice["due_date"].startswith("2024-07-15")
    assert invoice["currency"] == "USD"
    # QuickBooks' figures, not the caller's: one line of 100,000 less the 1,000 discount, no tax.
    assert invoice["sub_total"] == Decimal(100000) and invoice["total_discount"] == Decimal(1000)
    assert invoice["total_amount"] == Decimal(99000) and invoice["total_tax_amount"] == 0
    line = invoice["line_items"][0]
    assert line["description"] == "Net Income" and line["total_amount"] == Decimal(100000)
    assert line["quantity"] == 1 and line["remote_id"]
    # status Paid on create: the payment that makes it true was recorded at QuickBooks.
    assert invoice["status"] == "PAID" and invoice["balance"] == 0
    assert stored["Balance"] == 0
    fields = {w["field"] for w in invoice["warnings"]}
    assert {"sub_total", "total_amount", "total_tax_amount", "accounting_period_id"} <= fields
    assert invoice["created_at"] and invoice["modified_at"]

    fetched = await api.get(f"/accounting/invoices/{invoice['id']}", headers=tenant.headers)
    assert fetched.status_code == 200
    again = wire.loads(fetched.text)
    assert "remote_data" not in again and "warnings" not in again
    for key in ("id", "remote_id", "number", "total_amount", "balance", "status", "line_items", "created_at"):
        assert again[key] == invoice[key], key


async def test_amounts_are_exact_decimals_on_the_wire(api: httpx.AsyncClient, tenant: Tenant) -> None:
    body = await seed_body(api, tenant, status=None, sub_total=None, total_amount=None, total_tax_amount=None,
                           total_discount=None, balance=None, accounting_period_id=None, field_mappings={},
                           paid_on_date=None, exchange_rate=None,
                           line_items=[
                               {"description": "Two at 150.25", "quantity": 2, "unit_price": 150.25}])
    created = await api.post("/accounting/invoices", content=wire.dumps(body), headers=tenant.headers)
    assert created.status_code == 201, created.text
    assert '"total_amount":300.50' in created.text
    invoice = wire.loads(created.text)
    assert invoice["line_items"][0]["unit_price"] == Decimal("150.25")
    assert invoice["warnings"] == []


async def test_payable_invoice_becomes_a_bill(
    api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]
) -> None:
    sandbox, realm = qbo
    vendor = await first(api, tenant, "/accounting/contacts", is_supplier=True)
    account = (await api.get("/accounting/accounts", headers=tenant.headers, params={"limit": 100})).json()["data"]
    expense = next(a for a in account if a["classification"] == "EXPENSE")
    body = {"type": "ACCOUNTS_PAYABLE", "contact_id": vendor["id"], "line_items": [
        {"description": "Paper", "total_amount": "42.10", "account_id": expense["id"]}]}
    created = await api.post("/accounting/invoices", json=body, headers=tenant.headers)
    assert created.status_code == 201, created.text
    bill = created.json()
    assert bill["type"] == "ACCOUNTS_PAYABLE"
    assert sandbox.entity(realm, "Bill", bill["remote_id"]) is not None
    assert bill["line_items"][0]["account_id"] == expense["id"]


async def test_list_pages_through_250_invoices_without_repeats_or_gaps(
    runtime: Runtime, api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]
) -> None:
    sandbox, realm = qbo
    sandbox.seed_invoices(realm, 250)
    await sync_connection(runtime, tenant.connection)
    expected = {r["id"] async for r in _all(api, tenant, limit=100)}
    assert len(expected) >= 250

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 37}
        if cursor:
            params["cursor"] = cursor
        page = (await api.get("/accounting/invoices", headers=tenant.headers, params=params)).json()
        seen += [r["id"] for r in page["data"]]
        pages += 1
        if pages == 2:  # rows inserted mid-listing land after the cursor and do not disturb it
            await api.post("/accounting/invoices", json=await seed_body(api, tenant, number=None), headers=tenant.headers)
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen))
    assert expected <= set(seen) and len(seen) == len(expected) + 1

    # prev_cursor walks back to the page before
    page1 = (await api.get("/accounting/invoices", headers=tenant.headers, params={"limit": 10})).json()
    page2 = (await api.get("/accounting/invoices", headers=tenant.headers,
                           params={"limit": 10, "cursor": page1["next_cursor"]})).json()
    back = (await api.get("/accounting/invoices", headers=tenant.headers,
                          params={"limit": 10, "cursor": page2["prev_cursor"]})).json()
    assert [r["id"] for r in back["data"]] == [r["id"] for r in page1["data"]]
    assert page1["prev_cursor"] is None


async def _all(api: httpx.AsyncClient, tenant: Tenant, *, limit: int):  # type: ignore[no-untyped-def]
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        page = (await api.get("/accounting/invoices", headers=tenant.headers, params=params)).json()
        for row in page["data"]:
            yield row
        cursor = page["next_cursor"]
        if cursor is None:
            return


async def test_default_and_maximum_page_size(api: httpx.AsyncClient, tenant: Tenant,
                                             qbo: tuple[QuickBooksSandbox, str], runtime: Runtime) -> None:
    sandbox, realm = qbo
    sandbox.seed_invoices(realm, 120)
    await sync_connection(runtime, tenant.connection)
    assert len((await api.get("/accounting/invoices", headers=tenant.headers)).json()["data"]) == 50
    assert len((await api.get("/accounting/invoices", headers=tenant.headers,
                              params={"limit": 100})).json()["data"]) == 100
    for bad in ("0", "101", "x"):
        response = await api.get("/accounting/invoices", headers=tenant.headers, params={"limit": bad})
        assert response.status_code == 422 and response.json()["errors"][0]["field"] == "limit"


async def test_remote_id_filter(api: httpx.AsyncClient, tenant: Tenant) -> None:
    some = (await api.get("/accounting/invoices", headers=tenant.headers, params={"limit": 3})).json()["data"][1]
    found = (await api.get("/accounting/invoices", headers=tenant.headers,
                           params={"remote_id": some["remote_id"]})).json()["data"]
    # QuickBooks numbers invoices and bills separately, so one remote id can name one of each.
    assert some["id"] in [r["id"] for r in found]
    assert {r["remote_id"] for r in found} == {some["remote_id"]}
    assert len({r["type"] for r in found}) == len(found)


async def test_idempotency_key_replays_without_a_second_write(
    api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]
) -> None:
    sandbox, realm = qbo
    body = await seed_body(api, tenant, number="IDEM-1", status=None)
    headers = {**tenant.headers, "Idempotency-Key": "key-1"}
    before = sandbox.count(realm, "Invoice")
    first_answer = await api.post("/accounting/invoices", json=body, headers=headers)
    second = await api.post("/accounting/invoices", json=body, headers=headers)
    assert first_answer.status_code == second.status_code == 201
    assert second.text == first_answer.text and second.headers.get("Idempotent-Replayed") == "true"
    assert sandbox.count(realm, "Invoice") == before + 1

    other = await api.post("/accounting/invoices", json={**body, "memo": "different"}, headers=headers)
    assert other.status_code == 422 and other.json()["errors"][0]["field"] == "Idempotency-Key"
    assert sandbox.count(realm, "Invoice") == before + 1


async def test_concurrent_duplicate_is_a_conflict(
    api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]
) -> None:
    sandbox, realm = qbo
    body = await seed_body(api, tenant, number="IDEM-2", status=None)
    headers = {**tenant.headers, "Idempotency-Key": "key-2"}
    sandbox.faults.add(Fault(kind="latency", seconds=0.5, path_contains="/invoice", method="POST"))
    slow = asyncio.create_task(api.post("/accounting/invoices", json=body, headers=headers))
    await asyncio.sleep(0.2)
    duplicate = await api.post("/accounting/invoices", json=body, headers=headers)
    assert duplicate.status_code == 409
    assert (await slow).status_code == 201


async def test_failed_create_releases_the_key_and_writes_nothing(
    api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]
) -> None:
    sandbox, realm = qbo
    body = await seed_body(api, tenant, number="IDEM-3", status=None)
    headers = {**tenant.headers, "Idempotency-Key": "key-3"}
    before = sandbox.count(realm, "Invoice")
    listed = len([r async for r in _all(api, tenant, limit=100)])
    sandbox.faults.add(Fault(kind="status", status=500, times=10, path_contains="/invoice", method="POST"))
    failed = await api.post("/accounting/invoices", json=body, headers=headers)
    assert failed.status_code == 502
    assert failed.json()["provider"]["name"] == "quickbooks"
    assert sandbox.count(realm, "Invoice") == before
    assert len([r async for r in _all(api, tenant, limit=100)]) == listed
    sandbox.faults.clear()
    retried = await api.post("/accounting/invoices", json=body, headers=headers)
    assert retried.status_code == 201
    assert sandbox.count(realm, "Invoice") == before + 1


async def test_transient_provider_errors_are_retried_once_written(
    api: httpx.AsyncClient, tenant: Tenant, qbo: tuple[QuickBooksSandbox, str]
) -> None:
    sandbox, realm = qbo
    body = await seed_body(api, tenant, number="RETRY-1", status=None)
    before = sandbox.count(realm, "Invoice")
    sandbox.faults.add(Fault(kind="status", status=503, times=1, path_contains="/invoice", method="POST"))
    sandbox.faults.add(Fault(kind="status", status=429, times=1, retry_after=0, path_contains="/invoice",
                             method="POST"))
    created = await api.post("/accounting/invoices", json=body, headers=tenant.headers)
    assert created.status_code == 201, created.text
    assert sandbox.count(realm, "Invoice") == before + 1
