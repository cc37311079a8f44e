"""Purchase orders and the two reports in the Xero sandbox: Xero's rules, and every answer valid against the
official OpenAPI (the ``xero`` client checks each request and response)."""

from __future__ import annotations

from decimal import Decimal

from ledgerbridge.sandbox.xero import contract


def _rows(report):
    """{row title: value} over every Row and SummaryRow of a Xero report."""
    found = {}
    for section in report["Rows"]:
        for row in section.get("Rows") or []:
            cells = row["Cells"]
            found[(section.get("Title") or "", cells[0]["Value"])] = Decimal(cells[1]["Value"])
    return found


async def test_purchase_order_lifecycle_matches_contract(xero):
    body = {"PurchaseOrders": [{"Contact": {"Name": "Supplies Ltd"}, "Date": "2024-03-01",
                                "DeliveryDate": "2024-03-10", "Reference": "R1",
                                "LineItems": [{"Description": "Paper", "Quantity": Decimal(2),
                                               "UnitAmount": Decimal("10.00"), "AccountCode": "429",
                                               "TaxType": "INPUT2"}]}]}
    po = (await xero.ok("PUT", "/PurchaseOrders", json=body))["PurchaseOrders"][0]
    assert (po["Status"], po["PurchaseOrderNumber"]) == ("DRAFT", "PO-0001")
    assert (po["SubTotal"], po["TotalTax"], po["Total"]) == (Decimal("20.00"), Decimal("3.00"), Decimal("23.00"))
    pid = po["PurchaseOrderID"]
    listed = await xero.ok("GET", "/PurchaseOrders", params={"page": 1})
    assert [p["PurchaseOrderID"] for p in listed["PurchaseOrders"]] == [pid]
    await xero.ok("GET", f"/PurchaseOrders/{pid}", "/PurchaseOrders/{PurchaseOrderID}")
    upd = await xero.ok("POST", f"/PurchaseOrders/{pid}", "/PurchaseOrders/{PurchaseOrderID}",
                        json={"PurchaseOrders": [{"Status": "AUTHORISED"}]})
    assert upd["PurchaseOrders"][0]["Status"] == "AUTHORISED"
    second = (await xero.ok("PUT", "/PurchaseOrders", json=body))["PurchaseOrders"][0]
    assert second["PurchaseOrderNumber"] == "PO-0002"


async def test_purchase_order_rules(xero):
    missing = await xero.call("PUT", "/PurchaseOrders", json={"PurchaseOrders": [{"LineItems": []}]}, check=False)
    assert missing.status_code == 400
    contract.validate_schema("Error", xero.body(missing))
    assert "At least one line item" in missing.text
    assert xero.sb.count(xero.tenant, "PurchaseOrders") == 0


async def test_reports_follow_the_books(xero):
    before = (await xero.ok("GET", "/Reports/ProfitAndLoss", params={"fromDate": "2030-01-01",
                                                                      "toDate": "2030-12-31"}))["Reports"][0]
    assert _rows(before)[("", "Net Profit")] == 0
    invoice = {"Type": "ACCREC", "Contact": {"Name": "Report Buyer"}, "Date": "2030-03-01", "DueDate": "2030-03-31",
               "Status": "AUTHORISED", "LineItems": [{"Description": "Work", "Quantity": Decimal(1),
                                                       "UnitAmount": Decimal("100.00"), "AccountCode": "200",
                                                       "TaxType": "OUTPUT2"}]}
    inv = (await xero.ok("PUT", "/Invoices", json={"Invoices": [invoice]}))["Invoices"][0]
    await xero.ok("PUT", "/Payments", json={"Payments": [{"Invoice": {"InvoiceID": inv["InvoiceID"]},
                                                         "Account": {"Code": "090"}, "Amount": Decimal("115.00"),
                                                         "Date": "2030-03-02"}]})
    await xero.ok("PUT", "/BankTransactions", json={"BankTransactions": [{
        "Type": "SPEND", "Contact": {"Name": "PowerDirect"}, "BankAccount": {"Code": "090"}, "Date": "2030-03-03",
        "LineItems": [{"Description": "Power", "Quantity": Decimal(1), "UnitAmount": Decimal("40.00"),
                       "AccountCode": "445", "TaxType": "NONE"}]}]})
    pnl = (await xero.ok("GET", "/Reports/ProfitAndLoss", params={"fromDate": "2030-01-01",
                                                                   "toDate": "2030-12-31"}))["Reports"][0]
    rows = _rows(pnl)
    assert rows[("Income", "Total Income")] == Decimal("100.00")
    assert rows[("Less Operating Expenses", "Total Operating Expenses")] == Decimal("40.00")
    assert rows[("", "Net Profit")] == Decimal("60.00")
    sheet = (await xero.ok("GET", "/Reports/BalanceSheet", params={"date": "2030-12-31"}))["Reports"][0]
    rows = _rows(sheet)
    # The books balance: net assets equal equity, whatever the seed booked before.
    assert rows[("", "Net Assets")] == rows[("Equity", "Total Equity")]
    early = _rows((await xero.ok("GET", "/Reports/BalanceSheet", params={"date": "2030-02-28"}))["Reports"][0])
    assert rows[("", "Net Assets")] - early[("", "Net Assets")] == Decimal("60.00")  # the profit
    bank = next(c for s in sheet["Rows"] for r in s.get("Rows") or [] for c in r["Cells"][:1]
                if c["Value"] == "Business Bank Account")
    assert bank["Attributes"][0]["Id"] == "account"


async def test_unknown_report_is_404(xero):
    resp = await xero.http.get("/api.xro/2.0/Reports/Nonsense", headers=xero.headers())
    assert resp.status_code == 404
