"""Provider change notifications in: verified (bad signatures refused, nothing changed), deduplicated (a
notification sent twice causes one fetch), answered before the fetch, and turned into targeted fetches whose
changes become our ``accounting.<object>.updated|deleted`` events — QuickBooks (legacy and CloudEvents payloads)
and Xero (with its intent-to-receive handshake)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any

import httpx
import pytest

from ledgerbridge.api.app import create_app
from ledgerbridge.connectors.quickbooks import notifications as qbo_notifications
from ledgerbridge.connectors.xero import notifications as xero_notifications
from ledgerbridge.ids import record_id
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks.query import parse as qbo_query
from ledgerbridge.sandbox.xero.dates import ms_date
from ledgerbridge.sandbox.xero.unitofwork import UnitOfWork
from ledgerbridge.store import events, records
from ledgerbridge.store.records import Scope
from tests.factories import Tenant
from tests.providers import QuickBooksHarness, XeroHarness

VERIFIER = "intuit-verifier-token"
WEBHOOK_KEY = "xero-webhook-key"


class Counting(httpx.AsyncBaseTransport):
    """The provider's transport, counting the calls made through it (optionally slow)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, delay: float = 0.0) -> None:
        self.inner, self.delay, self.calls = inner, delay, 0
        self.first_call_at: float | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.first_call_at is None:
            self.first_call_at = time.monotonic()
        if self.delay:
            await asyncio.sleep(self.delay)
        return await self.inner.handle_async_request(request)


@pytest.fixture
async def qbo(runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport]) -> tuple[QuickBooksHarness, Tenant]:
    harness = QuickBooksHarness()
    counting = Counting(harness.transports()["quickbooks"])
    transports["quickbooks"] = counting
    tenant = await harness.tenant(runtime)  # connected and synced
    counting.calls = 0
    return harness, tenant


@pytest.fixture
async def xero(runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport]) -> tuple[XeroHarness, Tenant]:
    harness = XeroHarness()
    counting = Counting(harness.transports()["xero"])
    transports["xero"] = counting
    tenant = await harness.tenant(runtime)  # connected and synced
    counting.calls = 0
    return harness, tenant


async def set_key(api: httpx.AsyncClient, tenant: Tenant, provider: str, key: str) -> str:
    answer = await api.put(f"/notifications/{provider}/key", json={"key": key}, headers={"x-api-key": tenant.api_key})
    assert answer.status_code == 200, answer.text
    assert key not in answer.text  # never shown back
    return str(answer.json()["path"])


async def stored(runtime: Runtime, tenant: Tenant, object_name: str, remote_key: str) -> Any:
    scope = Scope(tenant.project_id, tenant.connection.id)
    async with runtime.engine.connect() as db:
        return await records.get(db, scope, object_name, record_id(tenant.connection.id, object_name, remote_key),
                                 with_remote_data=False)


async def event_types(runtime: Runtime, tenant: Tenant) -> list[str]:
    async with runtime.engine.connect() as db:
        rows, _ = await events.page(db, project_id=tenant.project_id, page=1, limit=100)
    return [row.type for row in rows]


def legacy_body(realm: str, entity: str, entity_id: str, operation: str) -> bytes:
    return json.dumps({"eventNotifications": [{"realmId": realm, "dataChangeEvent": {"entities": [
        {"name": entity, "id": entity_id, "operation": operation, "lastUpdated": "2026-12-07T10:00:00.000Z"}]}}]}
    ).encode()


def cloud_event_body(realm: str, entity: str, entity_id: str, operation: str) -> bytes:
    return json.dumps([{
        "specversion": "1.0", "id": str(uuid.uuid4()), "source": "intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=",
        "type": f"qbo.{entity.lower()}.{operation}.v1", "datacontenttype": "application/json",
        "time": "2026-12-07T10:00:00Z", "intuitentityid": entity_id, "intuitaccountid": realm, "data": {},
    }]).encode()


async def post_qbo(api: httpx.AsyncClient, path: str, body: bytes, key: str = VERIFIER) -> httpx.Response:
    signature = qbo_notifications.signature(body, key)
    return await api.post(path, content=body, headers={"intuit-signature": signature,
                                                        "content-type": "application/json"})


