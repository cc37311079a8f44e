"""Customer invoices: totals with VAT per line, drafts and finalization, numbering, what may change, payment,
deletion, paging, filters and the change feed; supplier invoices read and updated."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from tests.sandbox.pennylane.conftest import Pennylane


async def a_customer(pl: Pennylane) -> int:
    return int((await pl.ok("GET", "/customers", params={"limit": "1"}))["items"][0]["id"])


def body(customer: int, *, draft: bool = True, lines: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"date": "2024-03-01", "deadline": "2024-03-31", "customer_id": customer, "draft": draft,
            "invoice_lines": lines or [
                {"label": "Étude", "raw_currency_unit_price": "650.00", "unit": "day", "vat_rate": "FR_200",
                 "quantity": 3},
                {"label": "Livre", "raw_currency_unit_price": "32.00", "unit": "piece", "vat_rate": "FR_55",
                 "quantity": 1}]}


async def test_totals_are_computed_per_line_with_each_lines_vat(pl: Pennylane) -> None:
    created = await pl.ok("POST", "/customer_invoices", 201, json=body(await a_customer(pl)))
    assert created["currency_amount_before_tax"] == "1982.00"
    assert Decimal(created["tax"]) == Decimal("390.00") + Decimal("1.76")  # 20 % of 1950, 5.5 % of 32
    assert Decimal(created["amount"]) == Decimal("2373.76")
    lines = await pl.ok("GET", f"/customer_invoices/{created['id']}/invoice_lines", params={"sort": "id"})
    assert [line["vat_rate"] for line in lines["items"]] == ["FR_200", "FR_55"]
    assert [line["currency_tax"] for line in lines["items"]] == ["390.00", "1.76"]


async def test_a_draft_has_no_number_until_finalized_and_numbers_follow_each_other(pl: Pennylane) -> None:
    customer = await a_customer(pl)
    first = await pl.ok("POST", "/customer_invoices", 201, json=body(customer))
    assert first["draft"] is True and first["status"] == "draft" and first["invoice_number"] == ""
    finalized = await pl.ok("PUT", f"/customer_invoices/{first['id']}/finalize")
    second = await pl.ok("POST", "/customer_invoices", 201, json=body(customer, draft=False))
    year_seq = [int(n["invoice_number"].rsplit("-", 1)[1]) for n in (finalized, second)]
    assert finalized["invoice_number"].startswith("F-2024-") and year_seq[1] == year_seq[0] + 1
    assert finalized["status"] == "late"  # its deadline is past
    again = await pl.call("PUT", f"/customer_invoices/{first['id']}/finalize")
    assert again.status_code == 422 and again.json()["status"] == 422


async def test_a_draft_changes_in_full_and_lines_are_created_updated_deleted(pl: Pennylane) -> None:
    created = await pl.ok("POST", "/customer_invoices", 201, json=body(await a_customer(pl)))
    lines = (await pl.ok("GET", f"/customer_invoices/{created['id']}/invoice_lines", params={"sort": "id"}))["items"]
    changed = await pl.ok("PUT", f"/customer_invoices/{created['id']}", json={
        "pdf_description": "Lighting study", "invoice_lines": {
            "update": [{"id": lines[0]["id"], "quantity": 1}], "delete": [{"id": lines[1]["id"]}],
            "create": [{"label": "Déplacement", "raw_currency_unit_price": "45.50", "unit": "piece",
                        "vat_rate": "FR_200", "quantity": 2}]}})
    assert changed["pdf_description"] == "Lighting study"
    assert changed["currency_amount_before_tax"] == "741.00"  # 650 + 2 × 45.50
    assert changed["amount"] == "889.20"
    assert changed["updated_at"] > created["updated_at"]


async def test_a_finalized_invoice_only_changes_its_label_and_references(pl: Pennylane) -> None:
    created = await pl.ok("POST", "/customer_invoices", 201, json=body(await a_customer(pl), draft=False))
    refused = await pl.call("PUT", f"/customer_invoices/{created['id']}", json={"date": "2024-03-02"})
    assert refused.status_code == 422 and "finalized" in refused.json()["error"]
    changed = await pl.ok("PUT", f"/customer_invoices/{created['id']}", json={"label": "Renamed"})
    assert changed["label"] == "Renamed" and changed["invoice_number"] == created["invoice_number"]


async def test_paid_and_deleted(pl: Pennylane) -> None:
    customer = await a_customer(pl)
    draft = await pl.ok("POST", "/customer_invoices", 201, json=body(customer))
    assert (await pl.call("PUT", f"/customer_invoices/{draft['id']}/mark_as_paid")).status_code == 422
    final = await pl.ok("POST", "/customer_invoices", 201, json=body(customer, draft=False))
    assert (await pl.call("PUT", f"/customer_invoices/{final['id']}/mark_as_paid")).status_code == 204
    paid = await pl.ok("GET", f"/customer_invoices/{final['id']}")
    assert paid["paid"] is True and paid["status"] == "paid" and paid["remaining_amount_with_tax"] == "0.00"
    assert (await pl.call("DELETE", f"/customer_invoices/{final['id']}")).status_code == 422
    assert (await pl.call("DELETE", f"/customer_invoices/{draft['id']}")).status_code == 204
    gone = await pl.call("GET", f"/customer_invoices/{draft['id']}")
    assert gone.status_code == 404 and gone.json() == {"error": "Not Found", "status": 404}


async def test_bodies_the_contract_refuses_are_answered_400_with_its_code(pl: Pennylane) -> None:
    wrong = body(await a_customer(pl))
    wrong["colour"] = "blue"
    response = await pl.call("POST", "/customer_invoices", json=wrong)
    assert response.status_code == 400
    assert response.json()["code"] in ("NotAnyOf", "NotExistPropertyDefinition")
    assert any("request" in v for v in pl.transport.violations), "the contract check let the bad body through"
    pl.transport.violations.clear()  # sent on purpose
    unknown_customer = await pl.call("POST", "/customer_invoices", json=body(1))
    assert unknown_customer.status_code == 422


async def test_cursor_pages_reach_the_end_without_repeats(pl: Pennylane) -> None:
    seen: list[int] = []
    params = {"limit": "7", "sort": "id"}
    while True:
        answer = await pl.ok("GET", "/customer_invoices", params=params)
        seen += [item["id"] for item in answer["items"]]
        if not answer["has_more"]:
            assert answer["next_cursor"] is None
            break
        params["cursor"] = answer["next_cursor"]
    assert seen == sorted(set(seen))
    assert len(seen) == pl.sandbox.count(pl.company, "customer_invoices")
    assert (await pl.call("GET", "/customer_invoices", params={"limit": "101"})).status_code == 400


async def test_filters_and_included_lines(pl: Pennylane) -> None:
    drafts = await pl.ok("GET", "/customer_invoices", params={
        "filter": json.dumps([{"field": "draft", "operator": "eq", "value": "true"}]), "include": "invoice_lines"})
    assert drafts["items"] and all(item["draft"] for item in drafts["items"])
    assert set(drafts["included"]["invoice_lines"]) == {str(item["id"]) for item in drafts["items"]}
    some = [item["id"] for item in drafts["items"][:2]]
    picked = await pl.ok("GET", "/customer_invoices", params={
        "filter": json.dumps([{"field": "id", "operator": "in", "value": some}])})
    assert sorted(item["id"] for item in picked["items"]) == sorted(some)
    notes = await pl.ok("GET", "/customer_invoices", params={
        "filter": json.dumps([{"field": "credit_note", "operator": "eq", "value": "true"}])})
    assert len(notes["items"]) == 1 and notes["items"][0]["status"] == "credit_note"
    assert Decimal(notes["items"][0]["amount"]) < 0


async def test_the_change_feed_lists_inserts_updates_and_deletes_since_a_moment(pl: Pennylane) -> None:
    customer = await a_customer(pl)
    everything = await pl.ok("GET", "/changelogs/customer_invoices", params={"limit": "1000"})
    since = everything["items"][-1]["processed_at"]
    created = await pl.ok("POST", "/customer_invoices", 201, json=body(customer))
    await pl.ok("PUT", f"/customer_invoices/{created['id']}", json={"label": "x"})
    await pl.ok("DELETE", f"/customer_invoices/{created['id']}", 204)
    changes = await pl.ok("GET", "/changelogs/customer_invoices", params={"start_date": since, "limit": "2"})
    feed = changes["items"]
    while changes["has_more"]:
        changes = await pl.ok("GET", "/changelogs/customer_invoices",
                              params={"start_date": since, "limit": "2", "cursor": changes["next_cursor"]})
        feed += changes["items"]
    mine = [(e["id"], e["operation"]) for e in feed if e["id"] == created["id"]]
    assert mine == [(created["id"], "insert"), (created["id"], "update"), (created["id"], "delete")]


async def test_supplier_invoices_are_read_and_updated(pl: Pennylane) -> None:
    listed = await pl.ok("GET", "/supplier_invoices", params={"limit": "100"})
    assert len(listed["items"]) == 10
    first = listed["items"][0]
    lines = await pl.ok("GET", f"/supplier_invoices/{first['id']}/invoice_lines")
    assert sum(Decimal(line["currency_amount_before_tax"]) for line in lines["items"]) == Decimal(
        first["currency_amount_before_tax"])
    changed = await pl.ok("PUT", f"/supplier_invoices/{first['id']}", json={"label": "Checked"})
    assert changed["label"] == "Checked" and changed["updated_at"] > first["updated_at"]


async def test_a_supplier_invoice_is_imported_with_its_file_and_booked(pl: Pennylane) -> None:
    supplier = (await pl.ok("GET", "/suppliers", params={"limit": "1"}))["items"][0]
    accounts = (await pl.ok("GET", "/ledger_accounts", params={"limit": "100"}))["items"]
    expense = next(a for a in accounts if a["number"] == "626000")
    uploaded = await pl.ok("POST", "/file_attachments", 201,
                           files={"file": ("bill.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")})
    body = {"file_attachment_id": uploaded["id"], "supplier_id": supplier["id"], "date": "2024-05-02",
            "deadline": "2024-06-01", "invoice_number": "OR-2024-05", "currency_amount_before_tax": "100.00",
            "currency_tax": "20.00", "currency_amount": "120.00", "invoice_lines": [
                {"label": "Fibre", "currency_amount": "120.00", "currency_tax": "20.00", "vat_rate": "FR_200",
                 "ledger_account_id": expense["id"]}]}
    unbalanced = await pl.call("POST", "/supplier_invoices/import", json={**body, "currency_amount": "121.00"})
    assert unbalanced.status_code == 422
    created = await pl.ok("POST", "/supplier_invoices/import", 201, json=body)
    assert created["currency_amount"] == "120.00" and created["payment_status"] == "to_be_paid"
    again = await pl.call("POST", "/supplier_invoices/import", json=body)
    assert again.status_code == 409  # a file is booked once
    entry = await pl.ok("GET", f"/ledger_entries/{created['ledger_entry']['id']}")
    debits = {line["ledger_account"]["number"]: line["debit"] for line in entry["ledger_entry_lines"]}
    assert debits["626000"] == "100.00" and debits["445660"] == "20.00"
    credit = next(line for line in entry["ledger_entry_lines"] if line["credit"] != "0")
    assert credit["credit"] == "120.00" and credit["ledger_account"]["number"].startswith("401")


async def test_a_finalized_invoice_is_booked_in_the_sales_journal_and_balances(pl: Pennylane) -> None:
    draft = await pl.ok("POST", "/customer_invoices", 201, json=body(await a_customer(pl)))
    entry = draft["ledger_entry"]["id"]
    assert (await pl.call("GET", f"/ledger_entries/{entry}")).status_code == 404  # a draft is not booked
    await pl.ok("PUT", f"/customer_invoices/{draft['id']}/finalize")
    booked = await pl.ok("GET", f"/ledger_entries/{entry}")
    lines = booked["ledger_entry_lines"]
    assert sum(Decimal(line["debit"]) for line in lines) == sum(Decimal(line["credit"]) for line in lines)
    by_account = {line["ledger_account"]["number"]: line for line in lines}
    assert by_account["411000"]["debit"] == "2373.76" and by_account["445710"]["credit"] == "391.76"
