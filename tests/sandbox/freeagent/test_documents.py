"""Invoices, credit notes and bills: totals with VAT per line, numbering, statuses and transitions, deletion,
payments — every exchange held to the collection by the ``fa`` fixture."""

from __future__ import annotations

from decimal import Decimal


def new_invoice(contact: str, **over):
    body = {"contact": contact, "dated_on": "2024-03-01", "payment_terms_in_days": 30, "currency": "GBP",
            "invoice_items": [
                {"item_type": "Hours", "quantity": "3", "price": "33.33", "description": "Design",
                 "sales_tax_rate": "20.0"},
                {"item_type": "Products", "quantity": "1", "price": "10.005", "description": "Sticker",
                 "sales_tax_rate": "5.0"}]}
    body.update(over)
    return {"invoice": body}


async def a_contact(fa) -> str:
    return (await fa.ok("GET", "/contacts"))["contacts"][0]["url"]


async def test_totals_are_computed_per_line_with_decimal(fa):
    created = (await fa.ok("POST", "/invoices", 201, json=new_invoice(await a_contact(fa))))["invoice"]
    # 3 × 33.33 = 99.99 → VAT 20.00 (19.998); 10.005 → 10.01 (penny) → VAT 0.50 (0.5005)
    assert created["net_value"] == "110.00"
    assert [line["sales_tax_value"] for line in created["invoice_items"]] == ["20.00", "0.50"]
    assert created["sales_tax_value"] == "20.50"
    assert created["total_value"] == "130.50"
    assert created["status"] == "Draft"
    assert created["due_on"] == "2024-03-31"
    assert created["url"].startswith("http://freeagent.test/v2/invoices/")
    assert created["contact"].startswith("http://freeagent.test/v2/contacts/")


async def test_numbering_and_duplicate_reference(fa):
    contact = await a_contact(fa)
    first = (await fa.ok("POST", "/invoices", 201, json=new_invoice(contact)))["invoice"]
    second = (await fa.ok("POST", "/invoices", 201, json=new_invoice(contact)))["invoice"]
    assert int(second["reference"]) == int(first["reference"]) + 1
    taken = await fa.call("POST", "/invoices", json=new_invoice(contact, reference=first["reference"]))
    assert taken.status_code == 422
    assert taken.json() == {"errors": [{"message": "Reference has already been taken: references must be unique"}]}


async def test_transitions_follow_freeagent_rules(fa):
    created = (await fa.ok("POST", "/invoices", 201, json=new_invoice(await a_contact(fa))))["invoice"]
    path = "/invoices/" + created["url"].rsplit("/", 1)[-1]
    assert (await fa.ok("PUT", path + "/transitions/mark_as_scheduled"))["invoice"]["status"] == "Scheduled"
    assert (await fa.ok("PUT", path + "/transitions/mark_as_sent"))["invoice"]["status"] == "Overdue"  # due 2024
    refused = await fa.call("PUT", path + "/transitions/mark_as_scheduled")
    assert refused.status_code == 422
    deleting_sent = await fa.call("DELETE", path)
    assert deleting_sent.status_code == 422
    assert (await fa.ok("PUT", path + "/transitions/mark_as_cancelled"))["invoice"]["status"] == "Cancelled"
    edit_cancelled = await fa.call("PUT", path, json={"invoice": {"notes": "late"}})
    assert edit_cancelled.status_code == 422
    assert (await fa.ok("PUT", path + "/transitions/mark_as_draft"))["invoice"]["status"] == "Draft"
    await fa.ok("DELETE", path)
    assert (await fa.call("GET", path)).status_code == 404


async def test_update_replaces_lines_and_keeps_the_rest(fa):
    created = (await fa.ok("POST", "/invoices", 201, json=new_invoice(await a_contact(fa))))["invoice"]
    path = "/invoices/" + created["url"].rsplit("/", 1)[-1]
    changed = (await fa.ok("PUT", path, json={"invoice": {
        "notes": "An example of some additional text.",
        "invoice_items": [{"description": "One", "quantity": "2", "price": "50", "sales_tax_rate": "20"}]}}))["invoice"]
    assert changed["total_value"] == "120.00"
    assert changed["notes"] == "An example of some additional text."
    assert changed["reference"] == created["reference"]
    assert changed["updated_at"] > created["updated_at"]


async def test_invoice_items_endpoint_adds_a_line(fa):
    created = (await fa.ok("POST", "/invoices", 201, json=new_invoice(await a_contact(fa))))["invoice"]
    item = (await fa.ok("POST", "/invoice_items", 201, json={
        "invoice": created["url"],
        "invoice_item": {"item_type": "Hours", "quantity": 6, "price": 35, "description": "Fishing trip"}}))
    assert item["invoice_item"]["position"] == 3
    again = (await fa.ok("GET", "/invoices/" + created["url"].rsplit("/", 1)[-1]))["invoice"]
    assert Decimal(again["total_value"]) == Decimal("130.50") + 210