def first_invoice(harness: QuickBooksHarness) -> dict[str, Any]:
    rows = harness.sandbox.run_query(harness.realm, qbo_query("select * from Invoice"))["Invoice"]
    return next(r for r in rows if not r.get("LinkedTxn"))


async def test_quickbooks_legacy_notification_fetches_the_changed_invoice_once(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant],
    transports: dict[str, Any],
) -> None:
    harness, tenant = qbo
    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    invoice = first_invoice(harness)
    harness.sandbox.write(harness.realm, "Invoice", {"Id": invoice["Id"], "SyncToken": invoice["SyncToken"],
                                                     "sparse": True, "DueDate": "2031-01-31"})
    key = f"Invoice/{invoice['Id']}"
    before = await stored(runtime, tenant, "invoice", key)
    counting: Counting = transports["quickbooks"]
    body = legacy_body(harness.realm, "Invoice", invoice["Id"], "Update")

    # A wrong signature (or none): 401, and nothing fetched or changed.
    refused = await post_qbo(api, path, body, key="not-the-token")
    assert refused.status_code == 401
    assert (await api.post(path, content=body)).status_code == 401
    assert counting.calls == 0
    assert (await stored(runtime, tenant, "invoice", key)).data_hash == before.data_hash

    answer = await post_qbo(api, path, body)
    assert answer.status_code == 200
    calls = counting.calls
    assert 1 <= calls <= 3  # the invoice (and its payments' dates): a few calls, not a pass
    after = await stored(runtime, tenant, "invoice", key)
    assert after.data_hash != before.data_hash
    assert "accounting.invoice.updated" in await event_types(runtime, tenant)

    # Intuit sends it again (a retry): answered, but no second fetch.
    assert (await post_qbo(api, path, body)).status_code == 200
    assert counting.calls == calls


async def test_quickbooks_cloud_event_delete_marks_the_record_deleted(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], transports: dict[str, Any],
) -> None:
    harness, tenant = qbo
    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    invoice = first_invoice(harness)
    harness.sandbox.write(harness.realm, "Invoice", {"Id": invoice["Id"], "SyncToken": invoice["SyncToken"]},
                          operation="delete")
    body = cloud_event_body(harness.realm, "Invoice", invoice["Id"], "deleted")
    assert (await post_qbo(api, path, body)).status_code == 200
    assert (await stored(runtime, tenant, "invoice", f"Invoice/{invoice['Id']}")).deleted
    assert "accounting.invoice.deleted" in await event_types(runtime, tenant)
    calls = transports["quickbooks"].calls
    assert (await post_qbo(api, path, body)).status_code == 200  # the same CloudEvent id again
    assert transports["quickbooks"].calls == calls


async def test_notifications_for_another_realm_or_entity_fetch_nothing(
    api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], transports: dict[str, Any],
) -> None:
    harness, tenant = qbo
    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    for body in (legacy_body("123", "Invoice", "1", "Update"), legacy_body(harness.realm, "Estimate", "1", "Create")):
        assert (await post_qbo(api, path, body)).status_code == 200
    assert transports["quickbooks"].calls == 0
    # Without a key set for that provider, or for an unknown provider or project: 404.
    assert (await post_qbo(api, path.replace("quickbooks", "xero"), b"{}")).status_code == 404
    assert (await post_qbo(api, f"/notifications/quickbooks/{uuid.uuid4()}", b"{}")).status_code == 404
    assert (await post_qbo(api, path.replace("quickbooks", "tryton"), b"{}")).status_code == 404


