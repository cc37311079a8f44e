"""Cross-cutting behaviour: auth/tenancy, If-Modified-Since, idempotency, rate limits, faults, persistence,
seeding, and the OAuth consent/PKCE/refresh/revocation flows."""

from __future__ import annotations

import base64
import hashlib
import time
from datetime import UTC, datetime
from decimal import Decimal
from email.utils import format_datetime
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import simplejson

from ledgerbridge.sandbox.faults import Fault
from ledgerbridge.sandbox.xero import XeroSandbox, create_app

API = "/api.xro/2.0"


def new_invoice(ref="x"):
    return {"Invoices": [{"Type": "ACCREC", "Contact": {"Name": "Platform Ltd"}, "Reference": ref,
                          "LineItems": [{"Description": "d", "Quantity": Decimal(1), "UnitAmount": Decimal("10.00"),
                                         "AccountCode": "200"}]}]}


async def test_auth_and_tenant_errors(xero):
    h = xero.headers()
    r = await xero.http.get(API + "/Invoices", headers={**h, "xero-tenant-id": ""})
    assert r.status_code == 403 and r.json()["Detail"] == "AuthenticationUnsuccessful" and r.json()["Type"] is None
    other = xero.sb.create_tenant(name="Not Granted Ltd")
    r = await xero.http.get(API + "/Invoices", headers={**h, "xero-tenant-id": other})
    assert r.status_code == 403 and r.json()["Title"] == "Forbidden"
    r = await xero.http.get(API + "/Invoices", headers={**h, "Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["Title"] == "Unauthorized"
    xero.sb.advance_time(1801)
    r = await xero.http.get(API + "/Invoices", headers=h)
    assert r.status_code == 401 and r.json()["Detail"].startswith("TokenExpired: token expired at ")
    xero.sb.advance_time(-1801)
    assert (await xero.http.get(API.upper().replace("API.XRO", "api.xro") + "/INVOICES", headers=h)).status_code == 200


async def test_connections_delete_revokes_tenant_access(xero):
    h = xero.headers()
    conns = (await xero.http.get("/Connections", headers=h)).json()
    assert (await xero.http.delete(f"/connections/{conns[0]['id']}", headers=h)).status_code == 204
    assert (await xero.http.get("/connections", headers=h)).json() == []
    assert (await xero.http.get(API + "/Invoices", headers=h)).status_code == 403


@pytest.mark.parametrize("style", ["iso", "isoz", "rfc1123"])
async def test_if_modified_since(xero, style):
    xero.sb.advance_time(5)
    mark = datetime.fromtimestamp(xero.sb.store.now(), UTC).replace(microsecond=0)
    xero.sb.advance_time(2)
    created = (await xero.ok("PUT", "/Invoices", json=new_invoice()))["Invoices"][0]
    header = {"iso": mark.replace(tzinfo=None).isoformat(), "isoz": mark.isoformat().replace("+00:00", "Z"),
              "rfc1123": format_datetime(mark, usegmt=True)}[style]
    body = await xero.ok("GET", "/Invoices", headers={"If-Modified-Since": header})
    assert [i["InvoiceID"] for i in body["Invoices"]] == [created["InvoiceID"]]
    contacts = await xero.ok("GET", "/Contacts", headers={"If-Modified-Since": header})
    assert [c["Name"] for c in contacts["Contacts"]] == ["Platform Ltd"]  # auto-created by the invoice


async def test_updated_date_changes_on_every_write(xero):
    inv = (await xero.ok("PUT", "/Invoices", json=new_invoice()))["Invoices"][0]
    xero.sb.advance_time(1)
    upd = (await xero.ok("POST", f"/Invoices/{inv['InvoiceID']}", "/Invoices/{InvoiceID}",
                         json={"Invoices": [{"Reference": "changed"}]}))["Invoices"][0]
    assert upd["UpdatedDateUTC"] != inv["UpdatedDateUTC"]
    assert int(upd["UpdatedDateUTC"][6:19]) > int(inv["UpdatedDateUTC"][6:19])


async def test_idempotency_key_replays_without_second_write(xero):
    before = xero.sb.count(xero.tenant, "Invoices")
    h = {"Idempotency-Key": "key-123"}
    first = await xero.call("PUT", "/Invoices", json=new_invoice("a"), headers=h)
    second = await xero.call("PUT", "/Invoices", json=new_invoice("a"), headers=h)
    assert first.status_code == second.status_code == 200
    assert first.json()["Invoices"] == second.json()["Invoices"]
    assert xero.sb.count(xero.tenant, "Invoices") == before + 1
    third = await xero.call("PUT", "/Invoices", json=new_invoice("a"), headers={"Idempotency-Key": "key-456"})
    assert third.json()["Invoices"][0]["InvoiceID"] != first.json()["Invoices"][0]["InvoiceID"]


async def test_rate_limits_and_headers():
    sb = XeroSandbox(rate_per_minute=3, rate_per_day=5, time_scale=60)  # a "minute" lasts one second
    tenant = sb.create_tenant()
    sb.seed_demo(tenant)
    sb.register_client("c", "s")
    token = sb.issue_tokens("c", [tenant])
    h = {"Authorization": f"Bearer {token['access_token']}", "xero-tenant-id": tenant}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url="http://t") as c:
        r = await c.get(API + "/Organisation", headers=h)
        assert (r.headers["X-MinLimit-Remaining"], r.headers["X-DayLimit-Remaining"]) == ("2", "4")
        assert int(r.headers["X-AppMinLimit-Remaining"]) > 0
        await c.get(API + "/Organisation", headers=h)
        await c.get(API + "/Organisation", headers=h)
        before = sb.count(tenant, "Invoices")
        r = await c.put(API + "/Invoices", headers=h, content=simplejson.dumps(new_invoice(), use_decimal=True))
        assert r.status_code == 429 and r.headers["X-Rate-Limit-Problem"] == "minute"
        assert int(r.headers["Retry-After"]) >= 1 and r.headers["X-MinLimit-Remaining"] == "0"
        assert sb.count(tenant, "Invoices") == before  # a 429 writes nothing
        sb.advance_time(1.1)
        assert (await c.get(API + "/Organisation", headers=h)).status_code == 200
        await c.get(API + "/Organisation", headers=h)
        r = await c.get(API + "/Organisation", headers=h)
        assert r.status_code == 429 and r.headers["X-Rate-Limit-Problem"] == "day"
        sb.advance_time(86400 / 60)
        sb.limiter.per_minute = sb.limiter.per_day = 100
        assert all(sb.limiter.acquire(tenant).allowed for _ in range(5))  # five calls in flight
        r = await c.get(API + "/Organisation", headers=h)
        assert r.status_code == 429 and r.headers["X-Rate-Limit-Problem"] == "concurrent"
        sb.limiter.release(tenant)
        assert (await c.get(API + "/Organisation", headers=h)).status_code == 200


async def test_fault_injection_xero_shaped(xero):
    xero.sb.faults.add(Fault(kind="status", status=503, times=1, path_contains="/Invoices"))
    r = await xero.http.get(API + "/Invoices", headers=xero.headers())
    assert r.status_code == 503 and r.json()["Status"] == 503 and r.json()["Title"] == "Service Unavailable"
    assert (await xero.http.get(API + "/Invoices", headers=xero.headers())).status_code == 200
    xero.sb.faults.add(Fault(kind="status", status=429, retry_after=7))
    r = await xero.http.get(API + "/Contacts", headers=xero.headers())
    assert r.status_code == 429 and r.headers["Retry-After"] == "7" and r.headers["X-Rate-Limit-Problem"] == "minute"
    resp = await xero.http.post("/_sandbox/faults", json={"kind": "status", "status": 401})
    assert resp.status_code == 204
    r = await xero.http.get(API + "/Contacts", headers=xero.headers())
    assert r.status_code == 401 and "TokenExpired" in r.json()["Detail"]


async def test_persistence_on_file(tmp_path):
    path = tmp_path / "xero.sqlite"
    sb = XeroSandbox(path)
    tenant = sb.create_tenant()
    sb.seed_demo(tenant, invoices=3)
    sb.register_client("c", "s")
    token = sb.issue_tokens("c", [tenant])
    h = {"Authorization": f"Bearer {token['access_token']}", "xero-tenant-id": tenant}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url="http://t") as c:
        r = await c.put(API + "/Invoices", headers=h, content=simplejson.dumps(new_invoice(), use_decimal=True))
        iid = r.json()["Invoices"][0]["InvoiceID"]
    sb.store.db.close()
    again = XeroSandbox(path)
    assert again.get(tenant, "Invoices", iid)["Total"] == Decimal("11.50")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(again)), base_url="http://t") as c:
        r = await c.get(API + f"/Invoices/{iid}", headers=h)  # tokens and connections survive too
        assert r.status_code == 200
        r = await c.put(API + "/Invoices", headers=h, content=simplejson.dumps(new_invoice(), use_decimal=True))
        assert int(r.json()["Invoices"][0]["InvoiceNumber"][4:]) == 5  # numbering continues after restart


