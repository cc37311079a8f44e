"""A real browser (Debian's Chromium, headless, driven by Playwright) walks through the hosted connect page:
magic link → provider → the sandbox's own consent page → back on the caller's return_url → synced connection.

The server runs in the test's own event loop (uvicorn as a task, on a socket bound to a free port), so the app
shares the test's database engine; the sandboxes are mounted on the same server and reached over real HTTP.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from ledgerbridge.api import create_app
from ledgerbridge.connectors import spec
from ledgerbridge.onboarding import app_credentials
from ledgerbridge.onboarding.magic_links import magic_link
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sandbox.quickbooks import create_app as quickbooks_app
from ledgerbridge.sandbox.xero import XeroSandbox
from ledgerbridge.sandbox.xero import create_app as xero_app
from ledgerbridge.settings import Settings
from ledgerbridge.store import tenancy

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
APP = ("browser-app", "browser-secret-value")

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason="needs Debian's chromium (apt-get install chromium)")


async def _welcome_back(request):  # the caller's own page that the user returns to
    status = request.query_params.get("status", "")
    return HTMLResponse(f"<h1 id='welcome'>Welcome back</h1><p id='status'>{status}</p>")


def _endpoints(provider: str, base_url: str) -> dict[str, str]:
    """The provider app's endpoints aimed at the provider's sandbox served at ``base_url``."""
    endpoints = spec(provider).sandbox.endpoints  # type: ignore[union-attr]
    assert endpoints is not None
    return endpoints(base_url)


@dataclass
class Server:
    base: str
    runtime: Runtime
    project_id: uuid.UUID
    api_key: str
    user_id: uuid.UUID


@pytest.fixture
async def server(engine: AsyncEngine, settings: Settings) -> AsyncIterator[Server]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    qbo, xero = QuickBooksSandbox(), XeroSandbox()
    qbo.seed_demo(qbo.create_realm(company_name="Browser Co"))
    xero.seed_demo(xero.create_tenant(name="Browser Ltd"))
    qbo.register_client(*APP, redirect_uris=[f"{base}/connect/callback"])
    xero.register_client(*APP, redirect_uris=[f"{base}/connect/callback"])
    runtime = Runtime(settings, engine=engine)  # no injected transports: provider calls go over real HTTP
    async with engine.begin() as db:
        project = await tenancy.create_project(db, name="browser")
        key = await tenancy.create_api_key(db, project_id=project.id)
        user = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="browser-user")
        for provider, mount in (("quickbooks", "/sandbox/quickbooks"), ("xero", "/sandbox/xero")):
            await app_credentials.save(db, runtime.sealer, project_id=project.id, provider=provider, values={
                "client_id": APP[0], "client_secret": APP[1], **_endpoints(provider, base + mount)})
    app = create_app(runtime, mounts={
        "/sandbox/quickbooks": quickbooks_app(qbo), "/sandbox/xero": xero_app(xero),
        "/client": Starlette(routes=[Route("/done", _welcome_back)]),
    })
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    task = asyncio.create_task(uv.serve(sockets=[sock]))
    while not uv.started:
        assert not task.done(), task.exception()
        await asyncio.sleep(0.02)
    yield Server(base, runtime, project.id, key, user)
    uv.should_exit = True
    await task
    await runtime.http.aclose()


@pytest.fixture
async def page(server: Server) -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = await browser.new_page()
        page.set_default_timeout(15_000)
        yield page
        await browser.close()


async def _link(server: Server) -> str:
    return await magic_link(server.runtime, project_id=server.project_id, linked_user_id=server.user_id,
                            base_url=server.base, return_url=f"{server.base}/client/done")


async def _connections(server: Server) -> list[tenancy.Connection]:
    async with server.runtime.engine.connect() as db:
        return await tenancy.list_connections(db, project_id=server.project_id)


async def _synced_invoices(server: Server, connection: tenancy.Connection) -> list[dict]:
    """The invoices the API lists for the new connection, once its background sync has stored them."""
    headers = {"x-api-key": server.api_key, "x-connection-token": connection.token}
    async with httpx.AsyncClient(base_url=server.base) as api:
        for _ in range(200):
            answer = await api.get("/accounting/invoices", headers=headers)
            assert answer.status_code == 200, answer.text
            if answer.json()["data"]:
                return answer.json()["data"]  # type: ignore[no-any-return]
            await asyncio.sleep(0.05)
    return []


@pytest.mark.parametrize(("provider", "allow_button"), [("quickbooks", "authorize"), ("xero", "allow")])
async def test_user_connects_through_the_magic_link(server: Server, page, provider: str, allow_button: str) -> None:
    await page.goto(await _link(server))
    await page.click(f"#connect-{provider}")
    await page.wait_for_url(f"{server.base}/sandbox/{provider}/**")  # the provider's own consent page
    await page.click(f"button[value={allow_button}]")
    await page.wait_for_url(f"{server.base}/client/done?**")
    assert await page.text_content("#status") == "connected"
    [connection] = await _connections(server)
    assert connection.provider == provider and connection.linked_user_id == server.user_id
    invoices = await _synced_invoices(server, connection)
    assert invoices, "the new connection's books were synced and are listed by the API"
    secrets = server.runtime.sealer.open(connection.sealed_credentials, bound_to=str(connection.id))
    html = await page.content()
    assert secrets["access_token"] not in html and secrets["refresh_token"] not in html


@pytest.mark.parametrize(("provider", "deny_button"), [("quickbooks", "deny"), ("xero", "deny")])
async def test_denied_consent_shows_a_clear_message_and_links_nothing(
    server: Server, page, provider: str, deny_button: str
) -> None:
    await page.goto(await _link(server))
    await page.click(f"#connect-{provider}")
    await page.wait_for_url(f"{server.base}/sandbox/{provider}/**")
    await page.click(f"button[value={deny_button}]")
    await page.wait_for_url(f"{server.base}/connect/callback?**")
    assert "You declined to give access" in (await page.text_content("#message") or "")
    await page.click("#back")
    await page.wait_for_url(f"{server.base}/client/done?error=access_denied")
    assert await _connections(server) == []


async def test_an_expired_magic_link_is_refused_in_the_browser(server: Server, page) -> None:
    from ledgerbridge.onboarding.magic_links import MagicLink, issue_token

    token = issue_token(server.runtime, MagicLink(server.project_id, server.user_id, None), ttl=1)
    await asyncio.sleep(2.1)  # itsdangerous timestamps have one-second resolution
    answer = await page.goto(f"{server.base}/connect?link={token}")
    assert answer.status == 403
    assert "expired" in (await page.text_content("#message") or "")
