"""Sales and purchase invoices: totals with tax per line, numbering, statuses, release, void, delete, payments,
idempotency, paging and change lists — every exchange checked against Sage's swagger (see conftest)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.sandbox.sage.conftest import Sage


async def _ids(sage: Sage) -> dict[str, Any]:
    contacts = (await sage.ok("GET", "/contacts", params={"attributes": "all", "items_per_page": "200"}))["$items"]
    accounts = (await sage.ok("GET", "/ledger_accounts", params={"attributes": "all", "items_per_page": "200"}))[
        "$items"]
    return {
        "customer": next(c["id"] for c in contacts if c["contact_types"][0]["id"] == "CUSTOMER"),
        "supplier": next(c["id"] for c in contacts if c["contact_types"][0]["id"] == "VENDOR"),
        "sales": next(a["id"] for a in accounts if a["nominal_code"] == 4000),
        "office": next(a["id"] for a in accounts if a["nominal_code"] == 7500),
    }


def _invoice(ids: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"sales_invoice": {"contact_id": ids["customer"], "date": "2026-11-02", "invoice_lines": [
        {"description": "Consulting", "ledger_account_id": ids["sales"], "quantity": 3, "unit_price": Decimal("33.33"),
         "tax_rate_id": "GB_STANDARD"},
        {"description": "Leaflets", "ledger_account_id": ids["sales"], "quantity": 1, "unit_price": Decimal("10.01"),
         "tax_rate_id": "GB_LOWER"}], **extra}}


async def test_create_computes_tax_per_line_and_numbers_the_invoice(sage: Sage) -> None:
    ids = await _ids(sage)
    created = await sage.ok("POST", "/sales_invoices", 201, json=_invoice(ids))
    first, second = created["invoice_lines"]
    assert (first["net_amount"], first["tax_amount"], first["total_amount"]) == (
        Decimal("99.99"), Decimal("20.00"), Decimal("119.99"))
    assert (second["net_amount"], second["tax_amount"]) == (Decimal("10.01"), Decimal("0.50"))
    assert created["total_amount"] == Decimal("130.50") == created["outstanding_amount"]
    assert created["status"]["id"] == "UNPAID"
    assert created["invoice_number"].startswith("SI-")
    assert created["due_date"] == "2026-12-02"  # the customer's 30 credit days
    assert {a["tax_rate"]["id"] for a in created["tax_analysis"]} == {"GB_STANDARD", "GB_LOWER"}


async def test_validation_errors_name_their_source(sage: Sage) -> None:
    ids = await _ids(sage)
    body = _invoice(ids)
    body["sales_invoice"]["contact_id"] = ids["supplier"]
    body["sales_invoice"]["invoice_lines"][1]["ledger_account_id"] = "nope"
    errors = await sage.error("POST", "/sales_invoices", 422, json=body)
    assert {e["$source"] for e in errors} == {"contact_id", "invoice_lines.1.ledger_account_id"}
    assert all(e["$severity"] == "error" and e["$dataCode"] == "RecordInvalid" for e in errors)
    missing = await sage.error("POST", "/sales_invoices", 422, json={"sales_invoice": {"contact_id": ids["customer"]}},
                               check_request=False)
    assert {e["$source"] for e in missing} == {"date", "invoice_lines"}


async def test_duplicate_number_is_refused(sage: Sage) -> None:
    ids = await _ids(sage)
    await sage.ok("POST", "/sales_invoices", 201, json=_invoice(ids, invoice_number="WEB-1"))
    errors = await sage.error("POST", "/sales_invoices", 422, json=_invoice(ids, invoice_number="WEB-1"))
    assert errors[0]["$source"] == "invoice_number"


async def test_idempotency_id_replays_the_first_create(sage: Sage) -> None:
    ids = await _ids(sage)
    before = sage.sb.count(sage.business, "sales_invoices")
    key = "9f1c2a7b3d4e4f5a8b6c7d8e9f0a1b2c"
    first = await sage.ok("POST", "/sales_invoices", 201, json=_invoice(ids, idempotency_id=key))
    again = await sage.ok("POST", "/sales_invoices", 201, json=_invoice(ids, idempotency_id=key))
    assert again["id"] == first["id"]
    assert sage.sb.count(sage.business, "sales_invoices") == before + 1


async def test_draft_release_update_and_void(sage: Sage) -> None:
    ids = await _ids(sage)
    draft = await sage.ok("POST", "/sales_invoices", 201, json=_invoice(ids, status_id="DRAFT"))
    assert draft["status"]["id"] == "DRAFT" and draft["invoice_number"] == ""
    released = await sage.ok("POST", f"/sales_invoices/{draft['id']}/release", 201)
    assert released["status"]["id"] == "UNPAID" and released["invoice_number"].startswith("SI-")
    await sage.error("POST", f"/sales_invoices/{draft['id']}/release", 422)
    sage.sb.advance_time(2)
    updated = await sage.ok("PUT", f"/sales_invoices/{draft['id']}", json={"sales_invoice": {"notes": "Thanks!"}})
    assert updated["notes"] == "Thanks!" and updated["total_amount"] == released["total_amount"]
    assert updated["updated_at"] > released["updated_at"]
    errors = await sage.error("DELETE", f"/sales_invoices/{draft['id']}", 422)
    assert errors[0]["$source"] == "void_reason"
    voided = await sage.ok("DELETE", f"/sales_invoices/{draft['id']}", params={"void_reason": "Duplicate"})
    assert voided["status"]["id"] == "VOID" and voided["void_reason"] == "Duplicate"
    assert voided["outstanding_amount"] == 0
    await sage.error("PUT", f"/sales_invoices/{draft['id']}", 422, json={"sales_invoice": {"notes": "x"}})


async def test_a_draft_is_deleted_and_listed_by_deleted_since(sage: Sage) -> None:
    ids = await _ids(sage)
    since = sage.sb.store.stamp()
    draft = await sage.ok("POST", "/sales_invoices", 201, json=_invoice(ids, status_id="DRAFT"))
    await sage.ok("DELETE", f"/sales_invoices/{draft['id']}")
    await sage.error("GET", f"/sales_invoices/{draft['id']}", 404)
    gone = await sage.ok("GET", "/sales_invoices", params={"deleted_since": since})
    assert [i["id"] for i in gone["$items"]] == [draft["id"]]


async def test_payments_settle_invoices(sage: Sage) -> None:
    ids = await _ids(sage)
    invoice = await sage.ok("POST", "/sales_invoices", 201, json=_invoice(ids))
    bank = (await sage.ok("GET", "/bank_accounts"))["$items"][0]["id"]

    async def pay(amount: str) -> Any:
        return await sage.ok("POST", "/contact_payments", 201, json={"contact_payment": {
            "transaction_type_id": "CUSTOMER_RECEIPT", "contact_id": ids["customer"], "bank_account_id": bank,
            "date": "2026-11-20", "total_amount": Decimal(amount),
            "allocated_artefacts": [{"artefact_id": invoice["id"], "amount": Decimal(amount)}]}})

    await pay("30.50")
    part = await sage.ok("GET", f"/sales_invoices/{invoice['id']}")
    assert part["status"]["id"] == "PART_PAID" and part["outstanding_amount"] == Decimal("100.00")
    assert part["editable"] is False
    errors = await sage.error("POST", "/contact_payments", 422, json={"contact_payment": {
        "transaction_type_id": "CUSTOMER_RECEIPT", "contact_id": ids["customer"], "bank_account_id": bank,
        "date": "2026-11-20", "total_amount": Decimal("500"), "allocated_artefacts": [
            {"artefact_id": invoice["id"], "amount": Decimal("500")}]}})
    assert errors[0]["$source"] == "allocated_artefacts.0.amount"
    await pay("100.00")
    paid = await sage.ok("GET", f"/sales_invoices/{invoice['id']}")
    assert paid["status"]["id"] == "PAID" and paid["outstanding_amount"] == 0
    await sage.error("DELETE", f"/sales_invoices/{invoice['id']}", 422, params={"void_reason": "x"})


async def test_purchase_invoices_need_a_supplier_and_are_deleted(sage: Sage) -> None:
    ids = await _ids(sage)
    body = {"purchase_invoice": {"contact_id": ids["supplier"], "date": "2026-11-01", "due_date": "2026-12-01",
                                 "vendor_reference": "INV-1", "invoice_lines": [{
                                     "description": "Paper", "ledger_account_id": ids["office"], "quantity": 2,
                                     "unit_price": Decimal("12.345"), "tax_rate_id": "GB_STANDARD"}]}}
    bill = await sage.ok("POST", "/purchase_invoices", 201, json=body)
    assert bill["total_amount"] == Decimal("29.63")  # 24.69 net + 4.94 VAT
    body["purchase_invoice"]["contact_id"] = ids["customer"]
    assert (await sage.error("POST", "/purchase_invoices", 422, json=body))[0]["$source"] == "contact_id"
    assert (await sage.call("DELETE", f"/purchase_invoices/{bill['id']}")).status_code == 204


async def test_lists_page_with_sages_envelope_and_filter_by_change(sage: Sage) -> None:
    page1 = await sage.ok("GET", "/sales_invoices", params={"items_per_page": "10"})
    assert page1["$total"] == 24 and page1["$itemsPerPage"] == 10 and page1["$back"] is None
    assert set(page1["$items"][0]) == {"id", "displayed_as", "$path"}
    page3 = await sage.ok("GET", "/sales_invoices", params={"items_per_page": "10", "page": "3",
                                                            "attributes": "all"})
    assert len(page3["$items"]) == 4 and page3["$next"] is None and "total_amount" in page3["$items"][0]
    capped = await sage.ok("GET", "/contacts", params={"items_per_page": "5000"})
    assert capped["$itemsPerPage"] == 200
    ids = await _ids(sage)
    sage.sb.advance_time(5)
    since = sage.sb.store.stamp()
    created = await sage.ok("POST", "/sales_invoices", 201, json=_invoice(ids))
    changed = await sage.ok("GET", "/sales_invoices", params={"updated_or_created_since": since})
    assert [i["id"] for i in changed["$items"]] == [created["id"]]
    assert (await sage.error("GET", "/sales_invoices", 400, params={"updated_or_created_since": "soon"}))[0][
        "$source"] == "updated_or_created_since"
