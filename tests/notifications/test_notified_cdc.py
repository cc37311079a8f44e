"""Notified QuickBooks changes are read back through change data capture: a batch of notices over several objects,
updates and deletions, costs one call; a lost notification's change comes along in the same answer; where CDC
cannot serve (no change time, further back than 30 days) the records are read by key instead."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

import httpx

from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks.query import parse as qbo_query
from tests.factories import Tenant
from tests.notifications import test_inbound
from tests.notifications.test_inbound import event_types, post_qbo, set_key, stored
from tests.providers import QuickBooksHarness

VERIFIER = "intuit-verifier-token"
qbo = test_inbound.qbo  # the fixture: a connected, synced QuickBooks tenant whose calls are counted
LATER = 1200.0  # the sandbox clock moves 20 min on (tokens still valid): the CDC answer holds only these changes


def legacy(realm: str, changes: list[tuple[str, str, str]], at: str | None) -> bytes:
    entities = [{"name": entity, "id": entity_id, "operation": operation, **({"lastUpdated": at} if at else {})}
                for entity, entity_id, operation in changes]
    return json.dumps({"eventNotifications": [{"realmId": realm, "dataChangeEvent": {"entities": entities}}]}).encode()


def iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat().replace("+00:00", "Z")


def unpaid_invoices(harness: QuickBooksHarness) -> list[dict[str, Any]]:
    rows = harness.sandbox.run_query(harness.realm, qbo_query("select * from Invoice"))["Invoice"]
    return [r for r in rows if not r.get("LinkedTxn")]


def a_customer(harness: QuickBooksHarness) -> dict[str, Any]:
    return harness.sandbox.run_query(harness.realm, qbo_query("select * from Customer"))["Customer"][0]  # type: ignore[no-any-return]


def later(harness: QuickBooksHarness) -> float:
    harness.sandbox.clock = lambda: time.time() + LATER
    return time.time() + LATER


async def test_a_batch_of_notices_costs_one_cdc_call_deletions_and_missed_changes_included(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], transports: dict[str, Any],
) -> None:
    harness, tenant = qbo
    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    changed_at = later(harness)
    sandbox, realm = harness.sandbox, harness.realm
    updated, removed, unnotified = unpaid_invoices(harness)[:3]
    customer = a_customer(harness)
    sandbox.write(realm, "Invoice", {"Id": updated["Id"], "SyncToken": updated["SyncToken"], "sparse": True,
                                     "DueDate": "2031-01-31"})
    sandbox.write(realm, "Invoice", {"Id": removed["Id"], "SyncToken": removed["SyncToken"]}, operation="delete")
    sandbox.write(realm, "Customer", {"Id": customer["Id"], "SyncToken": customer["SyncToken"], "sparse": True,
                                      "DisplayName": customer["DisplayName"] + " (renamed)"})
    # Changed too, but its notification never comes
    sandbox.write(realm, "Invoice", {"Id": unnotified["Id"], "SyncToken": unnotified["SyncToken"], "sparse": True,
                                     "DueDate": "2032-02-29"})
    before = {key: await stored(runtime, tenant, obj, key) for obj, key in
              [("invoice", f"Invoice/{updated['Id']}"), ("invoice", f"Invoice/{unnotified['Id']}"),
               ("contact", f"Customer/{customer['Id']}")]}
    body = legacy(realm, [("Invoice", updated["Id"], "Update"), ("Invoice", removed["Id"], "Delete"),
                          ("Customer", customer["Id"], "Update")], iso(changed_at))

    assert (await post_qbo(api, path, body)).status_code == 200
    assert transports["quickbooks"].calls == 1  # one GET /cdc for two objects, three notices

    for obj, key in [("invoice", f"Invoice/{updated['Id']}"), ("invoice", f"Invoice/{unnotified['Id']}"),
                     ("contact", f"Customer/{customer['Id']}")]:
        assert (await stored(runtime, tenant, obj, key)).data_hash != before[key].data_hash, key
    assert (await stored(runtime, tenant, "invoice", f"Invoice/{removed['Id']}")).deleted
    types = await event_types(runtime, tenant)
    assert {"accounting.invoice.updated", "accounting.invoice.deleted", "accounting.contact.updated"} <= set(types)


async def test_without_a_change_time_or_too_far_back_notices_are_read_by_key(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], transports: dict[str, Any],
) -> None:
    harness, tenant = qbo
    path = await set_key(api, tenant, "quickbooks", VERIFIER)
    changed_at = later(harness)
    sandbox, realm = harness.sandbox, harness.realm
    first, second = unpaid_invoices(harness)[:2]
    for row, due in ((first, "2031-01-31"), (second, "2031-03-31")):
        sandbox.write(realm, "Invoice", {"Id": row["Id"], "SyncToken": row["SyncToken"], "sparse": True,
                                         "DueDate": due})
    before = {row["Id"]: (await stored(runtime, tenant, "invoice", f"Invoice/{row['Id']}")).data_hash
              for row in (first, second)}
    requests: list[str] = []
    counting = transports["quickbooks"]
    inner = counting.inner

    class Recording(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            requests.append(request.url.path.rsplit("/", 1)[-1])
            return await inner.handle_async_request(request)

    counting.inner = Recording()
    # No lastUpdated: CDC cannot be asked from a time, so the invoice is read by key (a query).
    body = legacy(realm, [("Invoice", first["Id"], "Update")], None)
    assert (await post_qbo(api, path, body)).status_code == 200
    assert requests == ["query"]
    assert (await stored(runtime, tenant, "invoice", f"Invoice/{first['Id']}")).data_hash != before[first["Id"]]
    # Notified as changed 40 days ago (a very late retry): past CDC's 30 days, read by key too.
    requests.clear()
    body = legacy(realm, [("Invoice", second["Id"], "Update")], iso(changed_at - 40 * 86400))
    assert (await post_qbo(api, path, body)).status_code == 200
    assert requests == ["query"]
    assert (await stored(runtime, tenant, "invoice", f"Invoice/{second['Id']}")).data_hash != before[second["Id"]]
