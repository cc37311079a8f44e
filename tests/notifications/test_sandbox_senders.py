"""The sandboxes send change notifications like the services: signed with the app's key, to the URL configured
for the app, retried while the receiver fails, Xero's intent-to-receive check first — and Ledgerbridge, receiving
them, brings the store up to date and emits its own webhooks."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks.webhooks import QuickBooksWebhooks
from ledgerbridge.sandbox.xero.dates import ms_date
from ledgerbridge.sandbox.xero.unitofwork import UnitOfWork
from ledgerbridge.sandbox.xero.webhooks import XeroWebhooks
from tests.factories import Tenant
from tests.notifications.test_inbound import (
    VERIFIER,
    WEBHOOK_KEY,
    Counting,
    event_types,
    first_invoice,
    qbo,
    set_key,
    stored,
    xero,
)
from tests.providers import QuickBooksHarness, XeroHarness

__all__ = ["qbo", "xero"]  # fixtures shared with the inbound tests


@pytest.mark.parametrize("cloudevents", [False, True])
async def test_quickbooks_sandbox_notifies_and_retries_until_received(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], transports: dict[str, Any],
    cloudevents: bool,
) -> None:
    harness, tenant = qbo
    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    hooks = QuickBooksWebhooks(harness.sandbox, cloudevents=cloudevents, window=0, retry_delays=(0.0, 0.0))
    hooks.subscribe(path, VERIFIER, {harness.realm})
    invoice = first_invoice(harness)
    harness.sandbox.write(harness.realm, "Invoice", {"Id": invoice["Id"], "SyncToken": invoice["SyncToken"]},
                          operation="void")

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(down), base_url="http://lb") as unreachable:
        assert await hooks.notifier.flush(unreachable) == 1
    assert hooks.notifier.failed == 1 and hooks.notifier.pending() == 1  # kept for a retry
    assert transports["quickbooks"].calls == 0

    assert await hooks.notifier.flush(api) == 1
    assert hooks.notifier.sent == 1 and hooks.notifier.pending() == 0
    voided = await stored(runtime, tenant, "invoice", f"Invoice/{invoice['Id']}")
    assert '"VOID"' in voided.data or "VOID" in str(voided.data)
    assert "accounting.invoice.updated" in await event_types(runtime, tenant)


async def test_quickbooks_sandbox_signed_with_another_token_is_refused_and_retried(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], transports: dict[str, Any],
) -> None:
    harness, tenant = qbo
    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    hooks = QuickBooksWebhooks(harness.sandbox, window=0, retry_delays=(3600.0,))
    hooks.subscribe(path, "another-token")
    invoice = first_invoice(harness)
    harness.sandbox.write(harness.realm, "Invoice", {"Id": invoice["Id"], "SyncToken": invoice["SyncToken"],
                                                     "sparse": True, "DueDate": "2031-02-28"})
    assert await hooks.notifier.flush(api) == 1
    assert hooks.notifier.failed == 1 and hooks.notifier.pending() == 1
    assert transports["quickbooks"].calls == 0  # refused: nothing fetched
    assert await hooks.notifier.flush(api) == 0  # the retry waits its delay


async def test_xero_sandbox_checks_intent_to_receive_first_then_notifies(
    runtime: Runtime, api: httpx.AsyncClient, xero: tuple[XeroHarness, Tenant], transports: dict[str, Any],
) -> None:
    harness, tenant = xero
    path = await set_key(api, tenant, "xero", WEBHOOK_KEY)
    hooks = XeroWebhooks(harness.sandbox, window=0, retry_delays=(0.0,))
    hooks.subscribe(path, WEBHOOK_KEY)
    wrong = XeroWebhooks(harness.sandbox, window=0)  # a second app whose key we do not hold
    wrong.subscribe(path, "not-our-key")
    harness.sandbox.store.on_put = lambda *change: (hooks.changed(*change), wrong.changed(*change))

    store = harness.sandbox.store
    contact = store.query(harness.tenant_id, "Contacts", limit=1)[0][0]
    uow = UnitOfWork(store, harness.tenant_id)
    contact.update(Name=contact["Name"] + " (renamed in Xero)", UpdatedDateUTC=ms_date(uow.stamp()))
    uow.put("Contacts", contact)
    uow.commit()

    assert await hooks.notifier.flush(api) == 1
    assert hooks.notifier.subscriptions[0].verified and hooks.notifier.sent == 1
    assert await wrong.notifier.flush(api) == 0  # its handshake failed: nothing is sent to that URL
    assert not wrong.notifier.subscriptions[0].verified
    renamed = await stored(runtime, tenant, "contact", contact["ContactID"])
    assert "(renamed in Xero)" in str(renamed.data)
    assert "accounting.contact.updated" in await event_types(runtime, tenant)
    assert isinstance(transports["xero"], Counting) and transports["xero"].calls >= 1
