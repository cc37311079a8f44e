"""List filters and expand, on the QuickBooks sandbox (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from tests.factories import Tenant, everything, first
from tests.providers import QuickBooksHarness


async def _list(api: httpx.AsyncClient, tenant: Tenant, **params: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": 100, **({"cursor": cursor} if cursor else {})}
        response = await api.get("/accounting/invoices", headers=tenant.headers, params=query)
        assert response.status_code == 200, response.text
        rows += response.json()["data"]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return rows


async def test_each_filter_returns_exactly_the_matching_records(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    customer = await first(api, qbo_tenant, "/accounting/contacts", is_customer=True)
    some = (await api.post("/accounting/invoices", headers=qbo_tenant.headers, json={
        "type": "Sales", "contact_id": customer["id"], "issue_date": "2024-01-02T00:00:00Z",
        "line_items": [{"description": "Work", "quantity": 1, "unit_price": 10}]})).json()
    voided = await api.delete(f"/accounting/invoices/{some['id']}", headers=qbo_tenant.headers)
    assert voided.status_code == 200, voided.text
    all_rows = await everything(api, qbo_tenant, "/accounting/invoices")
    assert len({r["status"] for r in all_rows}) > 1 and len({r["type"] for r in all_rows}) == 2

    for status in {r["status"] for r in all_rows}:
        got = await _list(api, qbo_tenant, status=status)
        assert {r["id"] for r in got} == {r["id"] for r in all_rows if r["status"] == status}
    payable = await _list(api, qbo_tenant, type="Purchase")  # aliases are accepted as on writes
    assert {r["id"] for r in payable} == {r["id"] for r in all_rows if r["type"] == "ACCOUNTS_PAYABLE"}

    contact = all_rows[0]["contact_id"]
    got = await _list(api, qbo_tenant, contact_id=contact)
    assert got and {r["id"] for r in got} == {r["id"] for r in all_rows if r["contact_id"] == contact}

    dates = sorted(r["issue_date"] for r in all_rows if r["issue_date"])
    middle = dates[len(dates) // 2]
    after = await _list(api, qbo_tenant, issue_date_after=middle)
    before = await _list(api, qbo_tenant, issue_date_before=middle)
    assert {r["id"] for r in after} == {r["id"] for r in all_rows if r["issue_date"] and r["issue_date"] >= middle}
    assert {r["id"] for r in before} == {r["id"] for r in all_rows if r["issue_date"] and r["issue_date"] < middle}

    one = all_rows[1]
    # QBO numbers invoices and bills separately, so one remote id may name one of each.
    by_remote = {r["id"] for r in await _list(api, qbo_tenant, remote_id=one["remote_id"])}
    assert by_remote == {r["id"] for r in all_rows if r["remote_id"] == one["remote_id"]}
    combined = await _list(api, qbo_tenant, status=one["status"], type=one["type"], contact_id=one["contact_id"])
    assert one["id"] in {r["id"] for r in combined}
    assert all(r["status"] == one["status"] and r["contact_id"] == one["contact_id"] for r in combined)


async def test_created_and_modified_after(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    everything_now = await _list(api, qbo_tenant)
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).isoformat()
    assert await _list(api, qbo_tenant, created_after=later) == []
    assert await _list(api, qbo_tenant, modified_after=later) == []
    earlier = "2000-01-01T00:00:00Z"
    assert len(await _list(api, qbo_tenant, created_after=earlier)) == len(everything_now)


async def test_voided_records_and_include_deleted(
    api: httpx.AsyncClient, qbo_tenant: Tenant, qbo: QuickBooksHarness
) -> None:
    bill = await first(api, qbo_tenant, "/accounting/invoices", type="ACCOUNTS_PAYABLE", status="OPEN")
    deleted = await api.delete(f"/accounting/invoices/{bill['id']}", headers=qbo_tenant.headers)
    assert deleted.status_code == 200, deleted.text
    assert deleted.json()["remote_was_deleted"] is True  # QBO cannot void a bill: it was deleted
    assert bill["id"] not in {r["id"] for r in await _list(api, qbo_tenant)}
    with_deleted = {r["id"]: r for r in await _list(api, qbo_tenant, include_deleted="true")}
    assert with_deleted[bill["id"]]["remote_was_deleted"] is True


async def test_bad_filters_name_every_parameter(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    response = await api.get("/accounting/invoices", headers=qbo_tenant.headers, params={
        "status": "NOPE", "contact_id": "x", "issue_date_after": "yesterday", "expand": "contact,color"})
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} >= {"status", "contact_id", "issue_date_after"}
    expand = await api.get("/accounting/invoices", headers=qbo_tenant.headers, params={"expand": "contact,color"})
    assert expand.status_code == 422 and [e["field"] for e in expand.json()["errors"]] == ["expand"]
    # Filters an object's model lacks are not offered for it (accounts have no contact).
    spec = (await api.get("/openapi.json")).json()
    names = {p["name"] for p in spec["paths"]["/accounting/accounts"]["get"]["parameters"]}
    assert "contact_id" not in names and "modified_after" in names


async def test_expand_embeds_the_referenced_records(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    invoice = await first(api, qbo_tenant, "/accounting/invoices", type="ACCOUNTS_RECEIVABLE")
    response = await api.get(
        f"/accounting/invoices/{invoice['id']}", headers=qbo_tenant.headers,
        params={"expand": "contact,line_items.item,line_items.tax_rate"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["contact_id"] == invoice["contact_id"]
    assert body["contact"]["id"] == invoice["contact_id"] and body["contact"]["name"]
    item_lines = [line for line in body["line_items"] if line.get("item_id")]
    assert item_lines and all(line["item"]["id"] == line["item_id"] for line in item_lines)
    page = (await api.get("/accounting/invoices", headers=qbo_tenant.headers, params={"expand": "contact"})).json()
    assert all(r["contact"]["id"] == r["contact_id"] for r in page["data"] if r["contact_id"])
    plain = (await api.get(f"/accounting/invoices/{invoice['id']}", headers=qbo_tenant.headers)).json()
    assert "contact" not in plain
