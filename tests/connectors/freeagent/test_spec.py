"""The spec: the company a grant reaches (read with the new token from /company), the sandbox endpoints, and the
demo sandbox (seeded once, kept across restarts)."""

from __future__ import annotations

import httpx
import pytest

from ledgerbridge.connectors.freeagent.spec import SPEC, _demo, granted_company, sandbox_credentials
from ledgerbridge.connectors.provider_spec import Grant, GrantUnreadable
from ledgerbridge.sandbox.freeagent import FreeAgentSandbox, create_app


async def test_granted_company_is_read_with_the_token():
    sandbox = FreeAgentSandbox()
    company = sandbox.create_company("Granted Ltd")
    credentials = sandbox_credentials(sandbox, company, "http://fa.test")
    oauth = SPEC.oauth.with_app(SPEC.sandbox.endpoints("http://fa.test"))  # type: ignore[union-attr]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sandbox))) as http:
        grant = Grant(oauth=oauth, token={"access_token": credentials["access_token"]}, params={}, http=http)
        assert await granted_company(grant) == [company]
        refused = Grant(oauth=oauth, token={"access_token": "forged"}, params={}, http=http)
        with pytest.raises(GrantUnreadable):
            await granted_company(refused)


def test_sandbox_endpoints_aim_the_app_at_the_sandbox():
    endpoints = SPEC.sandbox.endpoints("http://demo.test/sandbox/freeagent/")  # type: ignore[union-attr]
    assert endpoints["authorize_url"] == "http://demo.test/sandbox/freeagent/v2/approve_app"
    assert endpoints["token_url"] == "http://demo.test/sandbox/freeagent/v2/token_endpoint"


async def test_demo_sandbox_is_seeded_once_and_served_under_a_mount(tmp_path):
    demo = _demo(tmp_path, 1.0)
    credentials = demo.credentials("http://demo.test/sandbox/freeagent")
    assert credentials["company"] == demo.account_id
    from starlette.applications import Starlette
    from starlette.routing import Mount

    app = Starlette(routes=[Mount("/sandbox/freeagent", app=demo.app)])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://demo.test") as http:
        answer = await http.get(f"{credentials['api_base']}/invoices",
                                headers={"Authorization": f"Bearer {credentials['access_token']}"})
        assert answer.status_code == 200 and answer.headers["x-total-count"] == "30"
        assert answer.json()["invoices"][0]["url"].startswith("http://demo.test/sandbox/freeagent/v2/invoices/")
    again = _demo(tmp_path, 1.0)  # a restart on the same data dir keeps the books, not a second seed
    assert again.account_id == demo.account_id
    assert FreeAgentSandbox(tmp_path / "sandbox-freeagent.json").count(demo.account_id, "invoices") == 30
