"""The dashboard's connection, data explorer, event and request log pages: paged, filtered, validated, CSP-guarded,
and blind to other projects (another project's connection, record or event is a 404 like one that does not
exist); and the store queries behind them (:mod:`ledgerbridge.store.overview`) on each backend."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import httpx
import pytest

from ledgerbridge.api.routes import dashboard
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.store import events, overview
from tests.dashboard.test_dashboard import _csrf, _login, _operator, browser, sandbox
from tests.factories import Tenant, quickbooks_tenant

__all__ = ["browser", "sandbox"]  # fixtures


@pytest.fixture
async def synced(runtime: Runtime, sandbox: tuple[QuickBooksSandbox, str]) -> tuple[Tenant, Tenant]:
    return (await quickbooks_tenant(runtime, sandbox[0], sandbox[1]),
            await quickbooks_tenant(runtime, sandbox[0], sandbox[1], sync=False))


async def _first_record(runtime: Runtime, tenant: Tenant, object_type: str = "invoice") -> overview.RecordRow:
    async with runtime.engine.connect() as db:
        [row] = await overview.records_page(db, project_id=tenant.project_id, connection_id=tenant.connection.id,
                                            object_type=object_type, limit=1)
    return row


async def test_pages_show_the_connection_its_records_and_a_record(
        runtime: Runtime, browser: httpx.AsyncClient, synced: tuple[Tenant, Tenant]) -> None:
    mine, _ = synced
    await _login(browser, await _operator(runtime, mine.project_id))
    base = f"/dashboard/projects/{mine.project_id}"
    page = await browser.get(f"{base}/connections/{mine.connection.id}")
    assert page.status_code == 200 and ">healthy<" in page.text and "Resync now" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe" not in policy
    async with runtime.engine.connect() as db:
        counts = await overview.record_counts(db, project_id=mine.project_id, connection_id=mine.connection.id)
    assert f'id="record-total">{sum(counts.values())}<' in page.text

    invoice = await _first_record(runtime, mine)
    listing = await browser.get(f"{base}/connections/{mine.connection.id}/records", params={"object": "invoice"})
    assert listing.status_code == 200 and str(invoice.id) in listing.text
    record = await browser.get(f"{base}/connections/{mine.connection.id}/records/{invoice.id}")
    assert record.status_code == 200
    assert "SyncToken" in record.text  # remote_data, QuickBooks' own field names, beside the unified JSON
    assert "total_amount" in record.text
    assert (await browser.get(f"{base}/connections/{mine.connection.id}/records",
                              params={"object": "no_such_object"})).status_code == 422


async def test_the_record_list_pages_by_keyset(runtime: Runtime, browser: httpx.AsyncClient,
                                               synced: tuple[Tenant, Tenant], monkeypatch: pytest.MonkeyPatch) -> None:
    mine, _ = synced
    await _login(browser, await _operator(runtime, mine.project_id))
    monkeypatch.setattr(dashboard, "RECORD_PAGE", 2)
    url = f"/dashboard/projects/{mine.project_id}/connections/{mine.connection.id}/records"
    seen: list[str] = []
    params: dict[str, str] = {"object": "contact"}
    for _ in range(50):
        page = (await browser.get(url, params=params)).text
        seen += re.findall(r'/records/([0-9a-f-]{36})"', page)
        after = re.search(r'after=(\d+)"', page)
        if after is None:
            break
        params = {"object": "contact", "after": after.group(1)}
    async with runtime.engine.connect() as db:
        counts = await overview.record_counts(db, project_id=mine.project_id, connection_id=mine.connection.id)
    assert len(seen) == len(set(seen)) == counts["contact"] > 2  # every contact once, over several pages


async def test_event_and_request_logs_filter_and_page(runtime: Runtime, browser: httpx.AsyncClient,
                                                      synced: tuple[Tenant, Tenant],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    mine, _ = synced
    async with runtime.engine.begin() as db:
        for n in range(3):
            await events.record(db, project_id=mine.project_id, connection_id=mine.connection.id,
                                type="passthrough.request", status="fail" if n == 0 else "success", method="GET",
                                url=f"/v3/thing/{n}", detail={"status": 500 if n == 0 else 200})
    await _login(browser, await _operator(runtime, mine.project_id))
    base = f"/dashboard/projects/{mine.project_id}"
    requests = (await browser.get(f"{base}/requests")).text
    assert requests.count("passthrough.request</a>") == 3 and "sync.completed" not in requests
    failed = (await browser.get(f"{base}/requests", params={"status": "fail"})).text
    assert "/v3/thing/0" in failed and "/v3/thing/1" not in failed
    only_sync = (await browser.get(f"{base}/events", params={"type": "sync."})).text
    assert "sync.completed" in only_sync and "accounting.invoice.created" not in only_sync
    assert (await browser.get(f"{base}/events", params={"status": "bogus"})).status_code == 422
    assert (await browser.get(f"{base}/events", params={"connection": "not-an-id"})).status_code == 422

    monkeypatch.setattr(dashboard, "EVENT_PAGE", 2)
    first = (await browser.get(f"{base}/requests")).text
    assert "/v3/thing/2" in first and "/v3/thing/1" in first and "/v3/thing/0" not in first
    older = re.search(r'id="older" rel="next" href="\?([^"]+)"', first).group(1)  # type: ignore[union-attr]
    second = (await browser.get(f"{base}/requests?{older.replace('&amp;', '&')}")).text
    assert "/v3/thing/0" in second and "/v3/thing/2" not in second

    event_id = re.search(r'/events/([0-9a-f-]{36})"', second).group(1)  # type: ignore[union-attr]
    detail = await browser.get(f"{base}/events/{event_id}")
    assert detail.status_code == 200 and "GET /v3/thing/0" in detail.text


async def test_another_projects_connection_record_and_event_are_404(
        runtime: Runtime, browser: httpx.AsyncClient, synced: tuple[Tenant, Tenant]) -> None:
    mine, theirs = synced
    async with runtime.engine.begin() as db:
        their_event = await events.record(db, project_id=theirs.project_id, connection_id=theirs.connection.id,
                                          type="passthrough.request", method="GET", url="/secret/path")
    their_record = await _first_record(runtime, mine)  # a record id, asked for under their connection
    await _login(browser, await _operator(runtime, mine.project_id))
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    csrf = _csrf(page.text)
    mine_base, theirs_base = f"/dashboard/projects/{mine.project_id}", f"/dashboard/projects/{theirs.project_id}"
    for path in (f"{mine_base}/connections/{theirs.connection.id}",
                 f"{mine_base}/connections/{theirs.connection.id}/records",
                 f"{mine_base}/connections/{theirs.connection.id}/records/{their_record.id}",
                 f"{mine_base}/events/{their_event}", f"{mine_base}/events/{uuid.uuid4()}",
                 f"{theirs_base}/connections", f"{theirs_base}/events", f"{theirs_base}/requests"):
        answer = await browser.get(path)
        assert answer.status_code == 404, (path, answer.status_code)
        assert "/secret/path" not in answer.text
    assert "/secret/path" not in (await browser.get(f"{mine_base}/requests")).text
    disconnect = await browser.post(f"{mine_base}/connections/{theirs.connection.id}/disconnect", data={"csrf": csrf})
    assert disconnect.status_code == 404
    assert (await browser.post(f"{mine_base}/connections/{mine.connection.id}/disconnect")).status_code == 403


async def test_activity_counts_per_bucket(runtime: Runtime, synced: tuple[Tenant, Tenant]) -> None:
    mine, theirs = synced
    async with runtime.engine.begin() as db:
        await events.record(db, project_id=mine.project_id, connection_id=None, type="connection.failed",
                            status="error", detail={"error": "access_denied"})
        await events.record(db, project_id=mine.project_id, connection_id=mine.connection.id,
                            type="passthrough.request", method="GET", url="/x")
        await events.record(db, project_id=theirs.project_id, connection_id=None, type="connection.failed",
                            status="error")
    since = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    async with runtime.engine.connect() as db:
        buckets, complete = await overview.activity(db, project_id=mine.project_id, since=since,
                                                    bucket_seconds=3600)
        listed = await overview.events_page(db, project_id=mine.project_id, limit=overview.MAX_PAGE)
        capped, capped_complete = await overview.activity(db, project_id=mine.project_id, since=since,
                                                          bucket_seconds=3600, cap=2)
    assert len(buckets) in (3, 4) and buckets == sorted(buckets, key=lambda b: b.start)  # even x axis
    assert sum(b.failed for b in buckets) == 1  # theirs is not counted
    assert sum(b.requests for b in buckets) == 1
    assert sum(b.ok + b.failed for b in buckets) == len(listed) and complete
    assert sum(b.ok + b.failed for b in capped) == 2 and not capped_complete  # the newest two only, and it says so
    assert sum(b.requests for b in capped) == 1  # the passthrough request is among the newest two


async def test_the_connections_page_pages(runtime: Runtime, browser: httpx.AsyncClient,
                                          synced: tuple[Tenant, Tenant], monkeypatch: pytest.MonkeyPatch) -> None:
    from ledgerbridge.connect import connect

    mine, _ = synced
    second = await connect(runtime, project_id=mine.project_id, provider="xero", credentials={}, account_id="t-2")
    await _login(browser, await _operator(runtime, mine.project_id))
    monkeypatch.setattr(dashboard, "CONNECTION_PAGE", 1)
    base = f"/dashboard/projects/{mine.project_id}/connections"
    first, last = (await browser.get(base)).text, (await browser.get(base, params={"page": 2})).text
    assert str(mine.connection.id) in first and str(second.id) not in first and "Page 1 of 2" in first
    assert str(second.id) in last and str(mine.connection.id) not in last and ">syncing<" in last  # never synced
    assert (await browser.get(base, params={"page": 0})).status_code == 422
