"""The dashboard in a real browser (Debian's Chromium), over a project with a synced QuickBooks connection: log in,
the overview's charts and connections, a connection's page, the data explorer down to one record's unified JSON
beside its remote_data, the event log's filters and pages, the request log. Every page passes axe-core with no
serious or critical violation, and each one's screenshot is written to docs/screenshots/.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from ledgerbridge.api.routes import dashboard
from ledgerbridge.connect import connect
from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials
from ledgerbridge.onboarding import operators
from ledgerbridge.store import events
from ledgerbridge.sync.engine import sync_connection
from tests.browser.conftest import CHROMIUM, Server, assert_accessible, screenshot

pytestmark = pytest.mark.skipif(not __import__("os").path.exists(CHROMIUM),
                                reason="needs Debian's chromium (apt-get install chromium)")

PASSWORD = "correct horse battery staple"


async def _synced_project(server: Server) -> uuid.UUID:
    """The server's project connected to its QuickBooks sandbox and synced, plus a few API calls logged."""
    runtime = server.runtime
    connection = await connect(
        runtime, project_id=server.project_id, provider="quickbooks", linked_user_id=server.user_id,
        account_id=server.realm,
        credentials=sandbox_credentials(server.quickbooks, server.realm, f"{server.base}/sandbox/quickbooks"))
    await sync_connection(runtime, connection)
    async with runtime.engine.begin() as db:
        await events.record(db, project_id=server.project_id, connection_id=connection.id,
                            type="accounting.invoice.created", method="POST", url="/accounting/invoices",
                            detail={"id": str(uuid.uuid4()), "remote_id": "1042"})
        await events.record(db, project_id=server.project_id, connection_id=connection.id,
                            type="passthrough.request", status="fail", method="GET", url="/v3/company/x/reports",
                            detail={"provider": "quickbooks", "status": 429})
    return connection.id


async def _log_in(server: Server, page: Any) -> None:
    name = f"op-{uuid.uuid4().hex[:8]}"
    async with server.runtime.engine.begin() as db:
        operator = await operators.create_operator(db, username=name, password=PASSWORD)
        await operators.grant(db, operator_id=operator, project_id=server.project_id)
    await page.goto(f"{server.base}/dashboard/login")
    await assert_accessible(page, "login")
    await page.fill("#username", name)
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    await page.wait_for_url(f"{server.base}/dashboard")
    await page.click(f"a[href='/dashboard/projects/{server.project_id}']")


async def test_the_dashboard_pages_with_a_synced_connection(server: Server, page: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    connection_id = await _synced_project(server)
    await page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    await _log_in(server, page)
    project = f"{server.base}/dashboard/projects/{server.project_id}"

    # Overview: numbers, two charts drawn by uPlot, the connection healthy.
    await page.wait_for_selector("#chart-events canvas")
    assert await page.locator("#chart-requests canvas").count() == 1
    assert await page.text_content("#stat-connections") == "1"
    row = page.locator("#connections ~ .table-wrap tbody tr, section[aria-labelledby=connections] tbody tr").first
    assert "healthy" in (await row.text_content() or "") and "quickbooks" in (await row.text_content() or "")
    await page.locator(f"button[data-copy='{connection_id}']").first.click()
    assert await page.evaluate("navigator.clipboard.readText()") == str(connection_id)
    await assert_accessible(page, "overview")
    await screenshot(page, "dashboard-overview")

    # The connection: company, lag, per-object counts.
    await page.click(f"a[href='/dashboard/projects/{server.project_id}/connections/{connection_id}']")
    await page.wait_for_selector("#objects")
    assert "Browser Co" in (await page.text_content("h1") or "")
    assert int(await page.text_content("#record-total") or 0) > 0
    await assert_accessible(page, "connection")
    await screenshot(page, "dashboard-connection")

    # The data explorer: invoices, then contacts by the object filter, then one record's two JSONs.
    await page.click("text=Explore data")
    await page.wait_for_selector("#records tbody tr a")
    await page.select_option("#object-filter", "contact")
    await page.click("form.filters button[type=submit]")
    await page.wait_for_url("**object=contact**")
    await assert_accessible(page, "records")
    await screenshot(page, "dashboard-records")
    remote_id = (await page.text_content("#records tbody tr td.mono") or "").strip()
    await page.fill("#remote-id-filter", remote_id)
    await page.click("form.filters button[type=submit]")
    shown = await page.locator("#records tbody td.mono").all_text_contents()
    assert shown and {s.strip() for s in shown} == {remote_id}  # (a customer and a vendor may share one)
    await page.click("#records tbody tr a")
    await page.wait_for_selector("#unified-json")
    assert (await page.text_content(".page-head .mono") or "").strip() == remote_id
    assert '"name": ' in (await page.text_content("#unified-json") or "")  # unified field names
    assert "Id" in (await page.text_content("#remote-json") or "")  # QuickBooks' own field names
    await assert_accessible(page, "record")
    await screenshot(page, "dashboard-record")

    # Events: a type filter, and pages (two rows a page here).
    monkeypatch.setattr(dashboard, "EVENT_PAGE", 2)
    await page.goto(f"{project}/events")
    assert await page.locator("#log tbody tr").count() == 2
    first_page = await page.text_content("#log tbody")
    await page.click("#older")
    assert await page.locator("#log tbody tr").count() == 2
    assert await page.text_content("#log tbody") != first_page
    await page.fill("#type-filter", "sync.")
    await page.click("form.filters button[type=submit]")
    types = await page.locator("#log tbody td:nth-child(2) a").all_text_contents()
    assert types and all(t.startswith("sync.") for t in types)
    monkeypatch.setattr(dashboard, "EVENT_PAGE", 50)
    await page.goto(f"{project}/events")
    await assert_accessible(page, "events")
    await screenshot(page, "dashboard-events")

    # The request log: the API calls only, with method and path; failures by the status filter.
    await page.goto(f"{project}/requests")
    rows = await page.locator("#log tbody tr").all_text_contents()
    assert len(rows) == 2 and "POST" in rows[1] and "/accounting/invoices" in rows[1]
    await page.select_option("#status-filter", "fail")
    await page.click("form.filters button[type=submit]")
    [failed] = await page.locator("#log tbody tr").all_text_contents()
    assert "passthrough.request" in failed and "429" in failed
    await assert_accessible(page, "requests")
    await screenshot(page, "dashboard-requests")
    await page.click("#log tbody tr a")
    assert "GET /v3/company/x/reports" in (await page.text_content("main") or "")
    await assert_accessible(page, "event")
