"""A real browser (Debian's Chromium, headless, driven by Playwright) walks through the hosted connect page:
magic link → provider → the sandbox's own consent page → back on the caller's return_url → synced connection;
the same embedded in the caller's iframe, with the ``ledgerbridge:connection.*`` messages it posts; a refusal
and a retry; a key-based provider's form. Every page passes axe-core with no serious or critical violation, and
the connect page's screenshots (desktop and phone) are written to docs/screenshots/.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from ledgerbridge.onboarding import app_credentials
from ledgerbridge.store import tenancy
from tests.browser.conftest import CHROMIUM, PHONE, Server, assert_accessible, screenshot

pytestmark = pytest.mark.skipif(not __import__("os").path.exists(CHROMIUM),
                                reason="needs Debian's chromium (apt-get install chromium)")


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
async def test_user_connects_through_the_magic_link(server: Server, page: Any, provider: str,
                                                    allow_button: str) -> None:
    await page.goto(await server.link())
    await page.click(f"#connect-{provider}")
    await page.wait_for_url(f"{server.base}/sandbox/{provider}/**")  # the provider's own consent page
    await page.click(f"button[value={allow_button}]")
    await page.wait_for_url(f"{server.client}/client/done?**")
    assert await page.text_content("#status") == "connected"
    [connection] = await server.connections()
    assert connection.provider == provider and connection.linked_user_id == server.user_id
    invoices = await _synced_invoices(server, connection)
    assert invoices, "the new connection's books were synced and are listed by the API"
    secrets = server.runtime.sealer.open(connection.sealed_credentials, bound_to=str(connection.id))
    html = await page.content()
    assert secrets["access_token"] not in html and secrets["refresh_token"] not in html


async def test_the_catalog_filters_as_you_type_and_passes_axe(server: Server, page: Any, browser: Any) -> None:
    link = await server.link()
    answer = await page.goto(link)
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and f"frame-ancestors 'self' {server.client}" in policy
    tiles = page.locator("#providers > li:visible")
    assert await tiles.count() == 2  # the project's providers only: it has apps for QuickBooks and Xero
    assert "Intuit" in (await page.text_content("#connect-quickbooks") or "")
    await assert_accessible(page, "connect page")
    await screenshot(page, "connect-desktop")

    await page.fill("#provider-search", "xer")
    assert await tiles.count() == 1 and await page.locator("#connect-xero").is_visible()
    await page.fill("#provider-search", "nothing like this")
    assert await tiles.count() == 0 and await page.locator("#no-match").is_visible()
    assert await page.text_content("#match-count") == "0 matches"
    await page.fill("#provider-search", "")
    assert await tiles.count() == 2
    # Keyboard: Enter in the search box focuses the first match.
    await page.fill("#provider-search", "quick")
    await page.press("#provider-search", "Enter")
    assert await page.evaluate("document.activeElement.id") == "connect-quickbooks"

    phone = await browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    small = await phone.new_page()
    await small.goto(link)
    width = await small.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "no sideways scrolling at a phone's width"
    await assert_accessible(small, "connect page at phone width")
    await screenshot(small, "connect-phone")
    await phone.close()


async def test_denied_consent_says_so_and_offers_a_retry(server: Server, page: Any) -> None:
    await page.goto(await server.link())
    await page.click("#connect-xero")
    await page.wait_for_url(f"{server.base}/sandbox/xero/**")
    await page.click("button[value=deny]")
    await page.wait_for_url(f"{server.base}/connect/callback?**")
    assert "You declined to give access" in (await page.text_content("#message") or "")
    await assert_accessible(page, "failure page")
    await page.click("#retry")  # back to the catalog with the same link
    await page.click("#connect-xero")
    await page.click("button[value=allow]")
    await page.wait_for_url(f"{server.client}/client/done?status=connected**")
    assert [c.provider for c in await server.connections()] == ["xero"]


async def test_an_expired_magic_link_is_refused_in_the_browser(server: Server, page: Any) -> None:
    from ledgerbridge.onboarding.magic_links import MagicLink, issue_token

    token = issue_token(server.runtime, MagicLink(server.project_id, server.user_id, None), ttl=1)
    await asyncio.sleep(2.1)  # itsdangerous timestamps have one-second resolution
    answer = await page.goto(f"{server.base}/connect?link={token}")
    assert answer.status == 403
    assert "expired" in (await page.text_content("#message") or "")


async def _embedded(server: Server, page: Any) -> Any:
    """The customer's page with the connect page in its iframe; returns the frame."""
    link = await server.link()
    src = link + "&embed=1"
    await page.goto(f"{server.client}/client/embed?src={quote(src, safe='')}&lb={quote(server.base, safe='')}")
    frame = page.frame_locator("#ledgerbridge")
    await frame.locator("#providers").wait_for()
    return frame