async def test_payments_mark_invoices_paid(fa):
    created = (await fa.ok("POST", "/invoices", 201, json=new_invoice(await a_contact(fa))))["invoice"]
    key = created["url"].rsplit("/", 1)[-1]
    await fa.ok("PUT", f"/invoices/{key}/transitions/mark_as_sent")
    bank = (await fa.ok("GET", "/bank_accounts"))["bank_accounts"][0]["url"]
    await fa.ok("POST", "/bank_transaction_explanations", 201, json={"bank_transaction_explanation": {
        "bank_account": bank, "dated_on": "2024-03-05", "gross_value": "130.50", "paid_invoice": created["url"],
        "description": "Receipt"}})
    paid = (await fa.ok("GET", f"/invoices/{key}"))["invoice"]
    assert (paid["status"], paid["due_value"]) == ("Paid", "0.00")
    assert (await fa.call("PUT", f"/invoices/{key}/transitions/mark_as_draft")).status_code == 422
    over = await fa.call("POST", "/bank_transaction_explanations", json={"bank_transaction_explanation": {
        "bank_account": bank, "dated_on": "2024-03-05", "gross_value": "1.00", "paid_invoice": created["url"]}})
    assert over.status_code == 422


async def test_validation_errors_name_the_rule(fa):
    missing = await fa.call("POST", "/invoices", json={"invoice": {"dated_on": "2024-01-01"}})
    assert missing.status_code == 422 and missing.json()["errors"][0]["message"] == "Contact can't be blank"
    bad_contact = await fa.call("POST", "/invoices", json=new_invoice("http://freeagent.test/v2/contacts/999"))
    assert bad_contact.status_code == 422
    bad_date = await fa.call("POST", "/invoices", json=new_invoice(await a_contact(fa), dated_on="March"))
    assert bad_date.status_code == 422


async def test_bills_derive_vat_from_the_gross(fa):
    contact = await a_contact(fa)
    created = (await fa.ok("POST", "/bills", 201, json={"bill": {
        "contact": contact, "reference": "Bill ref 01", "dated_on": "2015-10-17", "due_on": "2015-11-17",
        "category": "http://freeagent.test/v2/categories/285", "total_value": "300", "sale_tax_rate": "20"}}))["bill"]
    assert (created["net_value"], created["sales_tax_value"], created["total_value"]) == ("250.00", "50.00", "300.00")
    assert created["sales_tax_rate"] == "20" and created["status"] == "Overdue"
    path = "/bills/" + created["url"].rsplit("/", 1)[-1]
    changed = (await fa.ok("PUT", path, json={"bill": {"total_value": "120"}}))["bill"]
    assert changed["sales_tax_value"] == "20.00"
    await fa.ok("DELETE", path)
    no_category = await fa.call("POST", "/bills", json={"bill": {"contact": contact, "reference": "x",
                                                                 "dated_on": "2015-10-17", "due_on": "2015-11-17",
                                                                 "total_value": "1"}})
    assert no_category.status_code == 422


async def test_paid_bills_cannot_be_deleted(fa):
    paid = next(b for b in (await fa.ok("GET", "/bills", params={"view": "paid"}))["bills"])
    assert paid["status"] == "Paid"
    assert (await fa.call("DELETE", "/bills/" + paid["url"].rsplit("/", 1)[-1])).status_code == 422


async def test_credit_notes(fa):
    contact = await a_contact(fa)
    created = (await fa.ok("POST", "/credit_notes", 201, json={"credit_note": {
        "contact": contact, "dated_on": "2020-02-01", "currency": "GBP", "payment_terms_in_days": 30,
        "credit_note_items": [{"description": "Credit Note Item 1", "price": -100, "quantity": 3}]}}))["credit_note"]
    assert created["total_value"] == "-300.00" and created["reference"].startswith("CN")
    key = created["url"].rsplit("/", 1)[-1]
    assert (await fa.ok("PUT", f"/credit_notes/{key}/transitions/mark_as_sent"))["credit_note"]["status"] != "Draft"
    listed = (await fa.ok("GET", "/credit_notes"))["credit_notes"]
    assert created["url"] in [c["url"] for c in listed]


async def test_journal_sets_balance(fa):
    entries = [{"category": "http://freeagent.test/v2/categories/001", "description": "A Sales Correction",
                "debit_value": "-123.45"},
               {"category": "http://freeagent.test/v2/categories/901", "description": "Director's Capital Introduced",
                "debit_value": "123.45"}]
    created = (await fa.ok("POST", "/journal_sets", 201, json={"journal_set": {
        "dated_on": "2019-07-28", "description": "An example journal set", "tag": "MYAPPTAG",
        "journal_entries": entries}}))["journal_set"]
    assert [e["debit_value"] for e in created["journal_entries"]] == ["-123.45", "123.45"]
    tagged = (await fa.ok("GET", "/journal_sets", params={"tag": "MYAPPTAG"}))["journal_sets"]
    assert [j["url"] for j in tagged] == [created["url"]]
    unbalanced = await fa.call("POST", "/journal_sets", json={"journal_set": {
        "dated_on": "2019-07-28", "description": "x", "journal_entries": [entries[0], {**entries[1],
                                                                                      "debit_value": "1"}]}})
    assert unbalanced.status_code == 422 and "balance" in unbalanced.json()["errors"][0]["message"]
    key = created["url"].rsplit("/", 1)[-1]
    await fa.ok("DELETE", f"/journal_sets/{key}")
    assert (await fa.call("GET", f"/journal_sets/{key}")).status_code == 404