def test_seed_is_deterministic_and_idempotent():
    a, b = XeroSandbox(), XeroSandbox()
    same_id = "11111111-2222-3333-4444-555555555555"
    ta, tb = a.create_tenant(same_id), b.create_tenant(same_id)
    a.seed_demo(ta)
    b.seed_demo(tb)
    a.seed_demo(ta)
    for coll in ("Invoices", "Contacts", "Accounts", "TaxRates", "Items", "TrackingCategories", "Payments"):
        rows_a, _ = a.store.query(ta, coll)
        rows_b, _ = b.store.query(tb, coll)
        assert rows_a == rows_b and rows_a, coll
    assert a.count(ta, "Invoices") == 12 + 3 and a.count(ta, "Contacts") == 8 and a.count(ta, "Items") == 6
    codes = {r["Code"] for r in a.store.query(ta, "Accounts")[0]}
    assert {"200", "400", "310", "090", "610", "800"} <= codes
    assert a.get(ta, "TaxRates", "OUTPUT2")["EffectiveRate"] == Decimal(15)
    paid = [i for i in a.store.query(ta, "Invoices")[0] if i["Status"] == "PAID"]
    assert len(paid) == 1 and paid[0]["AmountDue"] == Decimal("0.00")


def test_bulk_seed_is_fast():
    sb = XeroSandbox()
    tenant = sb.create_tenant()
    sb.seed_demo(tenant, invoices=0)
    before = sb.count(tenant, "Invoices")
    start = time.perf_counter()
    sb.seed_invoices(tenant, 20_000)
    assert time.perf_counter() - start < 12
    assert sb.count(tenant, "Invoices") == before + 20_000
    some = sb.store.query(tenant, "Invoices", limit=1, offset=19_999)[0][0]
    assert some["Total"] == some["SubTotal"] + some["TotalTax"] and some["Status"] == "AUTHORISED"


