"""SSRF through webhooks: an endpoint at an internal address is refused when registered (API and dashboard, in
every spelling), and a name that resolves to one by delivery time (a DNS change) is never sent anything."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, select

from ledgerbridge.api import create_app
from ledgerbridge.api.routes import dashboard
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy
from ledgerbridge.store import webhooks as store
from ledgerbridge.store.tables import webhook_deliveries, webhook_endpoints
from ledgerbridge.webhooks import delivery
from tests.dashboard.test_dashboard import _csrf, _login, _operator
from tests.factories import api_client
from tests.security.conftest import INTERNAL_HOSTS, Listener


@pytest.fixture(autouse=True)
async def _leave_no_outbox(runtime: Runtime) -> AsyncIterator[None]:
    """The dispatcher claims across projects: what is made here must not be delivered by another test."""
    async with runtime.engine.connect() as db:
        before = set((await db.execute(select(webhook_endpoints.c.id))).scalars())
    yield
    async with runtime.engine.begin() as db:
        made = [i for i in (await db.execute(select(webhook_endpoints.c.id))).scalars() if i not in before]
        await db.execute(delete(webhook_deliveries).where(webhook_deliveries.c.endpoint_id.in_(made)))
        await db.execute(delete(webhook_endpoints).where(webhook_endpoints.c.id.in_(made)))


@pytest.fixture
async def project(runtime: Runtime) -> tuple[uuid.UUID, str]:
    async with runtime.engine.begin() as db:
        created = await tenancy.create_project(db, name=f"egress {uuid.uuid4().hex[:6]}")
        key = await tenancy.create_api_key(db, project_id=created.id)
    return created.id, key


@pytest.fixture
async def api(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(runtime) as client:
        yield client


async def _endpoints(runtime: Runtime, project_id: uuid.UUID) -> list[store.Endpoint]:
    async with runtime.engine.connect() as db:
        return await store.list_endpoints(db, project_id=project_id)


async def _deliver_one(runtime: Runtime, endpoint_id: uuid.UUID, project_id: uuid.UUID) -> Any:
    """Queue one event for the endpoint, run the dispatcher, and return that delivery's row."""
    now = dt.datetime.now(dt.UTC)
    async with runtime.engine.begin() as db:
        await store.enqueue(db, project_id=project_id, now=now, endpoints=[(endpoint_id, ["*"])],
                            outgoing=[store.Outgoing(uuid.uuid4(), "connection.created", '{"ok":true}')])
    await delivery.deliver_due(runtime, now=now + dt.timedelta(seconds=1))
    async with runtime.engine.connect() as db:
        (row,) = await store.list_deliveries(db, project_id=project_id, endpoint_id=endpoint_id)
    return row


@pytest.mark.parametrize("host", INTERNAL_HOSTS)
async def test_api_refuses_internal_webhook_urls(runtime: Runtime, api: httpx.AsyncClient, listener: Listener,
                                                 project: tuple[uuid.UUID, str], host: str) -> None:
    project_id, key = project
    answer = await api.post("/webhooks", headers={"x-api-key": key},
                            json={"url": f"http://{host}:{listener.port}/hook", "scope": ["*"]})
    assert answer.status_code == 422, answer.text
    assert [e["field"] for e in answer.json()["errors"]] == ["url"]
    assert await _endpoints(runtime, project_id) == []
    assert listener.requests == []


async def test_api_refuses_a_name_that_resolves_inside(runtime: Runtime, api: httpx.AsyncClient,
                                                       listener: Listener, project: tuple[uuid.UUID, str],
                                                       fake_dns: dict[str, list[str]]) -> None:
    project_id, key = project
    for answers in (["127.0.0.1"], ["::1"], ["::ffff:127.0.0.1"], ["93.184.216.34", "10.1.2.3"]):
        fake_dns["inside.test"] = answers
        answer = await api.post("/webhooks", headers={"x-api-key": key},
                                json={"url": f"http://inside.test:{listener.port}/hook", "scope": ["*"]})
        assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "url", answers
    assert await _endpoints(runtime, project_id) == []


