"""Creates of the new objects round-trip through the provider (QuickBooks sandbox), and bad bodies change nothing."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from tests.factories import Tenant, everything, first
from tests.providers import Harness

pytestmark = pytest.mark.parametrize("provider", ["quickbooks"], indirect=True)


async def _account(api: httpx.AsyncClient, tenant: Tenant, **match: str) -> dict:  # type: ignore[type-arg]
    return await first(api, tenant, "/accounting/accounts", **match)


async def test_journal_entry_round_trips(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    rent = await _account(api, tenant, name="Rent or Lease")
    bank = await _account(api, tenant, name="Checking")
    body = {"memo": "Rent accrual", "transaction_date": "2024-03-31", "line_items": [
        {"account_id": rent["id"], "debit": 250.5, "description": "March"},
        {"account_id": bank["id"], "net_amount": 250.5, "posting_type": "CREDIT"},
    ]}
    created = await api.post("/accounting/journalentries", headers=tenant.headers, json=body)
    assert created.status_code == 201, created.text
    entry = created.json()
    remote = provider.sandbox.entity(provider.realm, "JournalEntry", entry["remote_id"])
    assert remote is not None and Decimal(str(remote["TotalAmt"])) == Decimal("250.5")
    lines = entry["line_items"]
    assert [(line["account_id"], line["debit"], line["credit"]) for line in lines] == [
        (rent["id"], 250.5, 0), (bank["id"], 0, 250.5)]
    again = await api.get(f"/accounting/journalentries/{entry['id']}", headers=tenant.headers)
    assert again.json()["memo"] == "Rent accrual"


async def test_unbalanced_journal_entry_is_refused(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    rent = await _account(api, tenant, name="Rent or Lease")
    before = provider.sandbox.count(provider.realm, "JournalEntry")
    answer = await api.post("/accounting/journalentries", headers=tenant.headers, json={"line_items": [
        {"account_id": rent["id"], "debit": 100}, {"account_id": rent["id"], "credit": 99}]})
    assert answer.status_code == 422
    assert "line_items" in answer.text
    assert provider.sandbox.count(provider.realm, "JournalEntry") == before


async def test_payment_updates_the_invoice(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    invoices = [i for i in await everything(api, tenant, "/accounting/invoices")
                if i["status"] == "OPEN" and i["type"] == "ACCOUNTS_RECEIVABLE" and i["balance"] > 1]
    invoice = invoices[0]
    part = (Decimal(str(invoice["balance"])) / 2).quantize(Decimal("0.01"))
    answer = await api.post("/accounting/payments", headers=tenant.headers, json={
        "transaction_date": "2024-04-01",
        "line_items": [{"applied_amount": str(part), "related_object_id": invoice["id"]}]})
    assert answer.status_code == 201, answer.text
    payment = answer.json()
    assert payment["line_items"][0]["related_object_id"] == invoice["id"]
    assert Decimal(str(payment["total_amount"])) == part
    stored = (await api.get(f"/accounting/invoices/{invoice['id']}", headers=tenant.headers)).json()
    assert stored["status"] == "PARTIALLY_PAID"
    assert Decimal(str(stored["balance"])) == Decimal(str(invoice["balance"])) - part
    remote = provider.sandbox.entity(provider.realm, "Invoice", invoice["remote_id"])
    assert Decimal(str(remote["Balance"])) == Decimal(str(stored["balance"]))


async def test_payment_that_does_not_add_up_is_refused(api: httpx.AsyncClient, tenant: Tenant) -> None:
    invoice = await first(api, tenant, "/accounting/invoices", status="OPEN", type="ACCOUNTS_RECEIVABLE")
    answer = await api.post("/accounting/payments", headers=tenant.headers, json={
        "total_amount": 5, "line_items": [{"applied_amount": 4, "related_object_id": invoice["id"]}]})
    assert answer.status_code == 422
    assert "line_items" in answer.text


async def test_expense_purchase_order_and_account(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    bank = await _account(api, tenant, name="Checking")
    office = await _account(api, tenant, name="Office Expenses")
    vendor = await first(api, tenant, "/accounting/contacts", is_supplier=True)
    expense = await api.post("/accounting/expenses", headers=tenant.headers, json={
        "account_id": bank["id"], "contact_id": vendor["id"], "memo": "Paper",
        "line_items": [{"net_amount": 42.1, "account_id": office["id"]}]})
    assert expense.status_code == 201, expense.text
    assert expense.json()["total_amount"] == 42.1
    assert provider.sandbox.entity(provider.realm, "Purchase", expense.json()["remote_id"]) is not None

    order = await api.post("/accounting/purchaseorders", headers=tenant.headers, json={
        "vendor": vendor["id"], "purchase_order_number": "PO-7",
        "line_items": [{"description": "Chairs", "quantity": 3, "unit_price": 20, "account_id": office["id"]}]})
    assert order.status_code == 201, order.text
    assert order.json()["total_amount"] == 60 and order.json()["status"] == "AUTHORIZED"
    listed = await everything(api, tenant, "/accounting/purchaseorders")
    assert [o["purchase_order_number"] for o in listed] == ["PO-7"]

    account = await api.post("/accounting/accounts", headers=tenant.headers, json={
        "name": "Travel", "classification": "EXPENSE"})
    assert account.status_code == 201, account.text
    remote = provider.sandbox.entity(provider.realm, "Account", account.json()["remote_id"])
    assert remote["AccountType"] == "Expense"


async def test_expense_from_a_non_bank_account_is_refused(api: httpx.AsyncClient, tenant: Tenant) -> None:
    office = await _account(api, tenant, name="Office Expenses")
    answer = await api.post("/accounting/expenses", headers=tenant.headers, json={
        "account_id": office["id"], "line_items": [{"net_amount": 1, "account_id": office["id"]}]})
    assert answer.status_code == 422
    assert "account_id" in answer.text


async def test_attachment_from_a_url_not_allowed_is_refused(api: httpx.AsyncClient, tenant: Tenant) -> None:
    # Attachments are created now (tests/api/test_attachments.py); a URL on a host not allowed is never fetched.
    answer = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "a.pdf", "file_url": "https://example.com/a.pdf"})
    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["file_url"]