async def test_consent_pkce_refresh_and_revocation(sandbox):
    sb, tenant, _ = sandbox
    app = create_app(sb)
    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {"response_type": "code", "client_id": "LBTESTCLIENT", "redirect_uri": "http://localhost:8765/callback",
              "scope": "offline_access accounting.transactions", "state": "st8", "code_challenge": challenge,
              "code_challenge_method": "S256"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t/") as c:
        page = await c.get("/identity/connect/authorize", params=params)
        assert page.status_code == 200 and "Demo Company (Global)" in page.text and "Deny" in page.text
        bad = await c.get("/identity/connect/authorize", params={**params, "redirect_uri": "http://evil/cb"})
        assert bad.status_code == 400 and "location" not in bad.headers
        unknown = await c.get("/identity/connect/authorize", params={**params, "client_id": "nobody"})
        assert unknown.status_code == 400 and "location" not in unknown.headers
        deny = await c.post("/identity/connect/authorize", data={**params, "decision": "deny"})
        assert deny.status_code == 302
        assert parse_qs(urlsplit(deny.headers["location"]).query) == {"error": ["access_denied"], "state": ["st8"]}
        allow = await c.post("/identity/connect/authorize", data={**params, "decision": "allow", "tenant": tenant})
        q = parse_qs(urlsplit(allow.headers["location"]).query)
        assert allow.headers["location"].startswith("http://localhost:8765/callback?") and q["state"] == ["st8"]
        form = {"grant_type": "authorization_code", "code": q["code"][0], "redirect_uri": params["redirect_uri"],
                "client_id": "LBTESTCLIENT"}
        wrong = await c.post("/identity/connect/token", data={**form, "code_verifier": "w" * 50})
        assert wrong.status_code == 400 and wrong.json() == {"error": "invalid_grant"}
        allow = await c.post("/identity/connect/authorize", data={**params, "decision": "allow", "tenant": tenant})
        form["code"] = parse_qs(urlsplit(allow.headers["location"]).query)["code"][0]
        tok = await c.post("/identity/connect/token", data={**form, "code_verifier": verifier})
        assert tok.status_code == 200, tok.text
        t = tok.json()
        assert t["expires_in"] == 1800 and t["token_type"] == "Bearer" and t["access_token"].count(".") == 2
        replay = await c.post("/identity/connect/token", data={**form, "code_verifier": verifier})
        assert replay.json() == {"error": "invalid_grant"}  # codes are single use
        basic = base64.b64encode(b"LBTESTCLIENT:wrong").decode()
        r = await c.post("/identity/connect/token", headers={"Authorization": f"Basic {basic}"},
                         data={"grant_type": "refresh_token", "refresh_token": t["refresh_token"]})
        assert r.status_code == 400 and r.json() == {"error": "invalid_client"}
        basic = base64.b64encode(b"LBTESTCLIENT:sandbox-secret").decode()
        r = await c.post("/identity/connect/token", headers={"Authorization": f"Basic {basic}"},
                         data={"grant_type": "refresh_token", "refresh_token": t["refresh_token"]})
        t2 = r.json()
        assert r.status_code == 200 and t2["refresh_token"] != t["refresh_token"]
        h = {"Authorization": f"Bearer {t2['access_token']}"}
        assert [x["tenantId"] for x in (await c.get("/connections", headers=h)).json()] == [tenant]
        r = await c.post("/identity/connect/revocation", headers={"Authorization": f"Basic {basic}"},
                         data={"token": t2["refresh_token"]})
        assert r.status_code == 200
        assert (await c.get("/connections", headers=h)).status_code == 401
        r = await c.post("/identity/connect/token", headers={"Authorization": f"Basic {basic}"},
                         data={"grant_type": "refresh_token", "refresh_token": t2["refresh_token"]})
        assert r.json() == {"error": "invalid_grant"}


async def test_mounted_under_prefix(sandbox):
    from starlette.applications import Starlette
    from starlette.routing import Mount
    sb, tenant, token = sandbox
    outer = Starlette(routes=[Mount("/sandbox/xero", app=create_app(sb))])
    params = {"response_type": "code", "client_id": "LBTESTCLIENT", "redirect_uri": "http://localhost:8765/callback",
              "state": "s"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=outer), base_url="http://t") as c:
        r = await c.get("/sandbox/xero/api.xro/2.0/Organisation",
                        headers={"Authorization": f"Bearer {token['access_token']}", "xero-tenant-id": tenant})
        assert r.status_code == 200 and r.json()["Organisations"][0]["OrganisationID"] == tenant
        page = await c.get("/sandbox/xero/identity/connect/authorize", params=params)
        assert page.status_code == 200 and "<form method='post'>" in page.text
        allow = await c.post("/sandbox/xero/identity/connect/authorize", data={**params, "decision": "allow"})
        assert allow.status_code == 302
