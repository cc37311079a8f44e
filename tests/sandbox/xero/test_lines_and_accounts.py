"""Invoice lines kept by LineItemID on update, and BANK accounts needing a BankAccountNumber, as Xero does
(every body checked against Xero's OpenAPI by the ``xero`` client)."""

from __future__ import annotations

from decimal import Decimal

D = Decimal


def _line(description: str, amount: str, **extra: object) -> dict[str, object]:
    return {"Description": description, "Quantity": D(1), "UnitAmount": D(amount), "AccountCode": "200",
            "TaxType": "OUTPUT2", **extra}


async def test_an_update_keeps_the_lines_sent_with_their_line_item_id(xero):
    created = (await xero.ok("PUT", "/Invoices", json={"Invoices": [{
        "Type": "ACCREC", "Contact": {"Name": "Lines Ltd"}, "Date": "2024-03-01",
        "LineItems": [_line("first", "10"), _line("second", "20")]}]}))["Invoices"][0]
    first, second = (line["LineItemID"] for line in created["LineItems"])
    invoice_id = created["InvoiceID"]

    updated = (await xero.ok("POST", f"/Invoices/{invoice_id}", "/Invoices/{InvoiceID}", json={"Invoices": [{
        "InvoiceID": invoice_id,
        "LineItems": [_line("second, changed", "25", LineItemID=second), _line("third", "5")]}]}))["Invoices"][0]
    lines = updated["LineItems"]
    assert [line["Description"] for line in lines] == ["second, changed", "third"]
    assert lines[0]["LineItemID"] == second  # the same line, updated
    assert lines[1]["LineItemID"] not in (first, second)  # a new line
    assert updated["SubTotal"] == D("30.00")

    # The first line is gone: its id names no line of the invoice any more, so a line sent with it is new.
    again = (await xero.ok("POST", f"/Invoices/{invoice_id}", "/Invoices/{InvoiceID}", json={"Invoices": [{
        "InvoiceID": invoice_id, "LineItems": [_line("revenant", "1", LineItemID=first)]}]}))["Invoices"][0]
    assert again["LineItems"][0]["LineItemID"] not in (first, second, lines[1]["LineItemID"])


async def test_a_bank_account_needs_its_bank_account_number(xero):
    before = xero.sb.count(xero.tenant, "Accounts")
    refused = await xero.call("PUT", "/Accounts", json={"Name": "New Bank", "Code": "095", "Type": "BANK"})
    assert refused.status_code == 400
    body = xero.body(refused)
    assert (body["ErrorNumber"], body["Type"]) == (10, "ValidationException")
    element = body["Elements"][0]
    assert element["Name"] == "New Bank"  # Xero echoes the element it refused, with its errors
    assert [e["Message"] for e in element["ValidationErrors"]] == [
        "Bank Account Number must be specified for bank accounts"]
    assert xero.sb.count(xero.tenant, "Accounts") == before

    created = (await xero.ok("PUT", "/Accounts", json={"Name": "New Bank", "Code": "095", "Type": "BANK",
                                                       "BankAccountNumber": "0123456789"}))["Accounts"][0]
    assert (created["Type"], created["BankAccountNumber"], created["BankAccountType"], created["Class"]) == (
        "BANK", "0123456789", "BANK", "ASSET")
    assert xero.sb.count(xero.tenant, "Accounts") == before + 1
