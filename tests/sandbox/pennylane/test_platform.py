"""OAuth (authorization code with PKCE, rotating refresh tokens, revocation), the rate limit and its headers,
errors, and the customers, suppliers, products and ledger accounts a company keeps."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlsplit

import httpx

from ledgerbridge.sandbox.pennylane import contract, identity
from tests.sandbox.pennylane.conftest import CLIENT_ID, CLIENT_SECRET, REDIRECT, Pennylane


async def test_the_token_url_is_the_contracts() -> None:
    flow = contract.spec()["components"]["securitySchemes"]["oauth2"]["flows"]["authorizationCode"]
    assert urlsplit(flow["tokenUrl"]).path == identity.TOKEN_PATH
    assert urlsplit(flow["authorizationUrl"]).path == identity.AUTHORIZE_PATH


async def test_authorization_code_with_pkce_then_refresh_rotates(pl: Pennylane) -> None:
    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = {"client_id": CLIENT_ID, "redirect_uri": REDIRECT, "response_type": "code", "state": "s1",
             "code_challenge": challenge, "code_challenge_method": "S256"}
    page = await pl.http.get("/oauth/authorize", params=query)
    assert page.status_code == 200 and "Atelier Lumière SARL" in page.text
    consent = await pl.http.post("/oauth/authorize", data={**query, "decision": "allow",
                                                            "company_id": str(pl.company)})
    assert consent.status_code == 302
    params = parse_qs(urlsplit(consent.headers["location"]).query)
    assert params["state"] == ["s1"]
    form = {"grant_type": "authorization_code", "code": params["code"][0], "redirect_uri": REDIRECT,
            "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
    wrong = await pl.http.post("/oauth/oauth/token", data={**form, "code_verifier": "nope"})
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"  # and the code is spent
    consent = await pl.http.post("/oauth/authorize", data={**query, "decision": "allow"})
    form["code"] = parse_qs(urlsplit(consent.headers["location"]).query)["code"][0]
    token = (await pl.http.post("/oauth/oauth/token", data={**form, "code_verifier": verifier})).json()
    assert token["token_type"] == "Bearer" and token["expires_in"] == identity.ACCESS_TTL
    me = await pl.http.get("/api/external/v2/me", headers={"Authorization": f"Bearer {token['access_token']}"})
    assert me.json()["company"]["id"] == pl.company

    refresh = {"grant_type": "refresh_token", "refresh_token": token["refresh_token"], "client_id": CLIENT_ID,
               "client_secret": CLIENT_SECRET}
    renewed = (await pl.http.post("/oauth/oauth/token", data=refresh)).json()
    assert renewed["refresh_token"] != token["refresh_token"]
    reused = await pl.http.post("/oauth/oauth/token", data=refresh)
    assert reused.status_code == 400  # a refresh token works once
    old = await pl.http.get("/api/external/v2/me", headers={"Authorization": f"Bearer {token['access_token']}"})
    assert old.status_code == 401 and old.json() == {"error": "The access token is invalid", "status": 401}

    revoked = await pl.http.post("/oauth/revoke", data={"token": renewed["access_token"], "client_id": CLIENT_ID,
                                                        "client_secret": CLIENT_SECRET})
    assert revoked.status_code == 200
    after = await pl.http.get("/api/external/v2/me", headers={"Authorization": f"Bearer {renewed['access_token']}"})
    assert after.status_code == 401


async def test_an_access_token_expires_after_a_day(pl: Pennylane) -> None:
    assert (await pl.call("GET", "/me")).status_code == 200
    pl.sandbox.advance_time(identity.ACCESS_TTL + 1)
    assert (await pl.call("GET", "/me")).status_code == 401


async def test_25_calls_per_5_seconds_then_429_with_retry_after(pl: Pennylane) -> None:
    pl.sandbox.limiter.per_window = 25
    answers = [await pl.call("GET", "/me") for _ in range(26)]
    assert [a.status_code for a in answers[:25]] == [200] * 25
    assert answers[0].headers["ratelimit-limit"] == "25" and answers[24].headers["ratelimit-remaining"] == "0"
    refused = answers[25]
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.json() == {"error": "Too many requests", "status": 429}
    pl.sandbox.advance_time(5)
    assert (await pl.call("GET", "/me")).status_code == 200


async def test_customers_of_both_kinds_and_suppliers_are_created_and_changed(pl: Pennylane) -> None:
    address = {"address": "1 rue de la Paix", "postal_code": "75002", "city": "Paris", "country_alpha2": "FR"}
    company = await pl.ok("POST", "/company_customers", 201, json={
        "name": "Maison Rivière", "billing_address": address, "emails": ["a@riviere.fr"], "phone": "+33 1 02 03 04 05",
        "ledger_account": {"number": "411RIV"[:3] + "100"}})
    assert "customer_type" not in company and company["delivery_address"] == address
    person = await pl.ok("POST", "/individual_customers", 201, json={
        "first_name": "Léa", "last_name": "Roux", "billing_address": address})
    assert person["name"] == "Léa Roux"
    changed = await pl.ok("PUT", f"/company_customers/{company['id']}", json={"emails": ["b@riviere.fr"]})
    assert changed["emails"] == ["b@riviere.fr"] and changed["name"] == "Maison Rivière"
    assert (await pl.call("GET", f"/individual_customers/{company['id']}")).status_code == 404
    both = await pl.ok("GET", "/customers", params={"limit": "100"})
    assert {company["id"], person["id"]} <= {c["id"] for c in both["items"]}
    supplier = await pl.ok("POST", "/suppliers", 201, json={"name": "Leroy Lumière", "postal_address": address})
    renamed = await pl.ok("PUT", f"/suppliers/{supplier['id']}", json={"name": "Leroy Lumière SA"})
    assert renamed["name"] == "Leroy Lumière SA"
    blank = await pl.call("POST", "/suppliers", json={"name": " "})
    assert blank.status_code == 400 and blank.json()["field"] == "name"


async def test_products_and_ledger_accounts(pl: Pennylane) -> None:
    product = await pl.ok("POST", "/products", 201, json={"label": "Applique", "price_before_tax": "99.90",
                                                          "vat_rate": "FR_200"})
    assert product["price"] == "119.88"
    account = await pl.ok("POST", "/ledger_accounts", 201, json={"number": "706100", "label": "Conseil"})
    assert account["type"] == "revenue"
    taken = await pl.call("POST", "/ledger_accounts", json={"number": "706100", "label": "Again"})
    assert taken.status_code == 422
    numbered = await pl.ok("GET", "/ledger_accounts", params={"page": "1", "per_page": "5"})
    assert numbered["per_page"] == 5 and numbered["total_items"] == pl.sandbox.count(pl.company, "ledger_accounts")
    cursor = await pl.ok("GET", "/ledger_accounts", params={"limit": "5"})
    assert cursor["has_more"] is True and cursor["total_pages"] is None


async def test_unknown_paths_and_records_are_404(pl: Pennylane) -> None:
    missing = await pl.call("GET", "/customers/1")
    assert missing.status_code == 404 and missing.json()["status"] == 404
    no_auth = await pl.http.get("/api/external/v2/me")
    assert no_auth.status_code == 401


async def test_state_survives_a_restart(tmp_path: object) -> None:
    from pathlib import Path

    from ledgerbridge.sandbox.pennylane import PennylaneSandbox, create_app

    path = Path(str(tmp_path)) / "pennylane.json"
    first = PennylaneSandbox(path)
    company = first.create_company()
    first.seed_demo(company)
    first.register_client(CLIENT_ID, CLIENT_SECRET)
    token = first.issue_tokens(CLIENT_ID, company)["access_token"]
    again = PennylaneSandbox(path)
    assert again.create_company() == company
    assert again.count(company, "customer_invoices") == first.count(company, "customer_invoices")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(again)), base_url="http://p") as http:
        me = await http.get("/api/external/v2/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200


async def test_manual_ledger_entries_are_balanced_and_listed_since_a_moment(pl: Pennylane) -> None:
    import json

    journals = (await pl.ok("GET", "/journals"))["items"]
    misc = next(j for j in journals if j["code"] == "OD")
    chart = (await pl.ok("GET", "/ledger_accounts", params={"limit": "100"}))["items"]
    accounts = {a["number"]: a["id"] for a in chart}
    lines = [{"ledger_account_id": accounts["626000"], "debit": "12.50", "credit": "0.00", "label": "Frais"},
             {"ledger_account_id": accounts["512000"], "debit": "0.00", "credit": "12.50"}]
    body = {"date": "2024-03-31", "label": "Frais bancaires", "journal_id": misc["id"], "ledger_entry_lines": lines}
    unbalanced = await pl.call("POST", "/ledger_entries", json={
        **body, "ledger_entry_lines": [lines[0], {**lines[1], "credit": "12.00"}]})
    assert unbalanced.status_code == 422 and unbalanced.json()["error"] == "Entry lines are not balanced"
    listed = await pl.ok("GET", "/ledger_entries", params={"limit": "100"})
    since = max(item["updated_at"] for item in listed["items"])
    created = await pl.ok("POST", "/ledger_entries", 201, json=body)
    assert created["journal_id"] == misc["id"] and len(created["ledger_entry_lines"]) == 2
    read = await pl.ok("GET", f"/ledger_entries/{created['id']}")
    assert [line["debit"] for line in read["ledger_entry_lines"]] == ["12.50", "0.00"]
    recent = await pl.ok("GET", "/ledger_entries", params={
        "filter": json.dumps([{"field": "updated_at", "operator": "gt", "value": since}])})
    assert [item["id"] for item in recent["items"]] == [created["id"]]
