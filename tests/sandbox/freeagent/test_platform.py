"""OAuth, paging, ``updated_since``, limits, errors, the settings endpoints and persistence."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlsplit

import httpx

from ledgerbridge.sandbox.faults import Fault
from ledgerbridge.sandbox.freeagent import FreeAgentSandbox, contract, create_app
from tests.sandbox.freeagent.conftest import BASE, CLIENT_ID, CLIENT_SECRET, REDIRECT


async def test_authorization_code_flow_with_pkce_and_refresh_rotation(sandbox):
    sb, company, _ = sandbox
    verifier = "v" * 64
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url=BASE) as http:
        params = {"client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT, "state": "s1",
                  "code_challenge": challenge, "code_challenge_method": "S256"}
        page = await http.get("/v2/approve_app", params=params)
        assert page.status_code == 200 and "Approve for Sandbox Trading Ltd" in page.text
        approved = await http.post("/v2/approve_app", params=params, data={"decision": "allow", "company": company})
        assert approved.status_code == 302
        query = parse_qs(urlsplit(approved.headers["location"]).query)
        assert query["state"] == ["s1"]
        basic = {"Authorization": "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()}
        form = {"grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": REDIRECT,
                "code_verifier": verifier}
        token = await http.post("/v2/token_endpoint", data=form, headers=basic)
        assert token.status_code == 200, token.text
        tokens = token.json()
        assert tokens["expires_in"] == 3600 and tokens["token_type"] == "bearer"
        assert (await http.post("/v2/token_endpoint", data=form, headers=basic)).status_code == 400  # code used
        # The collection's refresh request: client id and secret in the form body.
        refresh = {"grant_type": "refresh_token", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
                   "refresh_token": tokens["refresh_token"]}
        refreshed = await http.post("/v2/token_endpoint", data=refresh)
        assert refreshed.status_code == 200
        assert contract.check_request(refreshed.request) == []
        assert (await http.post("/v2/token_endpoint", data=refresh)).status_code == 400  # rotated
        me = await http.get("/v2/users/me", headers={"Authorization": "Bearer " + refreshed.json()["access_token"]})
        assert me.json()["user"]["first_name"] == "Morag"
        denied = await http.post("/v2/approve_app", params=params, data={"decision": "deny"})
        assert "error=access_denied" in denied.headers["location"]


async def test_expired_and_unknown_tokens_are_refused(fa):
    assert (await fa.call("GET", "/company", token="nope")).status_code == 401
    fa.sb.advance_time(3601)
    expired = await fa.call("GET", "/company")
    assert expired.status_code == 401
    assert expired.json() == {"errors": {"error": {"message": "Access token has expired"}}}


async def test_paging_with_link_headers_and_total(fa):
    first = await fa.call("GET", "/invoices", params={"per_page": 7})
    assert first.headers["x-total-count"] == "30"
    assert len(first.json()["invoices"]) == 7
    links = first.headers["link"]
    assert 'page=2&per_page=7>; rel="next"' in links and 'page=5&per_page=7>; rel="last"' in links
    seen, url = [], "/invoices"
    params = {"per_page": 7, "page": 1}
    while True:
        page = await fa.call("GET", url, params=params)
        seen += [i["url"] for i in page.json()["invoices"]]
        if 'rel="next"' not in page.headers.get("link", ""):
            break
        params["page"] += 1
    assert len(seen) == len(set(seen)) == 30
    capped = await fa.call("GET", "/contacts", params={"per_page": 1000})
    assert 'rel="next"' not in capped.headers.get("link", "")  # 8 contacts, per_page capped at 100


async def test_updated_since_filters(fa):
    everything = (await fa.ok("GET", "/contacts"))["contacts"]
    last = max(c["updated_at"] for c in everything)
    assert [c["updated_at"] for c in (await fa.ok("GET", "/contacts", params={"updated_since": last}))["contacts"]] \
        == [last]
    changed = (await fa.ok("PUT", "/contacts/1", json={"contact": {"country": "France"}}))["contact"]
    later = (await fa.ok("GET", "/contacts", params={"updated_since": changed["updated_at"]}))["contacts"]
    assert [c["url"] for c in later] == [changed["url"]]
    assert (await fa.call("GET", "/contacts", params={"updated_since": "yesterday"})).status_code == 400


async def test_rate_limit_answers_429_with_retry_after():
    sb = FreeAgentSandbox(per_minute=3)
    company = sb.create_company()
    sb.register_client(CLIENT_ID, CLIENT_SECRET)
    token = sb.issue_tokens(CLIENT_ID, company)["access_token"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url=BASE) as http:
        answers = [await http.get("/v2/company", headers={"Authorization": f"Bearer {token}"}) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert 1 <= int(answers[-1].headers["retry-after"]) <= 60
        assert contract.check(answers[-1].request, answers[-1]) == []
        sb.advance_time(61)
        assert (await http.get("/v2/company", headers={"Authorization": f"Bearer {token}"})).status_code == 200


async def test_contacts_crud_and_delete_rules(fa):
    created = (await fa.ok("POST", "/contacts", 201, json={"contact": {
        "first_name": "Frederick", "last_name": "Testington", "email": "fred@testingtonandsons.example.com"}}))
    url = created["contact"]["url"]
    key = url.rsplit("/", 1)[-1]
    assert (await fa.ok("GET", f"/contacts/{key}"))["contact"]["email"] == "fred@testingtonandsons.example.com"
    assert (await fa.ok("PUT", f"/contacts/{key}", json={"contact": {"country": "France"}}))["contact"]["country"] \
        == "France"
    await fa.ok("DELETE", f"/contacts/{key}")
    assert (await fa.call("GET", f"/contacts/{key}")).status_code == 404
    in_use = await fa.call("DELETE", "/contacts/1")  # has invoices
    assert in_use.status_code == 422
    nameless = await fa.call("POST", "/contacts", json={"contact": {"email": "x@example.com"}})
    assert nameless.status_code == 422


async def test_settings_endpoints(fa):
    company = (await fa.ok("GET", "/company"))["company"]
    assert company["currency"] == "GBP" and company["url"] == "http://freeagent.test/v2/company"
    grouped = await fa.ok("GET", "/categories")
    assert "285" in [c["nominal_code"] for c in grouped["admin_expenses_categories"]]
    created = (await fa.ok("POST", "/categories", 201, json={"category": {
        "description": "Custom Admin Expenses Category", "nominal_code": "212", "tax_reporting_name":
        "computer_software_costs", "allowable_for_tax": True, "auto_sales_tax_rate": "Standard rate",
        "category_group": "admin_expenses"}}))["category"]
    assert created["url"].endswith("/v2/categories/212")
    assert (await fa.call("POST", "/categories", json={"category": {"description": "x", "nominal_code": "212"}})
            ).status_code == 422
    renamed = await fa.ok("PUT", "/categories/212", json={"category": {"description": "Updated Category Name"}})
    assert renamed["category"]["description"] == "Updated Category Name"
    accounts = (await fa.ok("GET", "/bank_accounts"))["bank_accounts"]
    assert (await fa.ok("GET", "/bank_accounts/1"))["bank_account"]["name"] == accounts[0]["name"]
    explanations = (await fa.ok("GET", "/bank_transaction_explanations"))["bank_transaction_explanations"]
    assert any("paid_invoice" in e for e in explanations) and any("paid_bill" in e for e in explanations)
    assert (await fa.call("GET", "/invoices/99999")).json() == {"errors": {"error": {"message": "Resource not found"}}}
    assert (await fa.call("GET", "/nothing_here", checked=False)).status_code == 404


async def test_injected_faults_answer_in_freeagent_shape(fa):
    fa.sb.faults.add(Fault(kind="status", status=503, times=1))
    failed = await fa.call("GET", "/company")
    assert failed.status_code == 503 and "errors" in failed.json()
    assert (await fa.call("GET", "/company")).status_code == 200


def test_state_persists_to_a_json_file(tmp_path):
    path = tmp_path / "freeagent.json"
    sb = FreeAgentSandbox(path)
    company = sb.create_company("Persisted Ltd")
    sb.seed_demo(company)
    again = FreeAgentSandbox(path)
    assert again.count(company, "invoices") == 30
    assert again.get(company, "invoices", "3")["status"] == sb.get(company, "invoices", "3")["status"]


def test_contract_checker_refuses_what_the_collection_does_not_have():
    def exchange(method, path, body=None, status=200, answer=b"{}", headers=None):
        request = httpx.Request(method, "http://x/v2" + path, json=body)
        return request, httpx.Response(status, content=answer, headers=headers or {}, request=request)

    request, response = exchange("PATCH", "/invoices/1")
    assert "no request of the collection" in contract.check_request(request)[0]
    request, _ = exchange("POST", "/contacts", {"contact": {"first_name": "A", "nickname": "B"}})
    assert contract.check_request(request) == ["request key contact.nickname is not one the collection's example "
                                               "bodies use"]
    request, _ = exchange("POST", "/invoices", {"invoice": {"invoice_items": [{"unit_price": "1"}]}})
    assert "invoice.invoice_items[0].unit_price" in contract.check_request(request)[0]
    request, response = exchange("GET", "/invoices/1", answer=b'{"invoices": {}}')
    assert "not 'invoice'" in contract.check_response(request, response)[0]
    request, response = exchange("GET", "/contacts", answer=b'{"contacts": [{"url": "/v2/contacts/1"}]}',
                                 headers={"X-Total-Count": "1"})
    assert "full FreeAgent resource URL" in contract.check_response(request, response)[0]
    request, response = exchange("GET", "/contacts", answer=b'{"contacts": []}')
    assert contract.check_response(request, response) == ["list answer without X-Total-Count"]


async def test_price_list_items(fa):
    items = (await fa.ok("GET", "/price_list_items"))["price_list_items"]
    assert items and items[0]["code"] == "SVC01"
    assert (await fa.ok("GET", "/price_list_items/1"))["price_list_item"]["price"] == items[0]["price"]


async def test_projects(fa):
    active = (await fa.ok("GET", "/projects"))["projects"]
    assert [p["name"] for p in active] == ["Website Redesign", "Winter Catering"]
    every = (await fa.ok("GET", "/projects", params={"view": "all"}))["projects"]
    assert len(every) == 3
    assert (await fa.ok("GET", "/projects/3"))["project"]["status"] == "Completed"


async def test_a_token_reaches_its_own_company_only(fa):
    other = fa.sb.create_company("Other Books Ltd")
    token = fa.sb.issue_tokens(CLIENT_ID, other)["access_token"]
    theirs = await fa.call("GET", "/invoices", token=token)
    assert theirs.headers["x-total-count"] == "0"
    assert (await fa.call("GET", "/invoices/1", token=token)).status_code == 404
    assert (await fa.call("GET", "/company", token=token)).json()["company"]["name"] == "Other Books Ltd"
    assert (await fa.call("GET", "/invoices")).headers["x-total-count"] == "30"
