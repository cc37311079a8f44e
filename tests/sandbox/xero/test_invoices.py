"""Invoice rules: Xero-computed totals (exact decimals on the wire), status machine, numbering, validation."""

from __future__ import annotations

from decimal import Decimal

import pytest

D = Decimal


def inv(lines, **over):
    body = {"Type": "ACCREC", "Contact": {"Name": "Totals Ltd"}, "Date": "2024-03-01", "LineItems": lines}
    body.update(over)
    return {"Invoices": [body]}


def line(qty, unit, tax="OUTPUT2", **kw):
    return {"Description": "x", "Quantity": D(qty), "UnitAmount": D(unit), "AccountCode": "200", "TaxType": tax, **kw}


async def test_exclusive_totals_are_exact_in_json_text(xero):
    resp = await xero.call("PUT", "/Invoices", json=inv([line("2", "150.25")]))
    assert resp.status_code == 200
    assert '"SubTotal":300.50,"TotalTax":45.08,"Total":345.58' in resp.text
    assert '"AmountDue":345.58' in resp.text and '"LineAmount":300.50' in resp.text


@pytest.mark.parametrize("amount_types, lines, expected", [
    ("Inclusive", [line("1", "89.00", tax="INPUT2")], ("77.39", "11.61", "89.00")),
    ("NoTax", [line("3", "33.33")], ("99.99", "0.00", "99.99")),
    # per-line rounding: 3 × 0.05 tax (0.0075 → 0.01 each) = 0.03, not round(0.15×0.15)=0.02
    ("Exclusive", [line("1", "0.05"), line("1", "0.05"), line("1", "0.05")], ("0.15", "0.03", "0.18")),
    ("Exclusive", [line("4", "25.00", DiscountRate=D("10"))], ("90.00", "13.50", "103.50")),
    ("Exclusive", [line("1", "100.00", tax="NONE"), line("1", "100.00")], ("200.00", "15.00", "215.00")),
])
async def test_totals_by_line_amount_type(xero, amount_types, lines, expected):
    body = await xero.ok("PUT", "/Invoices", json=inv(lines, LineAmountTypes=amount_types))
    got = body["Invoices"][0]
    assert (got["SubTotal"], got["TotalTax"], got["Total"]) == tuple(D(x) for x in expected)
    assert got["AmountDue"] == D(expected[2])


async def test_supplied_totals_are_ignored(xero):
    body = inv([line("1", "10.00")])
    body["Invoices"][0]["LineItems"][0]["LineAmount"] = D("999")
    got = (await xero.ok("PUT", "/Invoices", json=body, check=False))["Invoices"][0]
    assert got["Total"] == D("11.50") and got["LineItems"][0]["LineAmount"] == D("10.00")


async def test_item_defaults_and_tracking_resolved(xero):
    got = (await xero.ok("PUT", "/Invoices", json=inv([{"ItemCode": "BOOK", "Quantity": D(2),
                                                        "Tracking": [{"Name": "Region", "Option": "South"}]}])))
    li = got["Invoices"][0]["LineItems"][0]
    assert li["UnitAmount"] == D("19.95") and li["AccountCode"] == "200" and li["TaxType"] == "OUTPUT2"
    assert li["Item"]["Code"] == "BOOK"
    assert li["Tracking"][0]["Option"] == "South" and li["Tracking"][0]["TrackingOptionID"]


async def test_auto_numbering_and_unique_numbers(xero):
    a = (await xero.ok("PUT", "/Invoices", json=inv([line("1", "1")])))["Invoices"][0]
    b = (await xero.ok("PUT", "/Invoices", json=inv([line("1", "1")])))["Invoices"][0]
    na, nb = int(a["InvoiceNumber"][4:]), int(b["InvoiceNumber"][4:])
    assert a["InvoiceNumber"].startswith("INV-") and nb == na + 1
    dup = await xero.call("PUT", "/Invoices", json=inv([line("1", "1")], InvoiceNumber=a["InvoiceNumber"]))
    assert dup.status_code == 400
    assert xero.body(dup)["Elements"][0]["ValidationErrors"][0]["Message"] == "Invoice # must be unique."
    bill = await xero.ok("PUT", "/Invoices", json=inv([line("1", "1", tax="INPUT2")], Type="ACCPAY",
                                                       InvoiceNumber=a["InvoiceNumber"]))
    assert bill["Invoices"][0]["InvoiceNumber"] == a["InvoiceNumber"]  # bills may share supplier numbers


@pytest.mark.parametrize("mutate, message", [
    (lambda b: b["Invoices"][0].pop("Contact"), "A Contact must be specified for this type of transaction"),
    (lambda b: b["Invoices"][0]["LineItems"][0].update(AccountCode="999"),
     "Account code '999' is not a valid code for this document."),
    (lambda b: b["Invoices"][0]["LineItems"][0].update(TaxType="BOGUS"),
     "The TaxType code 'BOGUS' does not exist or cannot be used for this type of transaction."),
    (lambda b: b["Invoices"][0]["LineItems"][0].update(ItemCode="NOPE"), "Item code 'NOPE' is not valid"),
    (lambda b: b["Invoices"][0].update(Contact={"ContactID": "11111111-1111-1111-1111-111111111111"}),
     "could not be found"),
])
async def test_validation_errors_write_nothing(xero, mutate, message):
    before = {c: xero.sb.count(xero.tenant, c) for c in ("Invoices", "Contacts")}
    body = inv([line("1", "10")], Contact={"Name": "Brand New Contact"})
    mutate(body)
    resp = await xero.call("PUT", "/Invoices", json=body)
    assert resp.status_code == 400
    err = xero.body(resp)
    assert err["Type"] == "ValidationException" and err["ErrorNumber"] == 10
    assert message in err["Elements"][0]["ValidationErrors"][0]["Message"]
    assert {c: xero.sb.count(xero.tenant, c) for c in ("Invoices", "Contacts")} == before


