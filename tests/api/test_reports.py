"""Report routes end to end: fetched live from the provider's report API, stored as records, listed and
retrieved; a provider without the report is a 400 that names it. QuickBooks and Xero here; Tryton's reports (its
own sums, checked against its ledger) are tested in tests/connectors/tryton/."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from ledgerbridge.sandbox.quickbooks import reports as qbo_reports
from tests.factories import Tenant
from tests.providers import Harness

both = pytest.mark.parametrize("provider", ["quickbooks", "xero"], indirect=True)
quickbooks_only = pytest.mark.parametrize("provider", ["quickbooks"], indirect=True)
every = pytest.mark.parametrize("provider", ["quickbooks", "xero", "tryton"], indirect=True)
PERIOD = {"start_period": "2020-01-01", "end_period": "2030-12-31"}


@both
async def test_income_statement_is_fetched_stored_and_retrievable(api: httpx.AsyncClient, tenant: Tenant,
                                                                   provider: Harness) -> None:
    listed = await api.get("/accounting/incomestatements", params=PERIOD, headers=tenant.headers)
    assert listed.status_code == 200, listed.text
    [report] = listed.json()["data"]
    assert report["start_period"].startswith("2020-01-01") and report["end_period"].startswith("2030-12-31")
    income = sum((Decimal(str(i["value"])) for i in report["income"] if i.get("remote_id")), Decimal(0))
    assert income > 0  # the seeded sales
    assert report["net_income"] is not None

    one = await api.get(f"/accounting/incomestatements/{report['id']}", headers=tenant.headers)
    assert one.status_code == 200 and one.json()["net_income"] == report["net_income"]

    # Same period again: the same record; another period: a second one.
    again = await api.get("/accounting/incomestatements", params=PERIOD, headers=tenant.headers)
    assert [r["id"] for r in again.json()["data"]] == [report["id"]]
    other = await api.get("/accounting/incomestatements", params={"start_period": "2021-01-01",
                                                                  "end_period": "2021-12-31"},
                          headers=tenant.headers)
    assert len(other.json()["data"]) == 2


@both
async def test_balance_sheet_is_as_at_end_period(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    answer = await api.get("/accounting/balancesheets", params={"end_period": "2030-06-30"}, headers=tenant.headers)
    assert answer.status_code == 200, answer.text
    [sheet] = answer.json()["data"]
    assert sheet["date"].startswith("2030-06-30")
    assert sheet["assets"], "the seeded receivables are assets"


@every
async def test_empty_period_is_a_422_naming_both_fields_and_stores_nothing(api: httpx.AsyncClient, tenant: Tenant,
                                                                         provider: Harness) -> None:
    bad = await api.get("/accounting/incomestatements", params={"start_period": "2025-02-01",
                                                                "end_period": "2025-01-01"}, headers=tenant.headers)
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"start_period", "end_period"}
    unknown = await api.get("/accounting/incomestatements/00000000-0000-0000-0000-000000000000",
                            headers=tenant.headers)
    assert unknown.status_code == 404
    bad_date = await api.get("/accounting/incomestatements", params={"end_period": "soon"}, headers=tenant.headers)
    assert bad_date.status_code == 422 and "end_period" in bad_date.text


@every
async def test_cash_flow_statement(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    answer = await api.get("/accounting/cashflowstatements", params=PERIOD, headers=tenant.headers)
    if provider.name in ("xero", "tryton"):  # Xero has no cash flow report API, Tryton no such report
        assert answer.status_code == 400 and provider.name in answer.json()["message"]
        return
    assert answer.status_code == 200, answer.text
    [flow] = answer.json()["data"]
    begin, end = Decimal(str(flow["cash_at_beginning_of_period"])), Decimal(str(flow["cash_at_end_of_period"]))
    assert {i["type"] for i in flow["line_items"]} <= {"OPERATING", "INVESTING", "FINANCING"}
    assert begin == Decimal(0) and end == begin  # the seeded books have no bank postings
    since_year_one = await api.get("/accounting/cashflowstatements", headers=tenant.headers,
                                   params={"start_period": "0001-01-01", "end_period": PERIOD["end_period"]})
    assert since_year_one.status_code == 200, since_year_one.text  # nothing before the first day: cash starts at 0


@quickbooks_only
async def test_quickbooks_reports_follow_the_books(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    """A new invoice and a bill move the income statement, and the balance sheet always balances."""
    sb, realm = provider.sandbox, provider.realm  # type: ignore[attr-defined]
    period = {"start_date": "2027-01-01", "end_date": "2027-12-31"}
    assert qbo_reports.report(sb, realm, "ProfitAndLoss", period)["Rows"]["Row"][-1]["Summary"]["ColData"][1][
        "value"] == "0.00"
    accounts = {doc["Name"]: doc["Id"] for doc in qbo_reports._docs(sb, realm, "Account")}
    customer = next(iter(qbo_reports._docs(sb, realm, "Customer")))["Id"]
    vendor = next(iter(qbo_reports._docs(sb, realm, "Vendor")))["Id"]
    sb.write(realm, "Invoice", {"CustomerRef": {"value": customer}, "TxnDate": "2027-03-01", "Line": [
        {"DetailType": "SalesItemLineDetail", "Amount": Decimal("250.50"),
         "SalesItemLineDetail": {"ItemRef": {"value": "2"}, "Qty": 1, "UnitPrice": Decimal("250.50")}}]})
    sb.write(realm, "Bill", {"VendorRef": {"value": vendor}, "TxnDate": "2027-04-01", "Line": [
        {"DetailType": "AccountBasedExpenseLineDetail", "Amount": Decimal("100.25"),
         "AccountBasedExpenseLineDetail": {"AccountRef": {"value": accounts["Rent or Lease"]}}}]})

    answer = await api.get("/accounting/incomestatements", params={"start_period": "2027-01-01",
                                                                   "end_period": "2027-12-31"}, headers=tenant.headers)
    [statement] = answer.json()["data"]
    assert Decimal(str(statement["net_income"])) == Decimal("150.25")
    assert [(i["name"], Decimal(str(i["value"]))) for i in statement["operating_expenses"]] == [
        ("Rent or Lease", Decimal("100.25"))]
    assert statement["operating_expenses"][0]["account_id"] is not None

    sheet = qbo_reports.report(sb, realm, "BalanceSheet", {"end_date": "2027-12-31"})
    totals = {row["group"]: Decimal(row["Summary"]["ColData"][1]["value"]) for row in sheet["Rows"]["Row"]}
    assert totals["TotalAssets"] == totals["TotalLiabilitiesAndEquity"] and totals["TotalAssets"] > 0
    flow = qbo_reports.report(sb, realm, "CashFlow", period)
    figures = {row["group"]: Decimal(row["Summary"]["ColData"][1]["value"]) for row in flow["Rows"]["Row"]}
    assert figures["EndingCash"] - figures["BeginningCash"] == figures["CashIncrease"]
    net_income = flow["Rows"]["Row"][0]["Rows"]["Row"][0]["ColData"][1]["value"]
    assert Decimal(net_income) == Decimal("150.25")
