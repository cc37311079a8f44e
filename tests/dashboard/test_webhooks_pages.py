"""Dashboard webhooks: endpoints created with the secret shown once, (de)activated and deleted; the delivery log
with "retry now"; CSRF on every form; and another project's endpoint or delivery is a 404 that changes nothing."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, select

from ledgerbridge.api.routes import dashboard
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import webhooks as store
from ledgerbridge.store.tables import webhook_deliveries, webhook_endpoints
from tests.dashboard import test_dashboard as base
from tests.dashboard.test_dashboard import _csrf, _login, _operator
from tests.factories import Tenant

NOW = dt.datetime.now(dt.UTC)
# The dashboard's fixtures: a QuickBooks sandbox, two tenants of it, a browser on the app with sessions.
sandbox, two_tenants, browser = base.sandbox, base.two_tenants, base.browser


@pytest.fixture(autouse=True)
async def _leave_no_outbox(runtime: Runtime) -> AsyncIterator[None]:
    """The database is shared by the session and the dispatcher claims across projects: endpoints (and their
    pending deliveries) made here must not be delivered by another module's test."""
    async with runtime.engine.connect() as db:
        before = set((await db.execute(select(webhook_endpoints.c.id))).scalars())
    yield
    async with runtime.engine.begin() as db:
        made = [i for i in (await db.execute(select(webhook_endpoints.c.id))).scalars() if i not in before]
        await db.execute(delete(webhook_deliveries).where(webhook_deliveries.c.endpoint_id.in_(made)))
        await db.execute(delete(webhook_endpoints).where(webhook_endpoints.c.id.in_(made)))


async def _endpoint(runtime: Runtime, project_id: uuid.UUID, url: str = "https://hooks.example/in",
                    secret: str = "whsec_stored-secret-value") -> store.Endpoint:
    async with runtime.engine.begin() as db:
        return await store.create_endpoint(db, runtime.sealer, project_id=project_id, url=url, description="d",
                                           scope=["accounting.*"], secret=secret)


async def _deliveries(runtime: Runtime, endpoint: store.Endpoint, *types: str) -> list[Any]:
    """One outbox row per event type, oldest first."""
    async with runtime.engine.begin() as db:
        for event_type in types:
            await store.enqueue(db, project_id=endpoint.project_id, now=NOW,
                                outgoing=[store.Outgoing(uuid.uuid4(), event_type, '{"ok":true}')],
                                endpoints=[(endpoint.id, ["*"])])
        rows = await store.list_deliveries(db, project_id=endpoint.project_id, endpoint_id=endpoint.id)
    return list(reversed(rows))


async def _finish(runtime: Runtime, delivery: Any, status: str, code: int | None, error: str | None) -> None:
    async with runtime.engine.begin() as db:
        await store.finish(db, delivery_id=uuid.UUID(delivery.id), status=status, at=NOW, status_code=code,
                           error=error, next_attempt_at=None)


async def _get_delivery(runtime: Runtime, project_id: uuid.UUID, delivery: Any) -> Any:
    async with runtime.engine.connect() as db:
        return await store.get_delivery(db, project_id=project_id, delivery_id=uuid.UUID(delivery.id))


async def _logged_in(runtime: Runtime, browser: httpx.AsyncClient, tenant: Tenant) -> str:
    """Log in as an operator of ``tenant``'s project only; the project page's CSRF token."""
    await _login(browser, await _operator(runtime, tenant.project_id))
    return _csrf((await browser.get(f"/dashboard/projects/{tenant.project_id}")).text)


