"""Sales and purchase invoices: lines and per-line tax in Decimal, etags, statuses, bound actions, payments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.sandbox.business_central.conftest import BC


async def draft(bc: BC, *, include_tax: bool = False) -> dict[str, Any]:
    invoice = await bc.ok("POST", "/salesInvoices", 201, json={
        "customerId": bc.customer()["id"], "invoiceDate": "2026-11-02", "dueDate": "2026-12-02",
        "externalDocumentNumber": "PO-1", "pricesIncludeTax": include_tax})
    for price, tax in (("19.99", "STANDARD"), ("10.00", "REDUCED")):
        await bc.ok("POST", f"/salesInvoices({invoice['id']})/salesInvoiceLines", 201, json={
            "lineType": "Account", "accountId": bc.account("40200"), "description": "Work",
            "quantity": 3, "unitPrice": float(price), "taxCode": tax})
    return await bc.ok("GET", f"/salesInvoices({invoice['id']})", params={"$expand": "salesInvoiceLines"})


async def test_totals_are_computed_per_line_with_tax(bc: BC) -> None:
    invoice = await draft(bc)
    assert invoice["status"] == "Draft" and invoice["number"].startswith("S-INV")
    lines = invoice["salesInvoiceLines"]
    assert [Decimal(str(line["totalTaxAmount"])) for line in lines] == [Decimal("11.99"), Decimal("1.50")]
    assert Decimal(str(invoice["totalAmountExcludingTax"])) == Decimal("89.97")
    assert Decimal(str(invoice["totalTaxAmount"])) == Decimal("13.49")
    assert Decimal(str(invoice["totalAmountIncludingTax"])) == Decimal("103.46")
    assert invoice["customerName"] == bc.customer()["displayName"]


async def test_prices_including_tax_back_the_tax_out(bc: BC) -> None:
    invoice = await draft(bc, include_tax=True)
    assert Decimal(str(invoice["totalAmountIncludingTax"])) == Decimal("89.97")
    first = invoice["salesInvoiceLines"][0]
    assert Decimal(str(first["amountExcludingTax"])) == Decimal("49.98")  # 59.97 / 1.2
    assert Decimal(str(first["totalTaxAmount"])) == Decimal("9.99")


async def test_patch_needs_the_current_etag(bc: BC) -> None:
    invoice = await draft(bc)
    path = f"/salesInvoices({invoice['id']})"
    missing = await bc.call("PATCH", path, json={"externalDocumentNumber": "X"})
    assert missing.status_code == 400
    changed = await bc.ok("PATCH", path, json={"externalDocumentNumber": "PO-2"},
                          headers={"If-Match": invoice["@odata.etag"]})
    assert changed["externalDocumentNumber"] == "PO-2" and changed["@odata.etag"] != invoice["@odata.etag"]
    stale = await bc.call("PATCH", path, json={"externalDocumentNumber": "PO-3"},
                          headers={"If-Match": invoice["@odata.etag"]})
    assert stale.status_code == 412 and stale.json()["error"]["code"] == "Request_EntityChanged"


async def test_posting_locks_the_invoice_and_payments_settle_it(bc: BC) -> None:
    invoice = await draft(bc)
    path = f"/salesInvoices({invoice['id']})"
    assert (await bc.call("POST", path + "/Microsoft.NAV.post")).status_code == 204
    posted = await bc.ok("GET", path)
    assert posted["status"] == "Open"
    refused = await bc.call("PATCH", path, json={"externalDocumentNumber": "X"},
                            headers={"If-Match": posted["@odata.etag"]})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "Application_DialogException"
    assert (await bc.call("DELETE", path, headers={"If-Match": "*"})).status_code == 400
    await bc.ok("POST", "/customerPayments", 201, json={
        "customerId": bc.customer()["id"], "amount": 50, "appliesToInvoiceId": invoice["id"],
        "postingDate": "2026-11-10"})
    part = await bc.ok("GET", path)
    assert part["status"] == "Open" and Decimal(str(part["remainingAmount"])) == Decimal("53.46")
    too_much = await bc.call("POST", "/customerPayments", json={"amount": 60, "appliesToInvoiceId": invoice["id"]})
    assert too_much.status_code == 400
    await bc.ok("POST", "/customerPayments", 201, json={"amount": 53.46, "appliesToInvoiceId": invoice["id"]})
    paid = await bc.ok("GET", path)
    assert paid["status"] == "Paid" and Decimal(str(paid["remainingAmount"])) == 0
    assert (await bc.call("POST", path + "/Microsoft.NAV.cancel")).status_code == 400


async def test_cancel_issues_a_corrective_credit_memo(bc: BC) -> None:
    invoice = await draft(bc)
    path = f"/salesInvoices({invoice['id']})"
    assert (await bc.call("POST", path + "/Microsoft.NAV.cancel")).status_code == 400  # a draft cannot be canceled
    await bc.ok("POST", path + "/Microsoft.NAV.post", 204)
    await bc.ok("POST", path + "/Microsoft.NAV.cancel", 204)
    assert (await bc.ok("GET", path))["status"] == "Canceled"
    memos = await bc.ok("GET", "/salesCreditMemos", params={"$filter": f"invoiceId eq {invoice['id']}"})
    assert len(memos["value"]) == 1
    assert memos["value"][0]["status"] == "Corrective"
    assert Decimal(str(memos["value"][0]["totalAmountIncludingTax"])) == Decimal("103.46")


async def test_a_draft_can_be_deleted(bc: BC) -> None:
    invoice = await draft(bc)
    path = f"/salesInvoices({invoice['id']})"
    assert (await bc.call("DELETE", path)).status_code == 400  # If-Match is required
    await bc.ok("DELETE", path, 204, headers={"If-Match": invoice["@odata.etag"]})
    gone = await bc.call("GET", path)
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "BadRequest_NotFound"


async def test_purchase_invoice_and_line_changes(bc: BC) -> None:
    vendor = next(iter(bc.sb.state.rows(bc.company, "vendors").values()))
    bill = await bc.ok("POST", "/purchaseInvoices", 201, json={
        "vendorId": vendor["id"], "vendorInvoiceNumber": "INV-9", "invoiceDate": "2026-11-01"})
    line = await bc.ok("POST", f"/purchaseInvoices({bill['id']})/purchaseInvoiceLines", 201, json={
        "lineType": "Account", "accountId": bc.account("60300"), "quantity": 2, "unitCost": 12.5,
        "taxCode": "STANDARD"})
    assert Decimal(str(line["amountIncludingTax"])) == Decimal("30.00")
    line = await bc.ok("PATCH", f"/purchaseInvoices({bill['id']})/purchaseInvoiceLines('{line['id']}')",
                       json={"quantity": 4}, headers={"If-Match": line["@odata.etag"]})
    bill = await bc.ok("GET", f"/purchaseInvoices({bill['id']})")
    assert Decimal(str(bill["totalAmountIncludingTax"])) == Decimal("60.00") and bill["vendorName"]
    await bc.ok("POST", f"/purchaseInvoices({bill['id']})/Microsoft.NAV.post", 204)
    assert (await bc.ok("GET", f"/purchaseInvoices({bill['id']})"))["status"] == "Open"


async def test_unknown_property_and_unknown_tax_code_are_refused(bc: BC) -> None:
    bad = await bc.http.post(bc.base + "/customers", json={"displayName": "X", "colour": "red"}, headers=bc.headers())
    assert bad.status_code == 400 and "colour" in bad.json()["error"]["message"]
    invoice = await bc.ok("POST", "/salesInvoices", 201, json={"customerId": bc.customer()["id"]})
    wrong = await bc.call("POST", f"/salesInvoices({invoice['id']})/salesInvoiceLines", json={
        "lineType": "Account", "accountId": bc.account("40200"), "quantity": 1, "unitPrice": 1, "taxCode": "NOPE"})
    assert wrong.status_code == 400 and "NOPE" in wrong.json()["error"]["message"]
    bc.checked.violations.clear()  # the unknown property breaks the contract on purpose


async def test_journal_posts_balanced_lines_to_the_ledger(bc: BC) -> None:
    journal = next(iter(bc.sb.state.rows(bc.company, "journals").values()))
    path = f"/journals({journal['id']})"
    for number, amount in (("60100", 500), ("10100", -400)):
        await bc.ok("POST", path + "/journalLines", 201, json={"accountNumber": number, "amount": amount,
                                                               "documentNumber": "J1", "postingDate": "2026-11-30"})
    assert (await bc.call("POST", path + "/Microsoft.NAV.post")).status_code == 400  # out of balance by 100
    await bc.ok("POST", path + "/journalLines", 201, json={"accountNumber": "10200", "amount": -100,
                                                           "documentNumber": "J1"})
    await bc.ok("POST", path + "/Microsoft.NAV.post", 204)
    assert (await bc.ok("GET", path + "/journalLines"))["value"] == []
    entries = await bc.ok("GET", "/generalLedgerEntries", params={"$filter": "documentNumber eq 'J1'"})
    assert sum(Decimal(str(e["debitAmount"])) for e in entries["value"]) == Decimal(500)
