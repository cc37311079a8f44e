"""Account creates and attachments of a Tryton connection through the API (SQLite and PostgreSQL), checked against
the live trytond behind it; and the pure pieces (default account types, attachment mapping)."""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.tryton.mapping import account as account_map
from ledgerbridge.connectors.tryton.mapping import attachment as attachment_map
from ledgerbridge.connectors.tryton.mapping.account import account_classification
from ledgerbridge.connectors.tryton.objects.attachment import TABLE as ATTACHMENTS
from ledgerbridge.runtime import Runtime
from ledgerbridge.sync.engine import sync_connection
from ledgerbridge.unified.account import AccountClassification
from tests.factories import Tenant, first
from tests.providers import Harness

TODAY = dt.datetime.now(dt.UTC).date()
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 2 + b"\n%%EOF\n"  # binary, every byte value


def _data_url(content: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(content).decode()}"


async def _count(provider: Harness, model: str, domain: list[Any] | None = None) -> int:
    rpc = provider.rpc  # type: ignore[attr-defined]
    return int(await rpc.model(model, "search_count", domain or [], context={"active_test": False}))


async def _account(provider: Harness, remote_id: str) -> dict[str, Any]:
    rows = await provider.rpc.read("account.account", [int(remote_id)],  # type: ignore[attr-defined]
                                   ["code", "name", "type.name", "parent", "parent.parent", "note", "company"])
    return rows[0]  # type: ignore[no-any-return]


# --- accounts -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", ["tryton"], indirect=True)
async def test_account_create_round_trips(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    caps = (await api.get("/accounting/capabilities", headers=tenant.headers)).json()["objects"]
    assert "create" in caps["account"]["operations"]
    assert "bank_account_number" in caps["account"]["unsupported_fields"]

    created = await api.post("/accounting/accounts", headers=tenant.headers, json={
        "name": "Office equipment", "classification": "ASSET", "account_number": "1.5.9",
        "description": "Desks and chairs", "bank_account_number": "DE89 3704 0044 0532 0130 00"})
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["name"], body["account_number"], body["classification"], body["type"]) == (
        "Office equipment", "1.5.9", "ASSET", "Assets")
    assert body["description"] == "Desks and chairs" and body["status"] == "ACTIVE"
    assert [w["field"] for w in body["warnings"]] == ["bank_account_number"]

    remote = await _account(provider, body["remote_id"])
    assert (remote["code"], remote["name"], remote["type."]["name"], remote["note"]) == (
        "1.5.9", "Office equipment", "Assets", "Desks and chairs")
    root = await provider.rpc.search_read("account.account", [  # type: ignore[attr-defined]
        ("parent", "=", None), ("company", "=", remote["company"])], ["id"])
    assert remote["parent"] == root[0]["id"]  # under the company's chart

    # A named type (any case) and a parent from the chart.
    revenue_parent = await first(api, tenant, "/accounting/accounts", account_number="4.0.0")
    fees = await api.post("/accounting/accounts", headers=tenant.headers, json={
        "name": "Consulting fees", "classification": "REVENUE", "type": "revenue", "account_number": "4.9.1",
        "parent_account": revenue_parent["id"]})
    assert fees.status_code == 201, fees.text
    assert fees.json()["type"] == "Revenue" and fees.json()["parent_account"] == revenue_parent["id"]
    remote = await _account(provider, fees.json()["remote_id"])
    assert (remote["code"], remote["type."]["name"], remote["parent"]) == (
        "4.9.1", "Revenue", int(revenue_parent["remote_id"]))

    again = await api.get(f"/accounting/accounts/{body['id']}", headers=tenant.headers)
    assert again.status_code == 200 and again.json()["account_number"] == "1.5.9"


@pytest.mark.parametrize("provider", ["tryton"], indirect=True)
async def test_bad_accounts_are_422_and_nothing_is_created(api: httpx.AsyncClient, tenant: Tenant,
                                                           provider: Harness) -> None:
    before = await _count(provider, "account.account")
    cases = [
        ({"name": "Twin cash", "classification": "ASSET", "account_number": "1.1.1"}, ["account_number"]),
        ({"name": "Odd", "classification": "ASSET", "type": "No such type", "account_number": "1.9.9"}, ["type"]),
        ({"name": "Mixed", "classification": "EXPENSE", "type": "Revenue", "account_number": "5.9.9"},
         ["classification"]),
        ({"name": "Foreign", "classification": "EXPENSE", "currency": "JPY", "account_number": "1.1.1"},
         ["account_number", "currency"]),
    ]
    for payload, fields in cases:
        for params in ({"dry_run": "true"}, {}):
            refused = await api.post("/accounting/accounts", headers=tenant.headers, params=params, json=payload)
            assert refused.status_code == 422, refused.text
            assert sorted(e["field"] for e in refused.json()["errors"]) == fields
    assert await _count(provider, "account.account") == before


def test_default_types_follow_the_classification() -> None:
    types = {
        1: {"id": 1, "name": "Chart", "parent": None, "statement": None},
        2: {"id": 2, "name": "Assets", "parent": 1, "statement": "balance"},
        3: {"id": 3, "name": "Current Assets", "parent": 2, "statement": "balance"},
        4: {"id": 4, "name": "Receivable", "parent": 3, "statement": "balance", "assets": True, "receivable": True},
        5: {"id": 5, "name": "Liabilities", "parent": 1, "statement": "balance"},
        6: {"id": 6, "name": "Equity / capital", "parent": 1, "statement": "balance"},
        7: {"id": 7, "name": "Profit", "parent": 6, "statement": "income"},
        8: {"id": 8, "name": "Expenses", "parent": 7, "statement": "income", "expense": True},
        9: {"id": 9, "name": "Revenue", "parent": 7, "statement": "income", "revenue": True},
    }
    assert account_classification(3, types) is AccountClassification.ASSET  # by name, no assets flag
    chosen = {c: (account_map.default_type(c, types) or {}).get("name") for c in AccountClassification}
    assert chosen == {AccountClassification.ASSET: "Assets", AccountClassification.LIABILITY: "Liabilities",
                      AccountClassification.EQUITY: "Equity / capital", AccountClassification.EXPENSE: "Expenses",
                      AccountClassification.REVENUE: "Revenue"}


