"""Every kind of answer the sandbox gives validates against Xero's official OpenAPI document; the request
bodies these tests send are validated against the request schemas too (inside ``Xero.call``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerbridge.sandbox.xero import contract


def invoice_body(**over):
    inv = {"Type": "ACCREC", "Contact": {"Name": "Contract Test Ltd"}, "Date": "2024-03-01", "DueDate": "2024-03-31",
           "LineItems": [{"Description": "Widget", "Quantity": Decimal("2"), "UnitAmount": Decimal("150.25"),
                          "AccountCode": "200", "TaxType": "OUTPUT2",
                          "Tracking": [{"Name": "Region", "Option": "North"}]}]}
    inv.update(over)
    return {"Invoices": [inv]}


def test_contract_validator_rejects_bad_bodies(xero_spec):
    assert "/Invoices" in xero_spec["paths"]
    with pytest.raises(contract.ContractError, match="Total"):
        contract.validate_response("GET", "/Invoices", 200, {"Invoices": [{"Total": "12.00"}]})
    with pytest.raises(contract.ContractError, match="read-only"):
        contract.validate_request("PUT", "/Invoices", {"Invoices": [{"Type": "ACCREC", "AmountDue": 1}]})
    with pytest.raises(contract.ContractError, match="ErrorNumber"):
        contract.validate_schema("Error", {"ErrorNumber": "ten"})


async def test_invoice_operations_match_contract(xero):
    created = await xero.ok("PUT", "/Invoices", json=invoice_body())
    inv = created["Invoices"][0]
    iid = inv["InvoiceID"]
    await xero.ok("GET", "/Invoices")
    await xero.ok("GET", "/Invoices", params={"page": 1, "where": 'Type=="ACCREC"'})
    await xero.ok("GET", "/Invoices", params={"summaryOnly": "true"})
    await xero.ok("GET", f"/Invoices/{iid}", "/Invoices/{InvoiceID}")
    upd = await xero.ok("POST", f"/Invoices/{iid}", "/Invoices/{InvoiceID}",
                        json={"Invoices": [{"InvoiceID": iid, "Status": "AUTHORISED"}]})
    assert upd["Invoices"][0]["Status"] == "AUTHORISED"
    await xero.ok("POST", "/Invoices", json=invoice_body(Reference="upsert"))
    bad = await xero.call("PUT", "/Invoices", json={"Invoices": [{"Type": "ACCREC", "LineItems": []}]})
    assert bad.status_code == 400
    contract.validate_schema("Error", xero.body(bad))
    partial = await xero.ok("PUT", "/Invoices", json={"Invoices": [{"Type": "ACCREC"}, invoice_body()["Invoices"][0]]},
                            params={"summarizeErrors": "false"})
    assert [i["HasErrors"] for i in partial["Invoices"]] == [True, False]


async def test_contact_operations_match_contract(xero):
    body = {"Contacts": [{"Name": "Contract Contact", "EmailAddress": "a@b.example",
                          "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "555"}],
                          "Addresses": [{"AddressType": "STREET", "City": "Wellington"}]}]}
    c = (await xero.ok("PUT", "/Contacts", json=body))["Contacts"][0]
    await xero.ok("GET", "/Contacts", params={"page": 1})
    await xero.ok("GET", f"/Contacts/{c['ContactID']}", "/Contacts/{ContactID}")
    await xero.ok("POST", f"/Contacts/{c['ContactID']}", "/Contacts/{ContactID}",
                  json={"Contacts": [{"ContactID": c["ContactID"], "EmailAddress": "new@b.example"}]})
    dup = await xero.call("PUT", "/Contacts", json=body)
    assert dup.status_code == 400


async def test_settings_operations_match_contract(xero):
    await xero.ok("GET", "/Accounts")
    acc = (await xero.ok("PUT", "/Accounts", json={"Code": "499", "Name": "Sandbox Expenses", "Type": "EXPENSE",
                                                   "TaxType": "INPUT2"}, check=False))
    contract.validate_response("PUT", "/Accounts", 200, acc)
    contract.validate_request("PUT", "/Accounts", {"Code": "499", "Name": "Sandbox Expenses", "Type": "EXPENSE"})
    aid = acc["Accounts"][0]["AccountID"]
    await xero.ok("GET", f"/Accounts/{aid}", "/Accounts/{AccountID}")
    await xero.ok("POST", f"/Accounts/{aid}", "/Accounts/{AccountID}", json={"Accounts": [{"Name": "Renamed"}]})
    await xero.ok("DELETE", f"/Accounts/{aid}", "/Accounts/{AccountID}")

    items = await xero.ok("PUT", "/Items", json={"Items": [{"Code": "NEW1", "Name": "New item", "SalesDetails":
                                                           {"UnitPrice": Decimal("9.99"), "AccountCode": "200"}}]})
    iid = items["Items"][0]["ItemID"]
    await xero.ok("GET", "/Items")
    await xero.ok("GET", f"/Items/{iid}", "/Items/{ItemID}")
    await xero.ok("POST", f"/Items/{iid}", "/Items/{ItemID}", json={"Items": [{"Code": "NEW1", "Name": "Renamed"}]})

    await xero.ok("GET", "/TaxRates")
    await xero.ok("GET", "/TaxRates/OUTPUT2", "/TaxRates/{TaxType}")
    rate = await xero.ok("PUT", "/TaxRates", json={"TaxRates": [{"Name": "Special 9%", "TaxComponents": [
        {"Name": "Tax", "Rate": Decimal("9"), "IsCompound": False}]}]})
    assert rate["TaxRates"][0]["EffectiveRate"] == Decimal(9)
    await xero.ok("POST", "/TaxRates", json={"TaxRates": [{"TaxType": rate["TaxRates"][0]["TaxType"],
                                                             "Name": "Special 9% renamed"}]})

    cats = await xero.ok("GET", "/TrackingCategories")
    assert {c["Name"] for c in cats["TrackingCategories"]} == {"Region", "Department"}
    cid = cats["TrackingCategories"][0]["TrackingCategoryID"]
    await xero.ok("GET", f"/TrackingCategories/{cid}", "/TrackingCategories/{TrackingCategoryID}")
    opts = await xero.ok("PUT", f"/TrackingCategories/{cid}/Options",
                         "/TrackingCategories/{TrackingCategoryID}/Options", json={"Name": "East"})
    assert opts["Options"][0]["Name"] == "East"
    third = await xero.call("PUT", "/TrackingCategories", json={"Name": "Project"})
    assert third.status_code == 400  # Xero allows two active categories
    await xero.ok("GET", "/Organisation")


async def test_money_movement_operations_match_contract(xero):
    inv = (await xero.ok("PUT", "/Invoices", json=invoice_body(Status="AUTHORISED")))["Invoices"][0]
    pay = await xero.ok("PUT", "/Payments", json={"Payments": [{"Invoice": {"InvoiceID": inv["InvoiceID"]},
                                                                "Account": {"Code": "090"}, "Amount": Decimal("100.00"),
                                                                "Date": "2024-03-05"}]})
    pid = pay["Payments"][0]["PaymentID"]
    await xero.ok("GET", "/Payments")
    await xero.ok("GET", f"/Payments/{pid}", "/Payments/{PaymentID}")
    await xero.ok("POST", f"/Payments/{pid}", "/Payments/{PaymentID}", json={"Status": "DELETED"})

    cn = await xero.ok("PUT", "/CreditNotes", json={"CreditNotes": [{
        "Type": "ACCRECCREDIT", "Contact": {"ContactID": inv["Contact"]["ContactID"]}, "Status": "AUTHORISED",
        "Date": "2024-03-06", "LineItems": [{"Description": "Refund", "Quantity": Decimal(1),
                                             "UnitAmount": Decimal("40.00"), "AccountCode": "200"}]}]})
    note = cn["CreditNotes"][0]
    assert note["RemainingCredit"] == Decimal("46.00")
    await xero.ok("GET", "/CreditNotes")
    await xero.ok("GET", f"/CreditNotes/{note['CreditNoteID']}", "/CreditNotes/{CreditNoteID}")
    alloc = await xero.ok("PUT", f"/CreditNotes/{note['CreditNoteID']}/Allocations",
                          "/CreditNotes/{CreditNoteID}/Allocations",
                          json={"Allocations": [{"Invoice": {"InvoiceID": inv["InvoiceID"]}, "Amount": Decimal("46.00"),
                                                 "Date": "2024-03-07"}]})
    assert alloc["Allocations"][0]["Amount"] == Decimal("46.00")
    assert xero.sb.get(xero.tenant, "Invoices", inv["InvoiceID"])["AmountDue"] == Decimal("299.58")

    bt = await xero.ok("PUT", "/BankTransactions", json={"BankTransactions": [{
        "Type": "SPEND", "Contact": {"Name": "PowerDirect"}, "BankAccount": {"Code": "090"},
        "LineItems": [{"Description": "Power", "Quantity": Decimal(1), "UnitAmount": Decimal("115.00"),
                       "AccountCode": "445", "TaxType": "INPUT2"}], "LineAmountTypes": "Inclusive"}]})
    b = bt["BankTransactions"][0]
    assert (b["SubTotal"], b["TotalTax"], b["Total"]) == (Decimal("100.00"), Decimal("15.00"), Decimal("115.00"))
    await xero.ok("GET", "/BankTransactions")
    await xero.ok("GET", f"/BankTransactions/{b['BankTransactionID']}", "/BankTransactions/{BankTransactionID}")

    mj = await xero.ok("PUT", "/ManualJournals", json={"ManualJournals": [{
        "Narration": "Accrual", "Date": "2024-03-31", "JournalLines": [
            {"LineAmount": Decimal("250.00"), "AccountCode": "429"},
            {"LineAmount": Decimal("-250.00"), "AccountCode": "800"}]}]})
    mid = mj["ManualJournals"][0]["ManualJournalID"]
    await xero.ok("GET", "/ManualJournals")
    await xero.ok("GET", f"/ManualJournals/{mid}", "/ManualJournals/{ManualJournalID}")
    unbalanced = await xero.call("PUT", "/ManualJournals", json={"ManualJournals": [{
        "Narration": "Bad", "JournalLines": [{"LineAmount": Decimal("10"), "AccountCode": "429"},
                                             {"LineAmount": Decimal("-9"), "AccountCode": "800"}]}]})
    assert unbalanced.status_code == 400
    assert "must equal total credits" in unbalanced.text


async def test_connections_match_identity_contract(xero):
    resp = await xero.http.get("/connections", headers=xero.headers())
    assert resp.status_code == 200
    contract.validate_response("GET", "/Connections", 200, resp.json(), api="identity")
    assert [c["tenantId"] for c in resp.json()] == [xero.tenant]
