"""Entra OAuth, OData paging and filters, errors and limits of the Business Central sandbox."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlsplit

import httpx

from ledgerbridge.sandbox.business_central import create_app
from tests.sandbox.business_central.conftest import BC, CLIENT_ID, CLIENT_SECRET, REDIRECT, make_sandbox


async def test_authorization_code_with_pkce_and_rotating_refresh() -> None:
    sb, tenant, company = make_sandbox()
    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url="http://login") as h:
        resp = await h.get("/common/oauth2/v2.0/authorize", params={
            "client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT, "state": "s1",
            "scope": "https://api.businesscentral.dynamics.com/.default offline_access",
            "code_challenge": challenge, "code_challenge_method": "S256"})
        assert resp.status_code == 302
        query = parse_qs(urlsplit(resp.headers["location"]).query)
        assert query["state"] == ["s1"]
        form = {"grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": REDIRECT,
                "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "code_verifier": "wrong"}
        bad = await h.post("/common/oauth2/v2.0/token", data=form)
        assert bad.status_code == 400 and bad.json()["error"] == "invalid_grant"
        resp = await h.get("/common/oauth2/v2.0/authorize", params={
            "client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT,
            "code_challenge": challenge, "code_challenge_method": "S256"})
        form["code"], form["code_verifier"] = parse_qs(urlsplit(resp.headers["location"]).query)["code"][0], verifier
        token = (await h.post(f"/{tenant}/oauth2/v2.0/token", data=form)).json()
        assert token["expires_in"] == 3599 and token["token_type"] == "Bearer"
        api = f"/v2.0/{tenant}/production/api/v1.0/companies"
        listed = await h.get(api, headers={"Authorization": f"Bearer {token['access_token']}"})
        assert [c["id"] for c in listed.json()["value"]] == [company]
        refresh = {"grant_type": "refresh_token", "refresh_token": token["refresh_token"], "client_id": CLIENT_ID,
                   "client_secret": CLIENT_SECRET}
        renewed = (await h.post("/common/oauth2/v2.0/token", data=refresh)).json()
        assert renewed["refresh_token"] != token["refresh_token"]
        reused = await h.post("/common/oauth2/v2.0/token", data=refresh)
        assert reused.status_code == 400 and "AADSTS70008" in reused.json()["error_description"]
        sb.advance_time(3600)
        expired = await h.get(api, headers={"Authorization": f"Bearer {renewed['access_token']}"})
        assert expired.status_code == 401 and expired.json()["error"]["code"] == "Authentication_InvalidCredentials"


async def test_a_token_reaches_only_its_own_tenant(bc: BC) -> None:
    other, _ = bc.sb.create_tenant("Fabrikam Ltd")
    resp = await bc.call("GET", f"/v2.0/{other}/production/api/v1.0/companies")
    assert resp.status_code == 401


async def test_server_paging_follows_next_links_without_repeats(bc: BC) -> None:
    bc.sb.seed_invoices(bc.company, 25)
    total = len(bc.sb.state.rows(bc.company, "salesInvoices"))
    seen: list[str] = []
    url: str | None = bc.base + "/salesInvoices"
    while url:
        page = await bc.ok("GET", url, headers={"Prefer": "odata.maxpagesize=10"})
        assert len(page["value"]) <= 10
        seen += [row["id"] for row in page["value"]]
        url = page.get("@odata.nextLink")
    assert len(seen) == total == len(set(seen))


async def test_top_skip_select_and_filter(bc: BC) -> None:
    everything = (await bc.ok("GET", "/customers"))["value"]
    window = (await bc.ok("GET", "/customers", params={"$top": "2", "$skip": "1"}))["value"]
    assert [c["id"] for c in window] == [c["id"] for c in everything[1:3]]
    picked = (await bc.ok("GET", "/customers", params={"$select": "id,displayName"}))["value"][0]
    assert set(picked) == {"@odata.etag", "id", "displayName"}
    changed = max(c["lastModifiedDateTime"] for c in everything)
    target = everything[0]
    await bc.ok("PATCH", f"/customers({target['id']})", json={"phoneNumber": "+44 1 2"},
                headers={"If-Match": target["@odata.etag"]})
    recent = (await bc.ok("GET", "/customers", params={"$filter": f"lastModifiedDateTime gt {changed}"}))["value"]
    assert [c["id"] for c in recent] == [target["id"]]
    both = await bc.ok("GET", "/customers", params={"$filter": "number eq 'C10000' or number eq 'C10010'"})
    assert sorted(c["number"] for c in both["value"]) == ["C10000", "C10010"]
    bad = await bc.call("GET", "/customers", params={"$filter": "colour eq 'red'"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "BadRequest_InvalidFilter"


async def test_rate_limit_answers_429_with_retry_after() -> None:
    sb, tenant, company = make_sandbox(per_window=3)
    sb.issue_tokens(CLIENT_ID, tenant)
    token = sb.issue_tokens(CLIENT_ID, tenant)["access_token"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url="http://bc") as h:
        url = f"/v2.0/{tenant}/production/api/v1.0/companies({company})/items"
        codes = [(await h.get(url, headers={"Authorization": f"Bearer {token}"})) for _ in range(4)]
        assert [r.status_code for r in codes] == [200, 200, 200, 429]
        assert int(codes[-1].headers["Retry-After"]) > 0
        assert codes[-1].json()["error"]["code"] == "Application_TooManyRequests"
        sb.advance_time(301)
        assert (await h.get(url, headers={"Authorization": f"Bearer {token}"})).status_code == 200


async def test_state_survives_a_restart(tmp_path: object) -> None:
    from pathlib import Path

    from ledgerbridge.sandbox.business_central import BusinessCentralSandbox

    path = Path(str(tmp_path)) / "bc.json"
    sb = BusinessCentralSandbox(path)
    _, company = sb.create_tenant()
    sb.seed_demo(company)
    again = BusinessCentralSandbox(path)
    assert again.count(company, "salesInvoices") == sb.count(company, "salesInvoices") >= 30
    statuses = {r["status"] for r in again.state.rows(company, "salesInvoices").values()}
    assert {"Draft", "Open", "Paid", "Canceled"} <= statuses


async def test_every_entity_set_lists_and_reads_within_the_contract(bc: BC) -> None:
    from ledgerbridge.sandbox.business_central.entities import SETS

    await bc.ok("GET", "/v2.0/" + bc.tenant + "/production/api/v1.0/companies(" + bc.company + ")")
    for name in SETS:
        if name.endswith("Lines") or name in ("customerPayments", "generalLedgerEntries"):
            continue  # read under their parent (documents, journals) elsewhere
        rows = (await bc.ok("GET", f"/{name}"))["value"]
        assert rows, name
        one = await bc.ok("GET", f"/{name}({rows[0]['id']})")
        assert one["id"] == rows[0]["id"] and one["@odata.etag"] == rows[0]["@odata.etag"]
    dimension = (await bc.ok("GET", "/dimensions", params={"$expand": "dimensionValues"}))["value"][0]
    assert [v["code"] for v in dimension["dimensionValues"]] == ["ADM", "SALES", "PROD"]
    item = await bc.ok("POST", "/items", 201, json={"displayName": "Desk lamp", "unitPrice": 35.5,
                                                    "taxGroupCode": "STANDARD"})
    assert item["number"] and item["type"] == "Inventory"
    vendor = await bc.ok("POST", "/vendors", 201, json={"displayName": "Contoso Supplies"})
    assert vendor["number"].startswith("V")
    assert not bc.checked.violations
    refused = await bc.call("POST", "/accounts", json={"displayName": "New"})
    assert refused.status_code == 405
    assert len(bc.checked.violations) == 1  # the contract has no POST on accounts either: flagged, then dropped
    bc.checked.violations.clear()
    missing = await bc.call("GET", f"/vendors({bc.customer()['id']})")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "BadRequest_NotFound"