# --- attachments ----------------------------------------------------------------------------------------------------


async def _invoice(api: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    customer = await first(api, tenant, "/accounting/contacts", is_customer=True)
    created = await api.post("/accounting/invoices", headers=tenant.headers, json={
        "type": "ACCOUNTS_RECEIVABLE", "status": "DRAFT", "contact_id": customer["id"],
        "issue_date": f"{TODAY}T00:00:00Z", "line_items": [{"description": "Audit", "quantity": 1,
                                                            "unit_price": "80"}]})
    assert created.status_code == 201, created.text
    return created.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize("provider", ["tryton"], indirect=True)
async def test_attachment_create_round_trips(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    caps = (await api.get("/accounting/capabilities", headers=tenant.headers)).json()["objects"]
    assert set(caps["attachment"]["operations"]) == {"list", "retrieve", "create"}
    invoice = await _invoice(api, tenant)
    created = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "receipt.pdf", "file_url": _data_url(PDF, "application/pdf"), "invoice_id": invoice["id"]})
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["file_name"], body["invoice_id"], body["file_size"], body["content_type"]) == (
        "receipt.pdf", invoice["id"], len(PDF), "application/pdf")
    assert not body.get("warnings")

    rpc = provider.rpc  # type: ignore[attr-defined]
    remote = (await rpc.read("ir.attachment", [int(body["remote_id"])], ["name", "type", "data", "resource"]))[0]
    assert remote["data"] == PDF and remote["type"] == "data" and remote["name"] == "receipt.pdf"
    assert remote["resource"] == f"account.invoice,{invoice['remote_id']}"

    listed = (await api.get("/accounting/attachments", headers=tenant.headers)).json()["data"]
    assert [(a["id"], a["invoice_id"]) for a in listed] == [(body["id"], invoice["id"])]
    one = await api.get(f"/accounting/attachments/{body['id']}", headers=tenant.headers)
    assert one.status_code == 200 and one.json()["invoice_id"] == invoice["id"]

    # A media type the name does not imply is not kept by Tryton: said in a warning.
    account = await first(api, tenant, "/accounting/accounts", account_number="1.1.1")
    scan = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "scan", "file_url": _data_url(b"\x89PNG\r\n", "image/png"), "account_id": account["id"]})
    assert scan.status_code == 201, scan.text
    assert scan.json()["account_id"] == account["id"]
    assert [w["field"] for w in scan.json()["warnings"]] == ["content_type"]


@pytest.mark.parametrize("provider", ["tryton"], indirect=True)
async def test_attachments_made_in_tryton_are_synced(api: httpx.AsyncClient, runtime: Runtime, tenant: Tenant,
                                                     provider: Harness) -> None:
    contact = await first(api, tenant, "/accounting/contacts", is_customer=True)
    rpc = provider.rpc  # type: ignore[attr-defined]
    await rpc.model("ir.attachment", "create", [
        {"name": "contract.txt", "type": "data", "data": b"signed", "resource": f"party.party,{contact['remote_id']}"},
        {"name": "elsewhere.txt", "type": "data", "data": b"x", "resource": "res.user,1"}], write=True)
    await sync_connection(runtime, tenant.connection)
    listed = (await api.get("/accounting/attachments", headers=tenant.headers)).json()["data"]
    assert [(a["file_name"], a["contact_id"], a["file_size"], a["content_type"]) for a in listed] == [
        ("contract.txt", contact["id"], 6, "text/plain")]


@pytest.mark.parametrize("provider", ["tryton"], indirect=True)
async def test_attachment_without_a_target_is_refused(api: httpx.AsyncClient, tenant: Tenant,
                                                      provider: Harness) -> None:
    before = await _count(provider, "ir.attachment")
    for params in ({"dry_run": "true"}, {}):
        refused = await api.post("/accounting/attachments", headers=tenant.headers, params=params, json={
            "file_name": "loose.txt", "file_url": _data_url(b"hello", "text/plain")})
        assert refused.status_code == 422, refused.text
        assert sorted(e["field"] for e in refused.json()["errors"]) == ["account_id", "contact_id", "invoice_id"]
    assert await _count(provider, "ir.attachment") == before


def test_attachment_mapping() -> None:
    def ref(object_name: str, remote_key: str | None) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"{object_name}:{remote_key}")

    row = {"id": 7, "name": "a.pdf", "type": "data", "resource": "account.invoice,3", "data_size": 10, "link": None}
    record = ATTACHMENTS.record(row, attachment_map.to_unified(row, ref))
    assert record.remote_key == "ir.attachment/7"
    assert record.data.model_dump(exclude_none=True) == {
        "file_name": "a.pdf", "invoice_id": ref("invoice", "account.invoice/3"), "content_type": "application/pdf",
        "file_size": 10}
    link = attachment_map.to_unified({"id": 8, "name": "site", "type": "link", "resource": "party.party,4",
                                      "link": "https://example.com/x", "data_size": None}, ref)
    assert (link.file_url, link.contact_id, link.content_type) == (
        "https://example.com/x", ref("contact", "party.party/4"), None)
