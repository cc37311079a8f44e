"""The Moneybird sandbox's platform: OAuth (consent, code, refresh rotation, expiry), scopes, administrations,
the rate limit with its headers, fault injection, persistence, and the purchase invoice, contact, settings and
journal endpoints. Exchanges below ``/api/v2`` are checked against Moneybird's OpenAPI document."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from ledgerbridge.sandbox.faults import Fault
from ledgerbridge.sandbox.moneybird import MoneybirdSandbox

if TYPE_CHECKING:
    from tests.sandbox.moneybird.conftest import Moneybird

CLIENT = {"client_id": "lb-test-client", "client_secret": "sandbox-secret"}
REDIRECT = "http://localhost:8765/callback"


async def test_authorization_code_flow_and_refresh_rotation(mb: Moneybird) -> None:
    params = {"client_id": CLIENT["client_id"], "redirect_uri": REDIRECT, "response_type": "code",
              "scope": "sales_invoices settings", "state": "xyz"}
    page = await mb.http.get("/oauth/authorize", params=params)
    assert page.status_code == 200 and "Authorize" in page.text
    allowed = await mb.http.post("/oauth/authorize", data={**params, "decision": "allow"})
    assert allowed.status_code == 302
    query = parse_qs(urlsplit(allowed.headers["location"]).query)
    assert query["state"] == ["xyz"]
    token = (await mb.http.post("/oauth/token", data={**CLIENT, "grant_type": "authorization_code",
                                                        "code": query["code"][0], "redirect_uri": REDIRECT})).json()
    assert token["token_type"] == "bearer" and token["scope"] == "sales_invoices settings" and token["expires_in"]
    again = await mb.http.post("/oauth/token", data={**CLIENT, "grant_type": "authorization_code",
                                                       "code": query["code"][0], "redirect_uri": REDIRECT})
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
    fresh = (await mb.http.post("/oauth/token/", data={**CLIENT, "grant_type": "refresh_token",
                                                         "refresh_token": token["refresh_token"]})).json()
    assert fresh["refresh_token"] != token["refresh_token"]
    reused = await mb.http.post("/oauth/token", data={**CLIENT, "grant_type": "refresh_token",
                                                        "refresh_token": token["refresh_token"]})
    assert reused.status_code == 400
    assert (await mb.call("GET", "tax_rates", token=fresh["access_token"])).status_code == 200
    # scopes decide: no "documents" scope, no purchase invoices
    denied = await mb.call("GET", "documents/purchase_invoices", token=fresh["access_token"])
    assert denied.status_code == 403 and mb.body(denied)["symbolic"] == {"scope": "insufficient_scope"}
    denied_consent = await mb.http.post("/oauth/authorize", data={**params, "decision": "deny"})
    assert "error=access_denied" in denied_consent.headers["location"]
    bad_client = await mb.http.post("/oauth/token", data={"client_id": "x", "client_secret": "y",
                                                            "grant_type": "refresh_token", "refresh_token": "z"})
    assert bad_client.status_code == 401


async def test_tokens_expire_and_unknown_ones_are_refused(mb: Moneybird) -> None:
    assert (await mb.call("GET", "contacts", token="nope")).status_code == 401
    mb.sb.advance_time(3601)
    expired = await mb.call("GET", "contacts")
    assert expired.status_code == 401 and mb.body(expired)["symbolic"] == {"authorization": "expired_token"}


async def test_administrations_and_unknown_administration(mb: Moneybird) -> None:
    admins = await mb.ok("GET", "administrations", admin=False)
    assert [a["id"] for a in admins] == [mb.admin] and admins[0]["currency"] == "EUR"
    resp = await mb.http.get("/api/v2/123/contacts.json",
                             headers={"Authorization": f"Bearer {mb.token['access_token']}"})
    assert resp.status_code == 404


async def test_rate_limit_150_per_five_minutes(mb: Moneybird) -> None:
    mb.sb.limiter.limit = 3
    for _ in range(3):
        resp = await mb.call("GET", "ledger_accounts")
        assert resp.status_code == 200
    assert resp.headers["RateLimit-Remaining"] == "0"
    limited = await mb.call("GET", "ledger_accounts")
    assert limited.status_code == 429 and limited.json() == "Retry later"
    assert int(limited.headers["Retry-After"]) == int(limited.headers["RateLimit-Reset"]) > mb.sb.store.now()
    mb.sb.advance_time(301)
    mb.token = mb.sb.issue_tokens("lb-test-client")
    assert (await mb.call("GET", "ledger_accounts")).status_code == 200


async def test_faults_answer_in_moneybird_shape(mb: Moneybird) -> None:
    mb.sb.faults.add(Fault(kind="status", status=503, path_contains="/contacts"))
    failed = await mb.http.get(f"/api/v2/{mb.admin}/tax_rates.json",
                               headers={"Authorization": f"Bearer {mb.token['access_token']}"})
    assert failed.status_code == 200  # the fault waits for its path
    hit = await mb.call("GET", "contacts")
    assert hit.status_code == 503 and "error" in hit.json()


async def test_contacts_crud_and_archive(mb: Moneybird) -> None:
    made = await mb.ok("POST", "contacts", 201, json={"contact": {"company_name": "Nieuwe Klant B.V.",
                                                                   "city": "Leiden", "phone": "+31 71 000 0000"}})
    assert made["customer_id"] and made["version"]
    changed = await mb.ok("PATCH", f"contacts/{made['id']}", json={"contact": {"city": "Delft"}})
    assert changed["city"] == "Delft" and changed["version"] > made["version"]
    invalid = await mb.call("POST", "contacts", json={"contact": {"city": "Nergens"}})
    assert invalid.status_code == 422 and set(mb.body(invalid)["error"]) == {"firstname", "lastname", "company_name"}
    missing = await mb.call("POST", "contacts", json={})
    # a request the contract itself refuses (it requires "contact"): the answer is what is under test
    mb.checked.violations = [v for v in mb.checked.violations if "'contact' is a required property" not in v]
    assert missing.status_code == 400 and mb.body(missing) == {"error": "Contact is required",
                                                               "symbolic": {"contact": "required"}}
    assert (await mb.call("DELETE", f"contacts/{made['id']}")).status_code == 204
    assert (await mb.call("GET", f"contacts/{made['id']}")).status_code == 404
    used = (await mb.ok("GET", "sales_invoices", params={"filter": "state:all"}))[0]["contact_id"]
    assert (await mb.call("DELETE", f"contacts/{used}")).status_code == 204
    assert (await mb.ok("GET", f"contacts/{used}"))["archived"] is True
    assert used not in {c["id"] for c in await mb.ok("GET", "contacts")}
    found = await mb.ok("GET", "contacts", params={"query": "zeezicht"})
    assert [c["company_name"] for c in found] == ["Hotel Zeezicht"]
    pairs = await mb.ok("GET", "contacts/synchronization")
    assert len(await mb.ok("POST", "contacts/synchronization", json={"ids": [p["id"] for p in pairs[:2]]})) == 2


async def test_purchase_invoices_tax_and_payment(mb: Moneybird) -> None:
    rates = {r["name"]: r["id"] for r in await mb.ok("GET", "tax_rates",
                                                     params={"filter": "tax_rate_type:purchase_invoice"})}
    supplier = (await mb.ok("GET", "contacts", params={"query": "Stroom"}))[0]["id"]
    doc = await mb.ok("POST", "documents/purchase_invoices", 201, json={"purchase_invoice": {
        "contact_id": supplier, "reference": "E-2026-11", "date": "2026-03-01", "prices_are_incl_tax": True,
        "details_attributes": [{"description": "Stroom maart", "price": "242.00", "tax_rate_id": rates["21% btw"]}]}})
    assert doc["state"] == "open" and Decimal(doc["total_price_excl_tax"]) == Decimal("200.00")
    wrong = await mb.call("POST", "documents/purchase_invoices", json={"purchase_invoice": {
        "contact_id": supplier, "reference": "x",
        "details_attributes": [{"price": "1", "tax_rate_id": (await mb.ok("GET", "tax_rates", params={
            "filter": "tax_rate_type:sales_invoice"}))[0]["id"]}]}})
    assert wrong.status_code == 422  # a sales tax rate on a purchase line
    await mb.ok("POST", f"documents/purchase_invoices/{doc['id']}/payments", 201,
                json={"payment": {"payment_date": "2026-03-10", "price": "242.00"}})
    assert (await mb.ok("GET", f"documents/purchase_invoices/{doc['id']}"))["state"] == "paid"
    listed = await mb.ok("GET", "documents/purchase_invoices", params={"filter": "period:20260301..20260331"})
    assert doc["id"] in {d["id"] for d in listed}


async def test_settings_and_journal_documents(mb: Moneybird) -> None:
    accounts = await mb.ok("GET", "ledger_accounts")
    made = await mb.ok("POST", "ledger_accounts", 201, json={"rgs_code": "WBedAlkOnr",
                                                              "ledger_account": {"name": "Reiskosten",
                                                                                 "account_type": "expenses",
                                                                                 "account_id": "4500"}})
    assert made["account_type"] == "expenses"
    taken = await mb.call("POST", "ledger_accounts", json={"rgs_code": "WBedAlkOnr", "ledger_account": {
        "name": "Dubbel", "account_type": "expenses", "account_id": "4500"}})
    assert taken.status_code == 422
    product = await mb.ok("POST", "products", 201, json={"product": {"title": "Training", "price": "99.50",
                                                                      "ledger_account_id": accounts[0]["id"]}})
    assert product["price"] == "99.50"
    bank = next(a["id"] for a in accounts if a["name"] == "Bank")
    equity = next(a["id"] for a in accounts if a["name"] == "Eigen vermogen")
    entries = [{"ledger_account_id": bank, "debit": "50", "credit": "0"},
               {"ledger_account_id": equity, "debit": "0", "credit": "40"}]
    unbalanced = await mb.call("POST", "documents/general_journal_documents", json={"general_journal_document": {
        "reference": "Correctie", "date": "2026-02-01", "general_journal_document_entries_attributes": entries}})
    assert unbalanced.status_code == 422
    entries[1]["credit"] = "50"
    doc = await mb.ok("POST", "documents/general_journal_documents", 201, json={"general_journal_document": {
        "reference": "Correctie", "date": "2026-02-01", "general_journal_document_entries_attributes": entries}})
    assert len(doc["general_journal_document_entries"]) == 2


def test_state_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "moneybird.json"
    first = MoneybirdSandbox(path)
    admin = first.create_administration()
    first.seed_demo(admin)
    again = MoneybirdSandbox(path)
    assert again.count(admin, "sales_invoices") == first.count(admin, "sales_invoices") > 20
    assert again.create_administration() == admin


async def test_projects_tag_lines(mb: Moneybird) -> None:
    projects = await mb.ok("GET", "projects")
    assert {p["name"] for p in projects} >= {"Website Bakkerij"} and all(p["state"] == "active" for p in projects)
    made = await mb.ok("POST", "projects", 201, json={"project": {"name": "Nieuw project"}})
    customer = (await mb.ok("GET", "contacts"))[0]["id"]
    line = {"description": "Werk", "price": "10.00", "project_id": made["id"]}
    inv = await mb.ok("POST", "sales_invoices", 201,
                      json={"sales_invoice": {"contact_id": customer, "details_attributes": [line]}})
    assert inv["details"][0]["project_id"] == made["id"]
    wrong = await mb.call("POST", "sales_invoices", json={"sales_invoice": {"contact_id": customer,
                                                                            "details_attributes": [
                                                                                {"price": "1", "project_id": "9"}]}})
    assert wrong.status_code == 422


def test_demo_sandbox_connects_to_its_seeded_administration(tmp_path: Path) -> None:
    from ledgerbridge.connectors.moneybird.spec import SPEC

    assert SPEC.sandbox is not None
    demo = SPEC.sandbox.demo(tmp_path, 1.0)
    credentials = demo.credentials("http://sandbox")
    assert credentials["administration_id"] == demo.account_id
    assert credentials["api_base"] == "http://sandbox/api/v2" and credentials["access_token"]
    assert (tmp_path / "sandbox-moneybird.json").exists()
