"""The platform around the accounting calls: OAuth (five-minute tokens, rotating refresh tokens), X-Business,
the rate limit, faults, persistence, and the contract check itself catching what the swagger forbids."""

from __future__ import annotations

import pathlib
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from ledgerbridge.sandbox.faults import Fault
from ledgerbridge.sandbox.sage import SageSandbox, create_app
from ledgerbridge.sandbox.sage.contract import check
from tests.sandbox.sage.conftest import CLIENT_ID, CLIENT_SECRET, REDIRECT, Sage, make_sandbox


def _client(sb: SageSandbox) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url="http://sandbox.test")


async def _token(http: httpx.AsyncClient, **form: str) -> httpx.Response:
    return await http.post("/token", data={"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **form})


async def test_authorization_code_flow_and_rotating_refresh() -> None:
    sb, business, _ = make_sandbox()
    async with _client(sb) as http:
        query = {"filter": "apiv3.1", "client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT,
                 "scope": "full_access", "state": "xyz"}
        consent = await http.get("/oauth2/auth/central", params=query)
        assert consent.status_code == 200 and "Ledgerbridge Demo Ltd" in consent.text
        allowed = await http.post("/oauth2/auth/central", data={**query, "decision": "allow"})
        assert allowed.status_code == 302
        params = parse_qs(urlsplit(allowed.headers["location"]).query)
        assert params["state"] == ["xyz"] and params["country"] == ["GB"]
        first = await _token(http, grant_type="authorization_code", code=params["code"][0], redirect_uri=REDIRECT)
        assert first.status_code == 200, first.text
        token = first.json()
        assert token["expires_in"] == 300 and token["token_type"] == "bearer" and token["refresh_token"]
        again = await _token(http, grant_type="authorization_code", code=params["code"][0], redirect_uri=REDIRECT)
        assert again.json()["error"] == "invalid_grant"  # codes are single-use

        headers = {"Authorization": f"Bearer {token['access_token']}"}
        listed = await http.get("/v3.1/businesses", headers=headers)
        assert [b["id"] for b in listed.json()["$items"]] == [business]
        sb.advance_time(301)  # five minutes and a second
        expired = await http.get("/v3.1/contacts", headers=headers)
        assert expired.status_code == 401 and expired.json()[0]["$dataCode"] == "AuthenticationFailed"

        rotated = (await _token(http, grant_type="refresh_token", refresh_token=token["refresh_token"])).json()
        assert rotated["refresh_token"] != token["refresh_token"]
        reused = await _token(http, grant_type="refresh_token", refresh_token=token["refresh_token"])
        assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
        ok = await http.get("/v3.1/contacts", headers={"Authorization": f"Bearer {rotated['access_token']}"})
        assert ok.status_code == 200
        bad_client = await http.post("/token", data={"client_id": CLIENT_ID, "client_secret": "wrong",
                                                     "grant_type": "refresh_token",
                                                     "refresh_token": rotated["refresh_token"]})
        assert bad_client.status_code == 401 and bad_client.json()["error"] == "invalid_client"


async def test_x_business_picks_a_business_and_refuses_others(sage: Sage) -> None:
    other = sage.sb.create_business("Second Shop Ltd")
    sage.sb.seed_demo(other)
    mine = await sage.ok("GET", "/contacts")
    errors = await sage.error("GET", "/contacts", 403, headers={"X-Business": "0" * 32})
    assert errors[0]["$dataCode"] == "AccessDenied"
    theirs = await sage.ok("GET", "/contacts", headers={"X-Business": other})
    assert {c["id"] for c in mine["$items"]}.isdisjoint(c["id"] for c in theirs["$items"])


async def test_rate_limit_answers_429_with_retry_after() -> None:
    sb, business, token = make_sandbox(rate_per_minute=3)
    async with _client(sb) as http:
        headers = {"Authorization": f"Bearer {token['access_token']}", "X-Business": business}
        answers = [await http.get("/v3.1/tax_rates", headers=headers) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert int(answers[3].headers["Retry-After"]) >= 1
        assert answers[3].json()[0]["$dataCode"] == "TooManyRequests"
        assert not check(answers[3].request, answers[3])
        sb.advance_time(61)
        assert (await http.get("/v3.1/tax_rates", headers=headers)).status_code == 200


async def test_injected_faults_answer_sages_error_shape(sage: Sage) -> None:
    sage.sb.faults.add(Fault(kind="status", status=503, path_contains="/sales_invoices"))
    errors = await sage.error("GET", "/sales_invoices", 503)
    assert errors[0]["$severity"] == "error"
    await sage.ok("GET", "/sales_invoices")


async def test_state_persists_across_restarts(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "sage.json"
    sb = SageSandbox(path)
    business = sb.create_business()
    sb.seed_demo(business)
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    token = sb.issue_tokens(CLIENT_ID)
    again = SageSandbox(path)
    assert again.count(business, "sales_invoices") == sb.count(business, "sales_invoices") == 24
    async with _client(again) as http:
        answer = await http.get("/v3.1/financial_settings",
                                headers={"Authorization": f"Bearer {token['access_token']}"})
        assert answer.status_code == 200 and answer.json()["base_currency"]["id"] == "GBP"
        assert not check(answer.request, answer)


@pytest.mark.parametrize(("method", "path", "body", "answer", "problem"), [
    ("GET", "/v3.1/sales_invoices", None, {"$items": []}, "envelope"),
    ("GET", "/v3.1/sales_invoices", None, [{"id": 1}], "envelope"),
    ("GET", "/v3.1/nothing_here", None, {}, "is not an operation"),
    ("POST", "/v3.1/sales_invoices", {"sales_invoice": {"date": "2026-01-01"}}, {}, "request"),
    ("GET", "/v3.1/contacts/abc", None, {"id": "abc", "reference": "ELEVENCHARS"}, "too long"),
])
def test_the_contract_check_catches_what_the_swagger_forbids(method: str, path: str, body: Any, answer: Any,
                                                             problem: str) -> None:
    request = httpx.Request(method, "http://sage" + path, json=body)
    status = 201 if method == "POST" else 200
    problems = check(request, httpx.Response(status, json=answer, request=request))
    assert any(problem in p for p in problems), problems
    good = httpx.Response(404, json=[{"$severity": "error", "$dataCode": "RecordNotFound", "$message": "x",
                                      "$source": ""}], request=httpx.Request("GET", "http://sage/v3.1/contacts/x"))
    assert not check(good.request, good)
    assert check(httpx.Request("GET", "http://sage/v3.1/contacts", params={"bogus": "1"}),
                 httpx.Response(200, json={}))  # undeclared query parameter, and no envelope