@pytest.mark.parametrize("host", ["127.1", "0x7f.1", "2130706433", "[::ffff:127.0.0.1]", "localhost",
                                  "169.254.169.254"])
async def test_dashboard_refuses_internal_webhook_urls(runtime: Runtime, listener: Listener,
                                                       project: tuple[uuid.UUID, str], host: str) -> None:
    project_id, _ = project
    app = create_app(runtime)
    dashboard.install(app, runtime)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://lb") as browser:
        await _login(browser, await _operator(runtime, project_id))
        csrf = _csrf((await browser.get(f"/dashboard/projects/{project_id}")).text)
        answer = await browser.post(f"/dashboard/projects/{project_id}/webhooks", data={
            "csrf": csrf, "url": f"http://{host}:{listener.port}/hook", "scope": "*"})
    assert answer.status_code == 422 and "url:" in answer.text
    assert await _endpoints(runtime, project_id) == []
    assert listener.requests == []


@pytest.mark.parametrize("answers", [["127.0.0.1"], ["::ffff:127.0.0.1"], ["::1"], ["169.254.169.254"],
                                     ["93.184.216.34", "127.0.0.1"]])
async def test_delivery_after_a_dns_change_sends_nothing(runtime: Runtime, api: httpx.AsyncClient,
                                                         listener: Listener, project: tuple[uuid.UUID, str],
                                                         fake_dns: dict[str, list[str]], answers: list[str]) -> None:
    project_id, key = project
    created = await api.post("/webhooks", headers={"x-api-key": key},
                             json={"url": f"http://rebind.test:{listener.port}/hook", "scope": ["*"]})
    assert created.status_code == 201, created.text
    fake_dns["rebind.test"] = answers  # the name now points inside
    row = await _deliver_one(runtime, uuid.UUID(created.json()["id_webhook_endpoint"]), project_id)
    assert (row.status, row.last_status_code, row.last_error) == ("pending", None, delivery.NO_ANSWER)
    assert listener.requests == []


async def test_an_endpoint_stored_before_the_policy_is_not_delivered_to(
        runtime: Runtime, listener: Listener, project: tuple[uuid.UUID, str]) -> None:
    project_id, _ = project
    for host in ("127.0.0.1", "0x7f.1", "[::ffff:127.0.0.1]", "localhost"):
        async with runtime.engine.begin() as db:
            endpoint = await store.create_endpoint(db, runtime.sealer, project_id=project_id, description=None,
                                                   url=f"http://{host}:{listener.port}/hook", scope=["*"],
                                                   secret="whsec_x")
        row = await _deliver_one(runtime, endpoint.id, project_id)
        assert row.last_error == delivery.NO_ANSWER and row.last_status_code is None, host
    assert listener.requests == []


async def test_an_allow_listed_receiver_gets_status_and_no_body_is_kept(
        runtime: Runtime, api: httpx.AsyncClient, listener: Listener, project: tuple[uuid.UUID, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: once the operator allows loopback, the same listener does get the delivery — so the tests
    above would have seen a request had one been sent. The log keeps the status code, not what was answered."""
    monkeypatch.setenv("LEDGERBRIDGE_EGRESS_ALLOW_NETWORKS", '["127.0.0.0/8"]')
    runtime.settings = runtime.settings.model_copy(update={"egress_allow_networks": ["127.0.0.0/8"]})
    project_id, key = project
    created = await api.post("/webhooks", headers={"x-api-key": key},
                             json={"url": f"http://127.0.0.1:{listener.port}/hook", "scope": ["*"]})
    assert created.status_code == 201, created.text
    row = await _deliver_one(runtime, uuid.UUID(created.json()["id_webhook_endpoint"]), project_id)
    assert listener.requests == ["POST /hook"]
    assert (row.status, row.last_status_code, row.last_error) == ("delivered", 200, None)