async def test_quickbooks_is_answered_before_the_fetch(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], transports: dict[str, Any],
) -> None:
    """Intuit wants an answer within 3 s: the response starts before any call to QuickBooks is made."""
    harness, tenant = qbo
    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    slow = transports["quickbooks"]
    slow.delay, slow.first_call_at = 0.5, None
    invoice = first_invoice(harness)
    body = legacy_body(harness.realm, "Invoice", invoice["Id"], "Update")
    app = create_app(runtime)
    answered: list[float] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answered.append(time.monotonic())
            assert message["status"] == 200

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "path": path,
             "raw_path": path.encode(), "query_string": b"", "root_path": "", "scheme": "http",
             "server": ("test", 80), "client": ("intuit", 1),
             "headers": [(b"intuit-signature", qbo_notifications.signature(body, VERIFIER).encode()),
                         (b"content-type", b"application/json")]}
    await app(scope, receive, send)
    assert answered and slow.first_call_at is not None and answered[0] < slow.first_call_at
    assert slow.calls >= 1  # and the fetch did happen, after the answer


def xero_body(tenant_id: str, events_: list[dict[str, Any]]) -> bytes:
    return json.dumps({"events": events_, "firstEventSequence": 1, "lastEventSequence": len(events_),
                       "entropy": uuid.uuid4().hex}).encode()


async def post_xero(api: httpx.AsyncClient, path: str, body: bytes, key: str = WEBHOOK_KEY) -> httpx.Response:
    return await api.post(path, content=body, headers={"x-xero-signature": xero_notifications.signature(body, key)})


async def test_xero_handshake_then_invoice_and_contact_updates(
    runtime: Runtime, api: httpx.AsyncClient, xero: tuple[XeroHarness, Tenant], transports: dict[str, Any],
) -> None:
    harness, tenant = xero
    path = await set_key(api, tenant, "xero", WEBHOOK_KEY)
    # Intent to receive: an empty, correctly signed body is 200; a wrongly signed one 401.
    handshake = xero_body(harness.tenant_id, [])
    assert (await post_xero(api, path, handshake)).status_code == 200
    assert (await post_xero(api, path, handshake, key="wrong")).status_code == 401
    assert transports["xero"].calls == 0

    store = harness.sandbox.store
    invoice_id = store.query(harness.tenant_id, "Invoices", limit=1)[0][0]["InvoiceID"]
    contact_id = store.query(harness.tenant_id, "Contacts", limit=1)[0][0]["ContactID"]
    uow = UnitOfWork(store, harness.tenant_id)
    invoice = harness.sandbox.get(harness.tenant_id, "Invoices", invoice_id)
    contact = harness.sandbox.get(harness.tenant_id, "Contacts", contact_id)
    assert invoice is not None and contact is not None
    invoice.update(Reference="changed in Xero", UpdatedDateUTC=ms_date(uow.stamp()))
    contact.update(Name=contact["Name"] + " (renamed)", UpdatedDateUTC=ms_date(uow.stamp()))
    uow.put("Invoices", invoice)
    uow.put("Contacts", contact)
    uow.commit()
    before = await stored(runtime, tenant, "contact", contact_id)

    event = {"resourceUrl": f"https://api.xero.com/api.xro/2.0/Invoices/{invoice_id}", "resourceId": invoice_id,
             "eventDateUtc": "2026-12-07T10:00:00.000", "eventType": "UPDATE", "eventCategory": "INVOICE",
             "tenantId": harness.tenant_id, "tenantType": "ORGANISATION"}
    contact_event = {**event, "resourceId": contact_id, "eventCategory": "CONTACT",
                     "resourceUrl": f"https://api.xero.com/api.xro/2.0/Contacts/{contact_id}"}
    body = xero_body(harness.tenant_id, [event, contact_event, event])  # one duplicated inside the batch
    bad = await post_xero(api, path, body, key="wrong")
    assert bad.status_code == 401 and transports["xero"].calls == 0
    assert (await post_xero(api, path, body)).status_code == 200
    calls = transports["xero"].calls
    assert 1 <= calls <= 4
    renamed = await stored(runtime, tenant, "contact", contact_id)
    assert renamed.data_hash != before.data_hash
    types = await event_types(runtime, tenant)
    assert "accounting.invoice.updated" in types and "accounting.contact.updated" in types
    # Xero retries the same events (another entropy, same events): no second fetch.
    assert (await post_xero(api, path, xero_body(harness.tenant_id, [event, contact_event]))).status_code == 200
    assert transports["xero"].calls == calls
