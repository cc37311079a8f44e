"""The objects Xero gained in issue 5 part C, end to end through the API: reads after a sync, creates that
round-trip to the sandbox, and refusals that write nothing at the provider."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.sync.engine import sync_connection
from tests.factories import Tenant, everything, first
from tests.providers import Harness

xero_only = pytest.mark.parametrize("provider", ["xero"], indirect=True)


@xero_only
async def test_xero_reads_company_contact_details_expenses_and_vendor_credits(
        api: httpx.AsyncClient, tenant: Tenant, provider: Harness, runtime: Runtime) -> None:
    tid = provider.tenant_id  # type: ignore[attr-defined]
    transport = provider.transports()["xero"]
    async with httpx.AsyncClient(transport=transport, base_url="http://xero") as raw:
        creds, _ = provider.credentials()
        token = creds["access_token"]
        headers = {"Authorization": f"Bearer {token}", "xero-tenant-id": tid, "Accept": "application/json"}
        contact = {"Name": "Details Ltd", "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "5551234",
                                                      "PhoneAreaCode": "21"}],
                   "Addresses": [{"AddressType": "STREET", "AddressLine1": "1 Queen St", "City": "Auckland",
                                  "PostalCode": "1010", "Country": "NZ"}]}
        made = await raw.put("/api.xro/2.0/Contacts", json={"Contacts": [contact]}, headers=headers)
        assert made.status_code == 200, made.text
        contact_id = made.json()["Contacts"][0]["ContactID"]
        spend = {"Type": "SPEND", "Contact": {"ContactID": contact_id}, "BankAccount": {"Code": "090"},
                 "Date": "2024-05-01", "LineItems": [{"Description": "Stationery", "Quantity": 1,
                                                      "UnitAmount": 20, "AccountCode": "429", "TaxType": "INPUT2"}]}
        assert (await raw.put("/api.xro/2.0/BankTransactions", json={"BankTransactions": [spend]},
                              headers=headers)).status_code == 200
        credit = {"Type": "ACCPAYCREDIT", "Contact": {"ContactID": contact_id}, "Status": "AUTHORISED",
                  "Date": "2024-05-02", "LineItems": [{"Description": "Returned", "Quantity": 1,
                                                       "UnitAmount": 10, "AccountCode": "429"}]}
        assert (await raw.put("/api.xro/2.0/CreditNotes", json={"CreditNotes": [credit]},
                              headers=headers)).status_code == 200
    await sync_connection(runtime, tenant.connection)

    company = await everything(api, tenant, "/accounting/companyinfos")
    assert len(company) == 1 and company[0]["name"] and company[0]["currency"]
    contacts = {c["remote_id"]: c for c in await everything(api, tenant, "/accounting/contacts")}
    ours = contacts[contact_id.lower()]
    addresses = [a for a in await everything(api, tenant, "/accounting/addresses") if a["contact_id"] == ours["id"]]
    assert [(a["type"], a["street_1"], a["city"], a["zip"]) for a in addresses] == [
        ("STREET", "1 Queen St", "Auckland", "1010")]
    phones = [p for p in await everything(api, tenant, "/accounting/phonenumbers") if p["contact_id"] == ours["id"]]
    assert [(p["type"], p["number"]) for p in phones] == [("MOBILE", "21 5551234")]
    one = await api.get(f"/accounting/phonenumbers/{phones[0]['id']}", headers=tenant.headers)
    assert one.status_code == 200 and one.json()["number"] == "21 5551234"

    expenses = [e for e in await everything(api, tenant, "/accounting/expenses") if e["contact_id"] == ours["id"]]
    assert len(expenses) == 1
    assert Decimal(str(expenses[0]["total_amount"])) == Decimal("23.00")
    assert Decimal(str(expenses[0]["line_items"][0]["net_amount"])) == Decimal("20.00")
    credits = [v for v in await everything(api, tenant, "/accounting/vendorcredits") if v["vendor"] == ours["id"]]
    assert len(credits) == 1 and Decimal(str(credits[0]["total_amount"])) == Decimal("11.50")


@xero_only
async def test_xero_creates_journal_expense_account_purchase_order(
        api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    sb, tid = provider.sandbox, provider.tenant_id  # type: ignore[attr-defined]
    rent = await first(api, tenant, "/accounting/accounts", account_number="429")
    bank = await first(api, tenant, "/accounting/accounts", account_number="090")
    journal = await api.post("/accounting/journalentries", headers=tenant.headers, json={
        "memo": "Rent accrual", "transaction_date": "2024-03-31", "line_items": [
            {"account_id": rent["id"], "debit": 250.5}, {"account_id": bank["id"], "credit": 250.5}]})
    assert journal.status_code == 201, journal.text
    entry = journal.json()
    remote = sb.get(tid, "ManualJournals", entry["remote_id"])
    assert [Decimal(str(line["LineAmount"])) for line in remote["JournalLines"]] == [Decimal("250.50"),
                                                                                     Decimal("-250.50")]
    assert [(line["account_id"], line["debit"], line["credit"]) for line in entry["line_items"]] == [
        (rent["id"], 250.5, 0), (bank["id"], 0, 250.5)]

    vendor = await first(api, tenant, "/accounting/contacts")
    expense = await api.post("/accounting/expenses", headers=tenant.headers, json={
        "account_id": bank["id"], "contact_id": vendor["id"], "transaction_date": "2024-04-02", "memo": "Paper",
        "line_items": [{"account_id": rent["id"], "net_amount": 40}]})
    assert expense.status_code == 201, expense.text
    spent = expense.json()
    assert sb.get(tid, "BankTransactions", spent["remote_id"])["Type"] == "SPEND"
    assert spent["account_id"] == bank["id"] and spent["memo"] == "Paper"

    account = await api.post("/accounting/accounts", headers=tenant.headers, json={
        "name": "Subscriptions", "classification": "EXPENSE", "account_number": "485"})
    assert account.status_code == 201, account.text
    assert sb.get(tid, "Accounts", account.json()["remote_id"])["Type"] == "EXPENSE"

    order = await api.post("/accounting/purchaseorders", headers=tenant.headers, json={
        "vendor": vendor["id"], "issue_date": "2024-04-03", "purchase_order_number": "PO-77",
        "line_items": [{"description": "Chairs", "quantity": 2, "unit_price": 50, "account_id": rent["id"]}]})
    assert order.status_code == 201, order.text
    po = order.json()
    assert sb.get(tid, "PurchaseOrders", po["remote_id"])["PurchaseOrderNumber"] == "PO-77"
    assert Decimal(str(po["total_amount"])) >= Decimal("100")
    again = await api.get(f"/accounting/purchaseorders/{po['id']}", headers=tenant.headers)
    assert again.status_code == 200 and again.json()["vendor"] == vendor["id"]


@xero_only
async def test_xero_payment_updates_the_invoice(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    sb, tid = provider.sandbox, provider.tenant_id  # type: ignore[attr-defined]
    invoices = [i for i in await everything(api, tenant, "/accounting/invoices")
                if i["status"] == "OPEN" and i["type"] == "ACCOUNTS_RECEIVABLE" and i["balance"] > 1]
    invoice = invoices[0]
    part = (Decimal(str(invoice["balance"])) / 2).quantize(Decimal("0.01"))
    answer = await api.post("/accounting/payments", headers=tenant.headers, json={
        "transaction_date": "2024-04-01", "invoice_id": invoice["id"], "total_amount": str(part)})
    assert answer.status_code == 201, answer.text
    assert answer.json()["line_items"][0]["related_object_id"] == invoice["id"]
    stored = (await api.get(f"/accounting/invoices/{invoice['id']}", headers=tenant.headers)).json()
    assert stored["status"] == "PARTIALLY_PAID"
    assert Decimal(str(stored["balance"])) == Decimal(str(invoice["balance"])) - part
    assert Decimal(str(sb.get(tid, "Invoices", invoice["remote_id"])["AmountDue"])) == Decimal(str(stored["balance"]))


@xero_only
async def test_xero_refusals_write_nothing(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    sb, tid = provider.sandbox, provider.tenant_id  # type: ignore[attr-defined]
    rent = await first(api, tenant, "/accounting/accounts", account_number="429")
    bank = await first(api, tenant, "/accounting/accounts", account_number="090")
    journals = sb.count(tid, "ManualJournals")
    no_memo = await api.post("/accounting/journalentries", headers=tenant.headers, json={"line_items": [
        {"account_id": rent["id"], "debit": 5}, {"account_id": bank["id"], "credit": 5}]})
    assert no_memo.status_code in (400, 422) and "memo" in no_memo.text
    assert sb.count(tid, "ManualJournals") == journals
    spends = sb.count(tid, "BankTransactions")
    no_payee = await api.post("/accounting/expenses", headers=tenant.headers, json={
        "account_id": bank["id"], "line_items": [{"account_id": rent["id"], "net_amount": 5}]})
    assert no_payee.status_code in (400, 422) and "contact_id" in no_payee.text
    assert sb.count(tid, "BankTransactions") == spends
    accounts = sb.count(tid, "Accounts")
    no_code = await api.post("/accounting/accounts", headers=tenant.headers, json={
        "name": "No code", "classification": "EXPENSE"})
    assert no_code.status_code in (400, 422) and "account_number" in no_code.text
    assert sb.count(tid, "Accounts") == accounts
    two = [i for i in await everything(api, tenant, "/accounting/invoices")
           if i["status"] == "OPEN" and i["type"] == "ACCOUNTS_RECEIVABLE"][:2]
    if len(two) == 2:
        payments = sb.count(tid, "Payments")
        split = await api.post("/accounting/payments", headers=tenant.headers, json={"line_items": [
            {"applied_amount": 1, "related_object_id": two[0]["id"]},
            {"applied_amount": 1, "related_object_id": two[1]["id"]}]})
        assert split.status_code in (400, 422) and "line_items" in split.text
        assert sb.count(tid, "Payments") == payments
