"""Browser fixtures: the app served over real HTTP in the test's own event loop, Debian's Chromium driven by
Playwright, axe-core's accessibility check, and screenshots into docs/screenshots/.

The server runs in the test's event loop (uvicorn as a task, on a socket bound to a free port), so the app shares
the test's database engine; the QuickBooks and Xero sandboxes are mounted on the same server and reached over
real HTTP, and so is a stand-in for our customer's own app (``/client``), which embeds the connect page. It is
reached as ``localhost`` while Ledgerbridge is reached as ``127.0.0.1``: two origins, as in production.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
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
AXE = Path(__file__).parent / "vendor" / "axe-core-4.11.0" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 860}

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason="needs Debian's chromium (apt-get install chromium)")


async def _welcome_back(request: Request) -> HTMLResponse:  # the caller's own page that the user returns to
    status = request.query_params.get("status", "")
    return HTMLResponse(f"<h1 id='welcome'>Welcome back</h1><p id='status'>{status}</p>")


async def _embedder(request: Request) -> HTMLResponse:
    """Our customer's page: the connect page in an iframe, and every message it receives kept in order (this is
    the snippet of docs/connect-embed.md)."""
    src = request.query_params["src"]
    lb = request.query_params["lb"]
    return HTMLResponse(f"""<!doctype html><html lang="en"><head><title>Customer app</title></head><body>
<h1>Customer app</h1>
<iframe id="ledgerbridge" title="Connect your accounting software" src="{src}" width="480" height="720"></iframe>
<script>
window.received = [];
window.addEventListener("message", function (event) {{
  if (event.origin !== {json.dumps(lb)}) return;  // only Ledgerbridge's messages
  if (typeof event.data.type === "string" && event.data.type.indexOf("ledgerbridge:") === 0) {{
    window.received.push(event.data);
  }}
}});
</script></body></html>""")


def _endpoints(provider: str, base_url: str) -> dict[str, str]:
    """The provider app's endpoints aimed at the provider's sandbox served at ``base_url``."""
    endpoints = spec(provider).sandbox.endpoints  # type: ignore[union-attr]
    assert endpoints is not None
    return endpoints(base_url)


@dataclass
class Server:
    base: str  # Ledgerbridge, as http://127.0.0.1:port
    client: str  # the customer's app, as http://localhost:port (another origin)
    runtime: Runtime
    project_id: uuid.UUID
    api_key: str
    user_id: uuid.UUID
    quickbooks: QuickBooksSandbox
    realm: str

    async def link(self, *, return_url: str | None = None) -> str:
        return await magic_link(self.runtime, project_id=self.project_id, linked_user_id=self.user_id,
                                base_url=self.base, return_url=return_url or f"{self.client}/client/done")

    async def connections(self) -> list[tenancy.Connection]:
        async with self.runtime.engine.connect() as db:
            return await tenancy.list_connections(db, project_id=self.project_id)


@pytest.fixture
async def server(engine: AsyncEngine, settings: Settings) -> AsyncIterator[Server]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    base, client = f"http://127.0.0.1:{port}", f"http://localhost:{port}"
    qbo, xero = QuickBooksSandbox(), XeroSandbox()
    realm = qbo.create_realm(company_name="Browser Co")
    qbo.seed_demo(realm)
    xero.seed_demo(xero.create_tenant(name="Browser Ltd"))
    qbo.register_client(*APP, redirect_uris=[f"{base}/connect/callback"])
    xero.register_client(*APP, redirect_uris=[f"{base}/connect/callback"])
    runtime = Runtime(settings, engine=engine)  # no injected transports: provider calls go over real HTTP
    async with engine.begin() as db:
        project = await tenancy.create_project(db, name="Acme Invoicing")
        key = await tenancy.create_api_key(db, project_id=project.id)
        user = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="browser-user")
        for provider, mount in (("quickbooks", "/sandbox/quickbooks"), ("xero", "/sandbox/xero")):
            await app_credentials.save(db, runtime.sealer, project_id=project.id, provider=provider, values={
                "client_id": APP[0], "client_secret": APP[1], **_endpoints(provider, base + mount)})
    app = create_app(runtime, mounts={
        "/sandbox/quickbooks": quickbooks_app(qbo), "/sandbox/xero": xero_app(xero),
        "/client": Starlette(routes=[Route("/done", _welcome_back), Route("/embed", _embedder)]),
    })
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    task = asyncio.create_task(uv.serve(sockets=[sock]))
    while not uv.started:
        assert not task.done(), task.exception()
        await asyncio.sleep(0.02)
    yield Server(base, client, runtime, project.id, key, user, qbo, realm)
    uv.should_exit = True
    await task
    await runtime.http.aclose()


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        await browser.close()


@pytest.fixture
async def page(browser: Any) -> AsyncIterator[Any]:
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    page.set_default_timeout(15_000)
    # A script error or a CSP refusal shows in the test's output (and is a defect the page hides otherwise).
    page.on("console", lambda message: message.type == "error" and print("browser console:", message.text))
    yield page
    await context.close()


async def assert_accessible(page: Any, where: str = "") -> None:
    """axe-core finds no serious or critical violation on the page (WCAG 2 A/AA rules and best practices)."""
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the page's CSP (no inline script) stays on while it is checked.
        await page.evaluate(AXE.read_text())
    results = await page.evaluate("async () => JSON.parse(JSON.stringify(await axe.run(document)))")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{where or page.url}: {bad}"


async def screenshot(page: Any, name: str, *, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