async def test_a_new_webhook_shows_its_secret_once(runtime: Runtime, browser: httpx.AsyncClient,
                                                   two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    csrf = await _logged_in(runtime, browser, mine)
    created = await browser.post(f"/dashboard/projects/{mine.project_id}/webhooks", data={
        "csrf": csrf, "url": "https://app.example/hooks", "scope": "accounting.invoice.*, connection.created",
        "description": "billing"})
    assert created.status_code == 200
    secret = re.search(r'id="secret" class="secret">([^<]+)<', created.text).group(1)  # type: ignore[union-attr]
    assert secret.startswith("whsec_")
    async with runtime.engine.connect() as db:
        [endpoint] = await store.list_endpoints(db, project_id=mine.project_id)
        rows = (await db.execute(select(webhook_endpoints.c.id, webhook_endpoints.c.secret))).all()
        [sealed] = [value for endpoint_id, value in rows if str(endpoint_id) == str(endpoint.id)]
    assert endpoint.url == "https://app.example/hooks" and endpoint.active and endpoint.description == "billing"
    assert endpoint.scope == ["accounting.invoice.*", "connection.created"]
    assert secret not in sealed and runtime.sealer.open(sealed, bound_to=str(endpoint.id))["secret"] == secret

    project_page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    endpoint_page = await browser.get(f"/dashboard/projects/{mine.project_id}/webhooks/{endpoint.id}")
    for page in (project_page, endpoint_page):
        assert page.status_code == 200
        assert "https://app.example/hooks" in page.text and "accounting.invoice.*, connection.created" in page.text
        assert secret not in page.text and "whsec_" not in page.text and sealed not in page.text
    assert "No deliveries yet" in endpoint_page.text


@pytest.mark.parametrize(("form", "named"), [
    ({"url": "ftp://files.example/x", "scope": "accounting.invoice.created"}, ["url"]),
    ({"url": "https://app.example/h", "scope": "accounting.nothing.created"}, ["scope"]),
    ({"url": "", "scope": ""}, ["url", "scope"]),
    ({"url": "https://user:pw@app.example/h", "scope": "*"}, ["url"]),
])
async def test_a_bad_webhook_form_names_every_wrong_field_and_creates_nothing(
    runtime: Runtime, browser: httpx.AsyncClient, two_tenants: tuple[Tenant, Tenant], form: dict[str, str],
    named: list[str],
) -> None:
    mine, _ = two_tenants
    csrf = await _logged_in(runtime, browser, mine)
    answer = await browser.post(f"/dashboard/projects/{mine.project_id}/webhooks", data={"csrf": csrf, **form})
    assert answer.status_code == 422
    errors = re.findall(r"<li>(\w+): ", answer.text)
    assert errors == named, answer.text
    assert "whsec_" not in answer.text
    assert f'value="{form["url"]}"' in answer.text  # the form keeps what was typed
    async with runtime.engine.connect() as db:
        assert await store.list_endpoints(db, project_id=mine.project_id) == []


async def test_deactivate_activate_and_delete(runtime: Runtime, browser: httpx.AsyncClient,
                                              two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    csrf = await _logged_in(runtime, browser, mine)
    endpoint = await _endpoint(runtime, mine.project_id)
    base = f"/dashboard/projects/{mine.project_id}/webhooks/{endpoint.id}"
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    assert f'action="{base}/active"' in page.text and f'action="{base}/delete"' in page.text

    async def active() -> bool | None:
        async with runtime.engine.connect() as db:
            found = await store.get_endpoint(db, project_id=mine.project_id, endpoint_id=endpoint.id)
        return None if found is None else found.active

    assert (await browser.post(f"{base}/active", data={"csrf": csrf, "active": "0"})).status_code == 303
    assert await active() is False
    assert ">inactive<" in (await browser.get(f"/dashboard/projects/{mine.project_id}")).text
    assert (await browser.post(f"{base}/active", data={"csrf": csrf, "active": "1"})).status_code == 303
    assert await active() is True
    assert (await browser.post(f"{base}/active", data={"csrf": csrf, "active": "maybe"})).status_code == 422
    assert await active() is True
    assert (await browser.post(f"{base}/delete", data={"csrf": csrf})).status_code == 303
    assert await active() is None
    assert (await browser.post(f"{base}/delete", data={"csrf": csrf})).status_code == 404
    assert (await browser.get(base)).status_code == 404


async def test_the_delivery_log_and_retry_now(runtime: Runtime, browser: httpx.AsyncClient,
                                              two_tenants: tuple[Tenant, Tenant],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    mine, _ = two_tenants
    csrf = await _logged_in(runtime, browser, mine)
    endpoint = await _endpoint(runtime, mine.project_id)
    failed, delivered, _pending = await _deliveries(
        runtime, endpoint, "accounting.invoice.created", "accounting.contact.updated", "sync.completed")
    await _finish(runtime, failed, store.FAILED, 500, "HTTP 500: receiver <b>exploded</b>")
    await _finish(runtime, delivered, store.DELIVERED, 204, None)

    project_page = (await browser.get(f"/dashboard/projects/{mine.project_id}")).text
    for text in ("accounting.invoice.created", "accounting.contact.updated", "sync.completed", ">failed<",
                 ">delivered<", ">pending<", ">500<", ">204<", "Retry now", "Send again"):
        assert text in project_page, text
    assert "<b>exploded</b>" not in project_page and "&lt;b&gt;exploded" in project_page  # escaped
    assert '{"ok":true}' not in project_page  # payloads stay out of the page

    base = f"/dashboard/projects/{mine.project_id}/webhooks/{endpoint.id}"
    only_failed = (await browser.get(f"{base}?status=failed")).text
    assert "accounting.invoice.created" in only_failed and "accounting.contact.updated" not in only_failed
    assert (await browser.get(f"{base}?status=bogus")).status_code == 422

    monkeypatch.setattr(dashboard, "DELIVERY_PAGE", 2)  # paging: newest two, then the oldest
    first = (await browser.get(base)).text
    assert "sync.completed" in first and "accounting.invoice.created" not in first
    older = re.search(r'href="\?before=(\d+)"', first).group(1)  # type: ignore[union-attr]
    second = (await browser.get(f"{base}?before={older}")).text
    assert "accounting.invoice.created" in second and "sync.completed" not in second

    retry = await browser.post(f"/dashboard/projects/{mine.project_id}/webhooks/deliveries/{failed.id}/retry",
                               data={"csrf": csrf})
    assert retry.status_code == 303 and retry.headers["location"].startswith(base)
    again = await _get_delivery(runtime, mine.project_id, failed)
    assert again.status == store.PENDING and again.event_id == failed.event_id
    assert again.next_attempt_at is not None
    assert (await browser.post(f"/dashboard/projects/{mine.project_id}/webhooks/deliveries/{uuid.uuid4()}/retry",
                               data={"csrf": csrf})).status_code == 404


async def test_webhook_forms_need_the_csrf_token(runtime: Runtime, browser: httpx.AsyncClient,
                                                 two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    await _logged_in(runtime, browser, mine)
    endpoint = await _endpoint(runtime, mine.project_id)
    [failed] = await _deliveries(runtime, endpoint, "accounting.invoice.created")
    await _finish(runtime, failed, store.FAILED, 500, "HTTP 500")
    base = f"/dashboard/projects/{mine.project_id}/webhooks"
    for path, data in ((base, {"url": "https://x.example/h", "scope": "*"}),
                       (f"{base}/{endpoint.id}/active", {"active": "0"}),
                       (f"{base}/{endpoint.id}/delete", {}),
                       (f"{base}/deliveries/{failed.id}/retry", {})):
        for token in ({}, {"csrf": "forged"}):
            assert (await browser.post(path, data={**data, **token})).status_code == 403, path
    async with runtime.engine.connect() as db:
        assert [e.id for e in await store.list_endpoints(db, project_id=mine.project_id)] == [endpoint.id]
        assert (await store.get_endpoint(db, project_id=mine.project_id, endpoint_id=endpoint.id)).active  # type: ignore[union-attr]
    assert (await _get_delivery(runtime, mine.project_id, failed)).status == store.FAILED


async def test_another_projects_webhooks_are_404_and_untouched(runtime: Runtime, browser: httpx.AsyncClient,
                                                               two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, theirs = two_tenants
    csrf = await _logged_in(runtime, browser, mine)
    their_hook = await _endpoint(runtime, theirs.project_id, url="https://theirs.example/secret-path")
    [their_delivery] = await _deliveries(runtime, their_hook, "accounting.invoice.created")
    await _finish(runtime, their_delivery, store.FAILED, 500, "HTTP 500")
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    assert "theirs.example" not in page.text and their_delivery.id not in page.text

    mine_base = f"/dashboard/projects/{mine.project_id}/webhooks"
    theirs_base = f"/dashboard/projects/{theirs.project_id}/webhooks"
    foreign = [
        ("get", f"{mine_base}/{their_hook.id}"),
        ("get", f"{theirs_base}/{their_hook.id}"),
        ("get", f"{mine_base}/{uuid.uuid4()}"),
        ("post", theirs_base),
        ("post", f"{mine_base}/{their_hook.id}/active"),
        ("post", f"{theirs_base}/{their_hook.id}/active"),
        ("post", f"{mine_base}/{their_hook.id}/delete"),
        ("post", f"{theirs_base}/{their_hook.id}/delete"),
        ("post", f"{mine_base}/deliveries/{their_delivery.id}/retry"),
        ("post", f"{theirs_base}/deliveries/{their_delivery.id}/retry"),
    ]
    for method, path in foreign:
        data = {"csrf": csrf, "active": "0", "url": "https://x.example/h", "scope": "*"} if method == "post" else None
        answer = await browser.request(method, path, data=data)
        assert answer.status_code == 404, (path, answer.status_code)
        assert "theirs.example" not in answer.text and "whsec_" not in answer.text
    async with runtime.engine.connect() as db:
        [still] = await store.list_endpoints(db, project_id=theirs.project_id)
    assert still.id == their_hook.id and still.active
    assert (await _get_delivery(runtime, theirs.project_id, their_delivery)).status == store.FAILED
