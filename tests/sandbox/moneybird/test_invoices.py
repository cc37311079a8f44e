"""Sales invoices at the Moneybird sandbox: per-line tax, inclusive and exclusive prices, the lifecycle, numbering,
payments, deletion, credit invoices, lists, filters and synchronization. Every exchange is checked against
Moneybird's OpenAPI document by the ``mb`` fixture."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.sandbox.moneybird.conftest import Moneybird


async def _rates(mb: Moneybird) -> dict[str, str]:
    rows = await mb.ok("GET", "tax_rates", params={"filter": "tax_rate_type:sales_invoice"})
    return {r["name"]: r["id"] for r in rows}


async def _customer(mb: Moneybird) -> str:
    return str((await mb.ok("GET", "contacts"))[0]["id"])


async def _draft(mb: Moneybird, *, incl: bool = False, details: list[dict[str, Any]] | None = None) -> Any:
    rates = await _rates(mb)
    details = details or [
        {"description": "Advies", "amount": "3", "price": "100.00", "tax_rate_id": rates["21% btw"]},
        {"description": "Boek", "amount": "1", "price": "10.90", "tax_rate_id": rates["9% btw"]},
    ]
    body = {"sales_invoice": {"contact_id": await _customer(mb), "reference": "PO-7", "prices_are_incl_tax": incl,
                              "details_attributes": details}}
    return await mb.ok("POST", "sales_invoices", 201, json=body)


async def test_exclusive_prices_tax_per_rate(mb: Moneybird) -> None:
    inv = await _draft(mb)
    assert inv["state"] == "draft" and inv["invoice_id"] is None and inv["draft_id"]
    assert Decimal(inv["total_price_excl_tax"]) == Decimal("310.90")
    # 300 × 21% = 63.00; 10.90 × 9% = 0.981 → 0.98
    assert Decimal(inv["total_price_incl_tax"]) == Decimal("374.88")
    assert sorted(Decimal(t["tax_amount"]) for t in inv["tax_totals"]) == [Decimal("0.98"), Decimal("63.00")]
    assert [d["tax_rate_id"] for d in inv["details"]] == [d["tax_rate_id"] for d in inv["details"]]


async def test_inclusive_prices_take_tax_out(mb: Moneybird) -> None:
    rates = await _rates(mb)
    inv = await _draft(mb, incl=True, details=[{"description": "Pakket", "price": "121.00",
                                                "tax_rate_id": rates["21% btw"]}])
    assert inv["prices_are_incl_tax"] is True
    assert Decimal(inv["total_price_incl_tax"]) == Decimal("121.00")
    assert Decimal(inv["total_price_excl_tax"]) == Decimal("100.00")
    assert inv["details"][0]["total_price_excl_tax_with_discount"] == Decimal("100.00")


async def test_send_numbers_and_payments_settle(mb: Moneybird) -> None:
    inv = await _draft(mb)
    sent = await mb.ok("PATCH", f"sales_invoices/{inv['id']}/send_invoice",
                       json={"sales_invoice_sending": {"delivery_method": "Manual"}})
    assert sent["state"] == "open" and sent["invoice_id"].startswith(sent["invoice_date"][:4] + "-")
    assert sent["version"] > inv["version"]
    first = await mb.ok("POST", f"sales_invoices/{inv['id']}/payments", 201,
                        json={"payment": {"payment_date": sent["invoice_date"], "price": "100.00",
                                          "manual_payment_action": "payment_without_proof"}})
    assert first["invoice_id"] == inv["id"] and first["invoice_type"] == "SalesInvoice"
    part = await mb.ok("GET", f"sales_invoices/{inv['id']}")
    assert part["state"] == "open" and Decimal(part["total_unpaid"]) == Decimal("274.88")
    too_much = await mb.call("POST", f"sales_invoices/{inv['id']}/payments",
                             json={"payment": {"payment_date": sent["invoice_date"], "price": "999.00"}})
    assert too_much.status_code == 422 and "price" in mb.body(too_much)["error"]
    await mb.ok("POST", f"sales_invoices/{inv['id']}/payments", 201,
                json={"payment": {"payment_date": sent["invoice_date"], "price": "274.88"}})
    paid = await mb.ok("GET", f"sales_invoices/{inv['id']}")
    assert paid["state"] == "paid" and paid["paid_at"] == sent["invoice_date"]
    assert (await mb.ok("GET", f"payments/{first['id']}"))["price"] == Decimal("100.00")
    refused = await mb.call("PATCH", f"sales_invoices/{inv['id']}", json={"sales_invoice": {"reference": "x"}})
    assert refused.status_code == 422 and mb.body(refused)["symbolic"] == {"state": "paid"}
    kept = await mb.call("DELETE", f"sales_invoices/{inv['id']}")
    assert kept.status_code == 400  # DELETE declares 400, not 422


async def test_update_details_by_id_and_destroy(mb: Moneybird) -> None:
    inv = await _draft(mb)
    first, second = inv["details"]
    patched = await mb.ok("PATCH", f"sales_invoices/{inv['id']}", json={"sales_invoice": {"details_attributes": [
        {"id": first["id"], "price": "200.00"}, {"id": second["id"], "_destroy": True}]}})
    assert [d["id"] for d in patched["details"]] == [first["id"]]
    assert Decimal(patched["total_price_incl_tax"]) == Decimal("726.00")
    assert patched["version"] > inv["version"]


async def test_validation_answers_422_with_fields(mb: Moneybird) -> None:
    resp = await mb.call("POST", "sales_invoices", json={"sales_invoice": {
        "contact_id": "1", "details_attributes": [{"description": "x", "price": "1", "tax_rate_id": "2"}]}})
    assert resp.status_code == 422
    body = mb.body(resp)
    assert set(body["error"]) == {"contact_id", "details_attributes.0.tax_rate_id"}
    missing = await mb.call("POST", "sales_invoices", json={})
    assert missing.status_code == 422 and mb.body(missing)["symbolic"] == {"sales_invoice": "required"}


async def test_delete_draft_and_not_found(mb: Moneybird) -> None:
    inv = await _draft(mb)
    assert (await mb.call("DELETE", f"sales_invoices/{inv['id']}")).status_code == 204
    gone = await mb.call("GET", f"sales_invoices/{inv['id']}")
    assert gone.status_code == 404 and mb.body(gone) == {"error": "record not found", "symbolic": {"id": "not_found"}}


async def test_late_when_due_date_passes(mb: Moneybird) -> None:
    inv = await _draft(mb)
    await mb.ok("PATCH", f"sales_invoices/{inv['id']}/send_invoice", json={"sales_invoice_sending": {}})
    mb.sb.advance_time(40 * 86400)
    mb.token = mb.sb.issue_tokens("lb-test-client")  # the first token expired meanwhile
    assert (await mb.ok("GET", f"sales_invoices/{inv['id']}"))["state"] == "late"
    late = await mb.ok("GET", "sales_invoices", params={"filter": "state:late"})
    assert inv["id"] in {r["id"] for r in late}


async def test_credit_invoice_negates_and_points_back(mb: Moneybird) -> None:
    inv = await _draft(mb)
    await mb.ok("PATCH", f"sales_invoices/{inv['id']}/send_invoice", json={"sales_invoice_sending": {}})
    credit = await mb.ok("PATCH", f"sales_invoices/{inv['id']}/duplicate_creditinvoice")
    assert credit["original_sales_invoice_id"] == inv["id"]
    assert Decimal(credit["total_price_incl_tax"]) == -Decimal(inv["total_price_incl_tax"])


async def test_lists_page_and_filter(mb: Moneybird) -> None:
    everything = await mb.ok("GET", "sales_invoices", params={"filter": "state:all", "per_page": "100"})
    assert len(everything) == mb.sb.count(mb.admin, "sales_invoices")
    page1 = await mb.ok("GET", "sales_invoices", params={"filter": "state:all", "per_page": "10", "page": "1"})
    page2 = await mb.ok("GET", "sales_invoices", params={"filter": "state:all", "per_page": "10", "page": "2"})
    assert len(page1) == 10 and not {r["id"] for r in page1} & {r["id"] for r in page2}
    drafts = await mb.ok("GET", "sales_invoices", params={"filter": "state:draft|paid"})
    assert drafts and {r["state"] for r in drafts} <= {"draft", "paid"}
    bad = await mb.call("GET", "sales_invoices", params={"per_page": "101"})
    assert bad.status_code == 400
    wrong = await mb.call("GET", "sales_invoices", params={"filter": "state:nonsense"})
    assert wrong.status_code == 400
    stamp = mb.sb.now_iso()
    inv = await _draft(mb)
    changed = await mb.ok("GET", "sales_invoices", params={"filter": f"updated_after:{stamp}"})
    assert [r["id"] for r in changed] == [inv["id"]]


async def test_synchronization_ids_versions_then_records(mb: Moneybird) -> None:
    pairs = await mb.ok("GET", "sales_invoices/synchronization")
    assert len(pairs) == mb.sb.count(mb.admin, "sales_invoices") and all(isinstance(p["version"], int) for p in pairs)
    wanted = [p["id"] for p in pairs[:3]]
    rows = await mb.ok("POST", "sales_invoices/synchronization", json={"ids": wanted})
    assert sorted(r["id"] for r in rows) == sorted(wanted)


async def test_mark_as_uncollectible(mb: Moneybird) -> None:
    inv = await _draft(mb)
    refused = await mb.call("PATCH", f"sales_invoices/{inv['id']}/mark_as_uncollectible", json={})
    assert refused.status_code == 400
    await mb.ok("PATCH", f"sales_invoices/{inv['id']}/send_invoice", json={"sales_invoice_sending": {}})
    done = await mb.ok("PATCH", f"sales_invoices/{inv['id']}/mark_as_uncollectible", json={})
    assert done["state"] == "uncollectible"