async def _received(page: Any, count: int) -> list[dict[str, Any]]:
    await page.wait_for_function(f"window.received.length >= {count}")
    return await page.evaluate("window.received")  # type: ignore[no-any-return]


async def test_embedded_oauth_consents_in_a_popup_and_posts_its_events(server: Server, page: Any) -> None:
    frame = await _embedded(server, page)
    # First attempt: consent refused in the popup; the frame says so and the embedder hears connection.failed.
    async with page.context.expect_page() as opened:
        await frame.locator("#connect-quickbooks").click()
    popup = await opened.value
    await popup.wait_for_url(f"{server.base}/sandbox/quickbooks/**")
    await popup.click("button[value=deny]")
    [failed] = await _received(page, 1)
    assert failed["type"] == "ledgerbridge:connection.failed" and failed["error"] == "access_denied"
    assert "declined" in await frame.locator("#progress-message").text_content()
    await popup.wait_for_event("close")
    assert await server.connections() == []

    # Retry in the frame: consent given; connection.created names the new connection.
    await frame.locator("#progress-retry").click()
    async with page.context.expect_page() as opened:
        await frame.locator("#connect-quickbooks").click()
    popup = await opened.value
    await popup.click("button[value=authorize]")
    _, created = await _received(page, 2)
    [connection] = await server.connections()
    assert created["type"] == "ledgerbridge:connection.created"
    assert created["connection_id"] == str(connection.id) and created["provider"] == "quickbooks"
    assert await frame.locator("#progress-heading").text_content() == "Connected"
    await frame.locator("#progress-done-button").click()
    *_, closed = await _received(page, 3)
    assert closed == {"type": "ledgerbridge:connection.closed"}
    secrets = server.runtime.sealer.open(connection.sealed_credentials, bound_to=str(connection.id))
    assert secrets["access_token"] not in str(await page.evaluate("window.received"))


async def test_the_connect_page_refuses_frames_from_other_origins(server: Server) -> None:
    async with httpx.AsyncClient() as http:
        page = await http.get(await server.link())
    assert f"frame-ancestors 'self' {server.client}" in page.headers["content-security-policy"]
    from ledgerbridge.onboarding.magic_links import MagicLink, issue_token

    token = issue_token(server.runtime, MagicLink(server.project_id, server.user_id, None))
    async with httpx.AsyncClient() as http:
        no_return = await http.get(f"{server.base}/connect", params={"link": token})
    assert "frame-ancestors 'none'" in no_return.headers["content-security-policy"]


async def test_a_key_based_provider_in_the_frame_checks_keys_before_saving(
        server: Server, page: Any, tryton_server: Any) -> None:
    async with server.runtime.engine.begin() as db:
        await app_credentials.enable(db, server.runtime.sealer, project_id=server.project_id, provider="tryton")
    database = tryton_server.new_database()
    keys = tryton_server.credentials(database)
    frame = await _embedded(server, page)
    await frame.locator("#connect-tryton").click()
    await frame.locator("#keys-form").wait_for()
    # Inline validation before anything is sent.
    await frame.locator("#f-url").fill("not a url")
    await frame.locator("#f-database").fill("../etc")
    await frame.locator("#submit-keys").click()
    assert "http(s) URL" in await frame.locator("#e-url").text_content()
    assert "plain name" in await frame.locator("#e-database").text_content()
    assert await frame.locator("#f-url").get_attribute("aria-invalid") == "true"
    await screenshot(page, "connect-keys-form-embedded")
    # A wrong password is caught by the test, and nothing is saved.
    await frame.locator("#f-url").fill(keys["url"])
    await frame.locator("#f-database").fill(database)
    await frame.locator("#f-username").fill(keys["username"])
    await frame.locator("#f-password").fill("not-the-password")
    await frame.locator("#test-keys").click()
    await frame.locator("#check-result.bad").wait_for()
    assert "did not accept" in await frame.locator("#check-result").text_content()
    assert await server.connections() == []
    await frame.locator("#f-password").fill(keys["password"])
    await frame.locator("#test-keys").click()
    await frame.locator("#check-result.good >> text=These keys work").wait_for()
    assert await server.connections() == []
    await frame.locator("#submit-keys").click()
    await frame.locator("#result").wait_for()
    [created] = await _received(page, 1)
    [connection] = await server.connections()
    assert created["type"] == "ledgerbridge:connection.created" and created["connection_id"] == str(connection.id)
    assert connection.provider == "tryton" and connection.account_id == database
    assert keys["password"] not in str(await page.evaluate("window.received"))
    assert await frame.locator("#connected-provider").text_content() == "Tryton"
    # The page follows the first sync (htmx polling /connect/status) and names the company once it is read.
    await frame.locator("#sync-done").wait_for(timeout=120_000)
    assert (await frame.locator("#company").text_content() or "").strip() == "Ledgerbridge Test Co"  # not the db
    await screenshot(page, "connect-embedded-connected")
