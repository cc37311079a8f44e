"""The where/order language, as a unit and through GET /Invoices."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from ledgerbridge.sandbox.xero.where import WhereError, compile_where, parse_order, sort_rows

ROW = {"Status": "AUTHORISED", "Type": "ACCREC", "AmountDue": Decimal("12.50"), "Reference": "Order 77",
       "Contact": {"ContactID": "ab12cd34-0000-0000-0000-000000000001", "Name": "Bayside Club"},
       "Date": "/Date(1709251200000+0000)/", "SentToContact": False, "DueDate": None}


@pytest.mark.parametrize("expr, expected", [
    ('Status=="AUTHORISED"', True),
    ('Status == "DRAFT"', False),
    ('Type=="ACCREC" AND AmountDue>0', True),
    ('Type=="ACCPAY" OR AmountDue>=12.5', True),
    ('Type=="ACCPAY" || AmountDue<12.5', False),
    ('Contact.ContactID==guid("AB12CD34-0000-0000-0000-000000000001")', True),
    ('Contact.ContactID=Guid("ab12cd34-0000-0000-0000-000000000002")', False),
    ("Date>=DateTime(2024,03,01)", True),
    ("Date>DateTime(2024, 3, 1)", False),
    ('Date<DateTime.Parse("2024-03-02T00:00:00")', True),
    ('Reference.Contains("77")', True),
    ('Reference.StartsWith("order") AND NOT Reference.EndsWith("78")', True),
    ('(Status=="DRAFT" OR Status=="AUTHORISED") AND (Contact.Name=="Bayside Club")', True),
    ("SentToContact==false", True),
    ("DueDate==null", True),
    ("DueDate.HasValue", False),
    ("!(AmountDue>100)", True),
    ("AmountDue != -1", True),
])
def test_where_evaluation(expr, expected):
    assert compile_where(expr)(ROW) is expected


@pytest.mark.parametrize("bad", ['Status=="DRAFT" AND', "Status==", 'Status=="x" Foo', "DateTime(2024)", '(Status=="x"',
                                 "Name.Frobnicate(1)"])
def test_where_syntax_errors(bad):
    with pytest.raises(WhereError):
        compile_where(bad)(ROW)


def test_order_parsing_and_sorting():
    rows = [{"N": "b", "T": Decimal(2)}, {"N": "a", "T": Decimal(2)}, {"N": "c", "T": Decimal(1)},
            {"N": "d", "T": None}]
    assert parse_order("T DESC, N") == [(["T"], True), (["N"], False)]
    assert [r["N"] for r in sort_rows(rows, parse_order("T DESC, N ASC"))] == ["a", "b", "c", "d"]
    assert sort_rows(rows, parse_order("T"))[0]["N"] == "d"
    with pytest.raises(WhereError):
        parse_order("T SIDEWAYS")


async def test_where_order_and_paging_over_http(xero):
    body = await xero.ok("GET", "/Invoices", params={"where": 'Type=="ACCREC" AND Status=="AUTHORISED"',
                                                     "order": "Total DESC", "page": 1})
    invoices = body["Invoices"]
    assert invoices and all(i["Type"] == "ACCREC" and i["Status"] == "AUTHORISED" for i in invoices)
    totals = [i["Total"] for i in invoices]
    assert totals == sorted(totals, reverse=True)
    assert body["pagination"]["itemCount"] == len(invoices)
    date_filtered = await xero.ok("GET", "/Invoices", params={"where": "Date>=DateTime(2024,02,01)"})
    assert all(datetime.fromtimestamp(int(i["Date"][6:19]) / 1000, tz=UTC) >= datetime(2024, 2, 1, tzinfo=UTC)
               for i in date_filtered["Invoices"])
    assert 0 < len(date_filtered["Invoices"]) < xero.sb.count(xero.tenant, "Invoices")
    bad = await xero.call("GET", "/Invoices", params={"where": 'Status=="DRAFT" AND'}, check=False)
    assert bad.status_code == 400 and xero.body(bad)["Type"] == "QueryParseException"


async def test_paging_page_size_and_filters(xero):
    xero.sb.seed_invoices(xero.tenant, 250)
    total = xero.sb.count(xero.tenant, "Invoices")
    p1 = await xero.ok("GET", "/Invoices", params={"page": 1})
    assert len(p1["Invoices"]) == 100 and p1["pagination"] == {"page": 1, "pageSize": 100,
                                                               "pageCount": -(-total // 100), "itemCount": total}
    assert "LineItems" in p1["Invoices"][0]
    big = await xero.ok("GET", "/Invoices", params={"page": 1, "pageSize": 5000})
    assert big["pagination"]["pageSize"] == 1000 and len(big["Invoices"]) == total
    last = await xero.ok("GET", "/Invoices", params={"page": 3})
    assert len(last["Invoices"]) == total - 200
    ids = [p1["Invoices"][0]["InvoiceID"], p1["Invoices"][5]["InvoiceID"]]
    by_ids = await xero.ok("GET", "/Invoices", params={"IDs": ",".join(ids)})
    assert sorted(i["InvoiceID"] for i in by_ids["Invoices"]) == sorted(ids)
    assert all("LineItems" not in i for i in by_ids["Invoices"])  # unpaged lists omit line items
    nums = await xero.ok("GET", "/Invoices", params={"InvoiceNumbers": p1["Invoices"][3]["InvoiceNumber"]})
    assert [i["InvoiceID"] for i in nums["Invoices"]] == [p1["Invoices"][3]["InvoiceID"]]
    contact = p1["Invoices"][0]["Contact"]["ContactID"]
    by_contact = await xero.ok("GET", "/Invoices", params={"ContactIDs": contact, "Statuses": "AUTHORISED,PAID"})
    assert by_contact["Invoices"] and all(i["Contact"]["ContactID"] == contact and i["Status"] in ("AUTHORISED", "PAID")
                                          for i in by_contact["Invoices"])
    summary = await xero.ok("GET", "/Invoices", params={"summaryOnly": "true", "page": 1})
    assert "LineItems" not in summary["Invoices"][0] and "Total" in summary["Invoices"][0]