async def test_batch_is_all_or_nothing_unless_summarize_errors_false(xero):
    good, bad = inv([line("1", "5")])["Invoices"][0], {"Type": "ACCREC", "LineItems": []}
    before = xero.sb.count(xero.tenant, "Invoices")
    assert (await xero.call("PUT", "/Invoices", json={"Invoices": [good, bad]})).status_code == 400
    assert xero.sb.count(xero.tenant, "Invoices") == before
    body = await xero.ok("PUT", "/Invoices", json={"Invoices": [good, bad]}, params={"summarizeErrors": "false"})
    ok, failed = body["Invoices"]
    assert ok["StatusAttributeString"] == "OK" and ok["HasErrors"] is False
    assert failed["StatusAttributeString"] == "ERROR" and failed["ValidationErrors"]
    assert xero.sb.count(xero.tenant, "Invoices") == before + 1


async def test_status_transitions(xero):
    async def create(status="DRAFT"):
        return (await xero.ok("PUT", "/Invoices", json=inv([line("1", "100")], Status=status)))["Invoices"][0]

    async def update(iid, **fields):
        return await xero.call("POST", f"/Invoices/{iid}", "/Invoices/{InvoiceID}",
                               json={"Invoices": [{"InvoiceID": iid, **fields}]})

    d = await create()
    assert (await update(d["InvoiceID"], Status="SUBMITTED")).status_code == 200
    assert (await update(d["InvoiceID"], Status="DELETED")).status_code == 200
    r = await update(d["InvoiceID"], Reference="after delete")
    assert r.status_code == 400 and "not of valid status for modification" in r.text

    a = await create("AUTHORISED")
    assert (await update(a["InvoiceID"], Status="DELETED")).status_code == 400
    assert (await update(a["InvoiceID"], Status="PAID")).status_code == 400
    assert (await update(a["InvoiceID"], Status="VOIDED")).status_code == 200
    assert xero.sb.get(xero.tenant, "Invoices", a["InvoiceID"])["AmountDue"] == D("0.00")
    assert (await update(a["InvoiceID"], Status="AUTHORISED")).status_code == 400

    p = await create("AUTHORISED")
    pay = {"Invoice": {"InvoiceID": p["InvoiceID"]}, "Account": {"Code": "090"}, "Amount": D("15.00")}
    await xero.ok("PUT", "/Payments", json={"Payments": [pay]})
    r = await update(p["InvoiceID"], Status="VOIDED")
    assert r.status_code == 400 and "payment" in r.text
    over = await xero.call("PUT", "/Payments", json={"Payments": [{**pay, "Amount": D("100.01")}]})
    assert "exceeds the amount outstanding" in over.text
    pay2 = (await xero.ok("PUT", "/Payments", json={"Payments": [{**pay, "Amount": D("100.00")}]}))["Payments"][0]
    paid = xero.sb.get(xero.tenant, "Invoices", p["InvoiceID"])
    assert paid["Status"] == "PAID" and paid["AmountDue"] == D("0.00") and paid["AmountPaid"] == D("115.00")
    r = await update(p["InvoiceID"], Reference="edit paid")
    assert r.status_code == 400 and "not of valid status for modification" in r.text
    await xero.ok("POST", f"/Payments/{pay2['PaymentID']}", "/Payments/{PaymentID}", json={"Status": "DELETED"})
    reopened = xero.sb.get(xero.tenant, "Invoices", p["InvoiceID"])
    assert reopened["Status"] == "AUTHORISED" and reopened["AmountDue"] == D("100.00")


async def test_get_by_number_and_404(xero):
    a = (await xero.ok("PUT", "/Invoices", json=inv([line("1", "1")])))["Invoices"][0]
    got = await xero.ok("GET", f"/Invoices/{a['InvoiceNumber']}", "/Invoices/{InvoiceID}")
    assert got["Invoices"][0]["InvoiceID"] == a["InvoiceID"]
    missing = await xero.call("GET", "/Invoices/00000000-0000-0000-0000-000000000000", "/Invoices/{InvoiceID}")
    assert missing.status_code == 404


async def test_contacts_unique_names_and_derived_roles(xero):
    c = (await xero.ok("PUT", "/Contacts", json={"Contacts": [{"Name": "Roles Ltd"}]}))["Contacts"][0]
    assert c["IsCustomer"] is False and c["IsSupplier"] is False
    dup = await xero.call("PUT", "/Contacts", json={"Contacts": [{"Name": "Roles Ltd"}]})
    assert xero.body(dup)["Elements"][0]["ValidationErrors"][0]["Message"] == (
        "The contact name Roles Ltd is already assigned to another contact. The contact name must be unique "
        "across all active contacts.")
    await xero.ok("PUT", "/Invoices", json=inv([line("1", "1", tax="INPUT2")], Type="ACCPAY",
                                                Contact={"ContactID": c["ContactID"]}))
    after = xero.sb.get(xero.tenant, "Contacts", c["ContactID"])
    assert after["IsSupplier"] is True and after["IsCustomer"] is False
    archived = await xero.ok("POST", f"/Contacts/{c['ContactID']}", "/Contacts/{ContactID}",
                             json={"Contacts": [{"ContactStatus": "ARCHIVED"}]})
    assert archived["Contacts"][0]["ContactStatus"] == "ARCHIVED"
    listed = await xero.ok("GET", "/Contacts")
    assert c["ContactID"] not in {x["ContactID"] for x in listed["Contacts"]}
    listed = await xero.ok("GET", "/Contacts", params={"includeArchived": "true"})
    assert c["ContactID"] in {x["ContactID"] for x in listed["Contacts"]}
