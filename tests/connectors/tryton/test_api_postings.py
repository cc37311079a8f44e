"""Payments, journal entries, credit notes and reports of a Tryton connection end to end, through the API (on
SQLite and PostgreSQL), checked against the live trytond behind it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.sync.engine import sync_connection
from tests.factories import Tenant, first
from tests.providers import Harness

pytestmark = pytest.mark.parametrize("provider", ["tryton"], indirect=True)
TODAY = dt.datetime.now(dt.UTC).date()


async def _open_invoice(api: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    customer = await first(api, tenant, "/accounting/contacts", is_customer=True)
    created = await api.post("/accounting/invoices", headers=tenant.headers, json={
        "type": "ACCOUNTS_RECEIVABLE", "status": "OPEN", "contact_id": customer["id"],
        "issue_date": f"{TODAY}T00:00:00Z",
        "line_items": [{"description": "Consulting", "quantity": 2, "unit_price": "60.25"}]})
    assert created.status_code == 201, created.text
    return created.json()  # type: ignore[no-any-return]


async def _moves(provider: Harness) -> int:
    return int(await provider.rpc.model("account.move", "search_count", []))  # type: ignore[attr-defined]


async def test_capabilities_declare_the_new_objects(api: httpx.AsyncClient, tenant: Tenant,
                                                    provider: Harness) -> None:
    body = (await api.get("/accounting/capabilities", headers=tenant.headers)).json()
    objects = body["objects"]
    assert set(objects["payment"]["operations"]) == set(objects["journal_entry"]["operations"]) == {
        "list", "retrieve", "create"}
    for name in ("credit_note", "vendor_credit", "balance_sheet", "income_statement"):
        assert set(objects[name]["operations"]) == {"list", "retrieve"}
    assert "cash_flow_statement" not in objects
    flow = await api.get("/accounting/cashflowstatements", headers=tenant.headers)
    assert flow.status_code == 400 and "tryton" in flow.json()["message"]


async def test_payment_lowers_the_invoice_balance_and_is_listed(api: httpx.AsyncClient, tenant: Tenant,
                                                                provider: Harness) -> None:
    invoice = await _open_invoice(api, tenant)
    assert Decimal(str(invoice["balance"])) == Decimal("120.50")
    moves = await _moves(provider)
    over = {"invoice_id": invoice["id"], "total_amount": "120.51"}
    refused = await api.post("/accounting/payments", headers=tenant.headers, params={"dry_run": "true"}, json=over)
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["line_items[0].applied_amount"]
    assert (await api.post("/accounting/payments", headers=tenant.headers, json=over)).status_code == 422
    assert await _moves(provider) == moves

    paid = await api.post("/accounting/payments", headers=tenant.headers, json={
        "invoice_id": invoice["id"], "total_amount": "20.50", "reference": "Wire 42"})
    assert paid.status_code == 201, paid.text
    payment = paid.json()
    assert Decimal(str(payment["total_amount"])) == Decimal("20.50") and payment["type"] == "AR"
    assert payment["invoice_id"] == invoice["id"] and payment["reference"] == "Wire 42"
    remote = await provider.rpc.read("account.invoice", [int(invoice["remote_id"])],  # type: ignore[attr-defined]
                                     ["amount_to_pay", "state"])
    assert remote[0]["amount_to_pay"] == Decimal("100.00") and remote[0]["state"] == "posted"

    again = (await api.get(f"/accounting/invoices/{invoice['id']}", headers=tenant.headers)).json()
    assert Decimal(str(again["balance"])) == Decimal("100.00") and again["status"] == "PARTIALLY_PAID"
    listed = (await api.get("/accounting/payments", headers=tenant.headers)).json()["data"]
    assert [p["id"] for p in listed] == [payment["id"]]
    one = await api.get(f"/accounting/payments/{payment['id']}", headers=tenant.headers)
    assert one.status_code == 200 and one.json()["remote_id"] == payment["remote_id"]


async def test_journal_entries_post_and_unbalanced_ones_never_reach_tryton(api: httpx.AsyncClient, tenant: Tenant,
                                                                           provider: Harness) -> None:
    ids = provider.server.manifest["accounts"]  # type: ignore[attr-defined]
    cash = await first(api, tenant, "/accounting/accounts", remote_id=str(ids["cash"]))
    revenue = await first(api, tenant, "/accounting/accounts", remote_id=str(ids["revenue"]))
    moves = await _moves(provider)
    unbalanced = await api.post("/accounting/journalentries", headers=tenant.headers, json={"line_items": [
        {"account_id": cash["id"], "debit": "10.00"}, {"account_id": revenue["id"], "credit": "9.99"}]})
    assert unbalanced.status_code == 422 and "line_items" in {e["field"] for e in unbalanced.json()["errors"]}
    assert await _moves(provider) == moves

    created = await api.post("/accounting/journalentries", headers=tenant.headers, json={
        "memo": "Counter sale", "transaction_date": f"{TODAY}T00:00:00Z", "line_items": [
            {"account_id": cash["id"], "net_amount": "75.10"}, {"account_id": revenue["id"], "net_amount": "-75.10"}]})
    assert created.status_code == 201, created.text
    entry = created.json()
    assert entry["posting_status"] == "POSTED" and entry["journal_number"]
    lines = await provider.rpc.search_read(  # type: ignore[attr-defined]
        "account.move.line", [("move", "=", int(entry["remote_id"]))], ["account", "debit", "credit"],
        order=[("id", "ASC")])
    assert [(line["account"], line["debit"], line["credit"]) for line in lines] == [
        (ids["cash"], Decimal("75.10"), Decimal(0)), (ids["revenue"], Decimal(0), Decimal("75.10"))]
    assert [(Decimal(str(i["debit"])), Decimal(str(i["credit"]))) for i in entry["line_items"]] == [
        (Decimal("75.10"), Decimal(0)), (Decimal(0), Decimal("75.10"))]

    statement = await api.get("/accounting/incomestatements", headers=tenant.headers,
                              params={"start_period": str(TODAY.replace(month=1, day=1)), "end_period": str(TODAY)})
    assert statement.status_code == 200, statement.text
    [report] = statement.json()["data"]
    assert [(i["remote_id"], Decimal(str(i["value"]))) for i in report["income"]] == [
        (str(ids["revenue"]), Decimal("75.10"))]
    assert Decimal(str(report["net_income"])) == Decimal("75.10")
    sheet = await api.get("/accounting/balancesheets", headers=tenant.headers, params={"end_period": str(TODAY)})
    [balance] = sheet.json()["data"]
    assets = {i["remote_id"]: Decimal(str(i["value"])) for i in balance["assets"] if i["remote_id"]}
    assert assets == {str(ids["cash"]): Decimal("75.10")}
    assert Decimal(str(balance["net_assets"])) == Decimal("75.10")


async def test_credit_notes_are_listed_apart(api: httpx.AsyncClient, tenant: Tenant, provider: Harness,
                                             runtime: Runtime) -> None:
    customer = await first(api, tenant, "/accounting/contacts", is_customer=True)
    created = await api.post("/accounting/invoices", headers=tenant.headers, json={
        "type": "ACCOUNTS_RECEIVABLE", "status": "OPEN", "contact_id": customer["id"],
        "line_items": [{"description": "Refund", "quantity": -1, "unit_price": "30.00"}]})
    assert created.status_code == 201, created.text
    await sync_connection(runtime, tenant.connection)  # credit notes are read by sync, not written here
    notes = (await api.get("/accounting/creditnotes", headers=tenant.headers)).json()["data"]
    assert [(n["remote_id"], Decimal(str(n["total_amount"])), n["status"]) for n in notes] == [
        (created.json()["remote_id"], Decimal("30.00"), "AUTHORIZED")]
    assert (await api.get("/accounting/vendorcredits", headers=tenant.headers)).json()["data"] == []
