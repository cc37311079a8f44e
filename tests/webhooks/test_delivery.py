"""Webhooks end to end: events written with their change, delivered signed from the outbox, retried with backoff
while the receiver is down, deduplicable by event id, and logged — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from ledgerbridge import wire
from ledgerbridge.connect import connect
from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials as quickbooks_credentials
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import events, records
from ledgerbridge.store.records import Scope
from ledgerbridge.webhooks import delivery
from ledgerbridge.webhooks.signing import HEADER, verify
from tests.api.test_invoices import PLAIN, seed_body
from tests.factories import Tenant
from tests.providers import QuickBooksHarness

HOOK = "http://receiver.test/hook"


class Receiver:
    """A webhook receiver that can be down (connection refused), answer 500 after processing (so the same event
    comes again), or be up. It keeps every request it got."""

    def __init__(self) -> None:
        self.mode = "down"
        self.received: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.mode == "down":
            raise httpx.ConnectError("connection refused", request=request)
        self.received.append(request)
        if self.mode == "flaky":  # processed, but the answer says otherwise: the sender must retry
            return httpx.Response(500, text="oops")
        return httpx.Response(204)


@pytest.fixture
def receiver(transports: dict[str, httpx.AsyncBaseTransport]) -> Receiver:
    receiver = Receiver()
    transports[delivery.CLIENT] = httpx.MockTransport(receiver)
    return receiver


@pytest.fixture
async def qbo(runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport]) -> tuple[QuickBooksHarness, Tenant]:
    harness = QuickBooksHarness()
    transports.update(harness.transports())
    return harness, await harness.tenant(runtime)


def later(hours: float) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)


async def subscribe(api: httpx.AsyncClient, tenant: Tenant, scope: list[str], url: str = HOOK) -> dict[str, Any]:
    response = await api.post("/webhooks", headers={"x-api-key": tenant.api_key},
                              json={"url": url, "description": "test", "scope": scope})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_receiver_down_then_up_gets_every_event_signed_and_once_after_dedupe(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], receiver: Receiver
) -> None:
    harness, tenant = qbo
    hook = await subscribe(api, tenant, ["accounting.*", "connection.*"])
    secret = hook["secret"]
    assert secret.startswith("whsec_")

    # Three changes while the receiver is down: two invoices created, a second connection made.
    created = []
    for number in ("WH-1", "WH-2"):
        body = await seed_body(api, tenant, harness, **PLAIN, number=number)
        response = await api.post("/accounting/invoices", json=body, headers=tenant.headers)
        assert response.status_code == 201, response.text
        created.append(response.json()["id"])
    second = await connect(runtime, project_id=tenant.project_id, provider="quickbooks", account_id=harness.realm,
                           credentials=quickbooks_credentials(harness.sandbox, harness.realm, "http://qbo"))

    down = await delivery.deliver_due(runtime)
    assert (down.delivered, down.retrying) == (0, 3)
    log = (await api.get(f"/webhooks/{hook['id_webhook_endpoint']}/deliveries",
                         headers={"x-api-key": tenant.api_key})).json()["data"]
    assert [d["status"] for d in log] == ["pending"] * 3
    assert all(d["attempts"] == 1 and d["last_error"] == delivery.NO_ANSWER for d in log)
    # Backed off: nothing is due again straight away.
    assert (await delivery.deliver_due(runtime)).attempted == 0

    receiver.mode = "flaky"
    flaky = await delivery.deliver_due(runtime, now=later(1))
    assert flaky.retrying == 3 and len(receiver.received) == 3

    receiver.mode = "up"
    up = await delivery.deliver_due(runtime, now=later(2))
    assert up.delivered == 3
    assert (await delivery.deliver_due(runtime, now=later(30))).attempted == 0  # nothing left over

    # Every request is signed over its exact body; each event arrived twice; after dedupe, once each.
    seen: dict[str, dict[str, Any]] = {}
    for request in receiver.received:
        verify(request.content, request.headers[HEADER], secret)
        payload = wire.loads(request.content)
        assert request.headers["Ledgerbridge-Event-Id"] == payload["id_event"]
        seen.setdefault(payload["id_event"], payload)
    assert len(receiver.received) == 6 and len(seen) == 3
    by_type = sorted((p["type"], p["data"].get("id") or p["data"].get("connection_id")) for p in seen.values())
    assert by_type == sorted([("accounting.invoice.created", i) for i in created]
                             + [("connection.created", str(second.id))])
    invoice_payload = next(p for p in seen.values() if p["type"] == "accounting.invoice.created")
    assert invoice_payload["id_connection"] == str(tenant.connection.id)
    assert invoice_payload["id_project"] == str(tenant.project_id)

    # No secret in any payload: not the webhook's, not the API key, not the provider's tokens.
    credentials = runtime.sealer.open(second.sealed_credentials, bound_to=str(second.id))
    everything = b"".join(r.content for r in receiver.received)
    for value in (secret, tenant.api_key, credentials["access_token"], credentials["refresh_token"],
                  credentials["client_secret"]):
        assert value.encode() not in everything

    log = (await api.get(f"/webhooks/{hook['id_webhook_endpoint']}/deliveries",
                         headers={"x-api-key": tenant.api_key})).json()["data"]
    assert [(d["status"], d["attempts"], d["last_status_code"]) for d in log] == [("delivered", 3, 204)] * 3


async def test_verify_event_accepts_what_was_sent_and_refuses_anything_else(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], receiver: Receiver
) -> None:
    harness, tenant = qbo
    hook = await subscribe(api, tenant, ["connection.created"])
    receiver.mode = "up"
    await connect(runtime, project_id=tenant.project_id, provider="quickbooks", account_id=harness.realm,
                  credentials=quickbooks_credentials(harness.sandbox, harness.realm, "http://qbo"))
    assert (await delivery.deliver_due(runtime)).delivered == 1
    request = receiver.received[0]
    headers = {"x-api-key": tenant.api_key}
    signature = request.headers[HEADER]
    for payload in (wire.loads(request.content), request.content.decode()):
        answer = await api.post("/webhooks/verifyEvent", headers=headers,
                                json={"payload": payload, "signature": signature, "secret": hook["secret"]})
        assert answer.status_code == 201 and answer.json()["id_event"] == wire.loads(request.content)["id_event"]
    tampered = {**wire.loads(request.content), "type": "connection.failed"}
    answer = await api.post("/webhooks/verifyEvent", headers=headers,
                            json={"payload": tampered, "signature": signature, "secret": hook["secret"]})
    assert answer.status_code == 400 and "Invalid signature" in answer.json()["message"]
    answer = await api.post("/webhooks/verifyEvent", headers=headers, json={"payload": {}})
    assert answer.status_code == 422
    assert {e["field"] for e in answer.json()["errors"]} == {"signature", "secret"}


async def test_sync_changes_become_created_updated_deleted_events_in_their_page_transaction(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], receiver: Receiver
) -> None:
    _, tenant = qbo
    await subscribe(api, tenant, ["accounting.contact.*"])
    scope = Scope(tenant.project_id, tenant.connection.id)
    connector = runtime.connector(tenant.connection)
    page = await anext(connector.pages("contact"))
    first, second = page[0], page[1]
    renamed = type(first)(**{**first.__dict__, "data": first.data.model_copy(update={"name": "Renamed Ltd"})})
    gone = type(second)(**{**second.__dict__, "deleted": True})

    async with runtime.engine.begin() as db:  # the page as the sync engine stores it: one transaction
        upserted = await records.upsert(db, scope, [renamed, gone, page[2]], now=dt.datetime.now(dt.UTC))
        ids = await events.record_changes(db, project_id=tenant.project_id, connection_id=tenant.connection.id,
                                          upserted=upserted)
    assert len(ids) == 2  # page[2] is unchanged: no event

    receiver.mode = "up"
    assert (await delivery.deliver_due(runtime)).delivered == 2
    payloads = [wire.loads(r.content) for r in receiver.received]
    assert sorted(p["type"] for p in payloads) == ["accounting.contact.deleted", "accounting.contact.updated"]
    updated = next(p for p in payloads if p["type"].endswith("updated"))
    assert updated["data"]["name"] == "Renamed Ltd" and "remote_data" not in updated["data"]

    listed = (await api.get("/events", headers={"x-api-key": tenant.api_key}, params={"limit": 2})).json()
    assert {e["id_event"] for e in listed} == {str(i) for i in ids}


async def test_a_rolled_back_change_sends_nothing(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], receiver: Receiver
) -> None:
    _, tenant = qbo
    await subscribe(api, tenant, ["*"])
    with pytest.raises(RuntimeError):
        async with runtime.engine.begin() as db:
            await events.record(db, project_id=tenant.project_id, connection_id=None, type="sync.completed")
            raise RuntimeError("the change failed")
    receiver.mode = "up"
    assert (await delivery.deliver_due(runtime)).attempted == 0


async def test_inactive_or_unsubscribed_endpoints_get_nothing_and_a_dead_receiver_is_given_up_on(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], receiver: Receiver
) -> None:
    _, tenant = qbo
    headers = {"x-api-key": tenant.api_key}
    paused = await subscribe(api, tenant, ["sync.*"], url="http://receiver.test/paused")
    await subscribe(api, tenant, ["accounting.invoice.created"], url="http://receiver.test/other")
    live = await subscribe(api, tenant, ["sync.completed"])
    answer = await api.put(f"/webhooks/{paused['id_webhook_endpoint']}", headers=headers, json={"active": False})
    assert answer.status_code == 200 and answer.json()["active"] is False
    async with runtime.engine.begin() as db:
        await events.record(db, project_id=tenant.project_id, connection_id=None, type="sync.completed")

    for hour in range(delivery.MAX_ATTEMPTS):  # the receiver never comes back
        await delivery.deliver_due(runtime, now=later(hour * 24))
    log = (await api.get(f"/webhooks/{live['id_webhook_endpoint']}/deliveries", headers=headers)).json()["data"]
    assert [(d["status"], d["attempts"]) for d in log] == [("failed", delivery.MAX_ATTEMPTS)]
    deliveries = await api.get(f"/webhooks/{paused['id_webhook_endpoint']}/deliveries", headers=headers)
    assert deliveries.json()["data"] == []

    # Sent again by hand once the receiver is fixed: the same event id.
    receiver.mode = "up"
    retried = await api.post(f"/webhooks/deliveries/{log[0]['id_delivery']}/retry", headers=headers)
    assert retried.status_code == 202
    assert (await delivery.deliver_due(runtime)).delivered == 1
    assert receiver.received[0].headers["Ledgerbridge-Event-Id"] == log[0]["id_event"]


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    assert delivery.backoff(1, jitter=0.5) == dt.timedelta(seconds=10)
    assert delivery.backoff(4, jitter=0.5) == dt.timedelta(seconds=80)
    assert delivery.backoff(30, jitter=1.0) == delivery.MAX_DELAY * 1.2
    assert delivery.backoff(1, jitter=0.0) == dt.timedelta(seconds=8)


