"""OAuth consent + authorization_code grant, driven over HTTP like a browser and a backend would."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx

from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app

from .conftest import CLIENT_ID, CLIENT_SECRET, REALM, REDIRECT


async def test_consent_code_exchange_and_revoke() -> None:
    sb = QuickBooksSandbox()
    sb.create_realm(REALM, company_name="Consent Co")
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url="http://qbo") as http:
        disco = (await http.get("/.well-known/openid_configuration")).json()
        assert disco["token_endpoint"] == "http://qbo/oauth2/v1/tokens/bearer"
        params = {"client_id": CLIENT_ID, "redirect_uri": REDIRECT, "response_type": "code",
                  "scope": "com.intuit.quickbooks.accounting", "state": "st8"}
        page = await http.get("/connect/oauth2", params=params)
        assert page.status_code == 200 and "Consent Co" in page.text and "Deny" in page.text
        evil = await http.get("/connect/oauth2", params=dict(params, redirect_uri="http://evil/cb"))
        assert evil.status_code == 400 and "location" not in evil.headers
        deny = await http.post("/connect/oauth2", data={**params, "realm_id": REALM, "action": "deny"})
        assert deny.status_code == 302 and parse_qs(urlsplit(deny.headers["location"]).query) == {
            "error": ["access_denied"], "state": ["st8"]}
        ok = await http.post("/connect/oauth2", data={**params, "realm_id": REALM, "action": "authorize"})
        query = parse_qs(urlsplit(ok.headers["location"]).query)
        assert ok.headers["location"].startswith(REDIRECT) and query["realmId"] == [REALM] and query["state"] == ["st8"]
        grant = {"grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": REDIRECT}
        bad_client = await http.post("/oauth2/v1/tokens/bearer", data=grant, auth=(CLIENT_ID, "wrong"))
        assert bad_client.status_code == 401 and bad_client.json() == {"error": "invalid_client"}
        tokens = await http.post("/oauth2/v1/tokens/bearer", data=grant, auth=(CLIENT_ID, CLIENT_SECRET))
        body = tokens.json()
        assert tokens.status_code == 200 and body["expires_in"] == 3600 and body["token_type"] == "bearer"
        reuse = await http.post("/oauth2/v1/tokens/bearer",
                                data={**grant, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})
        assert reuse.status_code == 400 and reuse.json() == {"error": "invalid_grant"}
        auth = {"Authorization": f"Bearer {body['access_token']}"}
        assert (await http.get(f"/v3/company/{REALM}/companyinfo/{REALM}", headers=auth)).status_code == 200
        other = await http.get("/v3/company/999/companyinfo/999", headers=auth)
        assert other.status_code == 401
        await http.post("/oauth2/v1/tokens/revoke", json={"token": body["refresh_token"]},
                        auth=(CLIENT_ID, CLIENT_SECRET))
        assert (await http.get(f"/v3/company/{REALM}/companyinfo/{REALM}", headers=auth)).status_code == 401
