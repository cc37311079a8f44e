"""What a sync finds out becomes events (and webhooks): created on the first pass, updated when the provider
changes a record, deleted when the reconcile finds it gone — each exactly once."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from ledgerbridge import wire
from ledgerbridge.ids import record_id
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.store.tables import events
from ledgerbridge.sync.engine import sync_connection
from tests.factories import quickbooks_tenant


async def _events(runtime: Any, tenant: Any, type_: str) -> list[dict[str, Any]]:
    async with runtime.engine.connect() as db:
        rows = (await db.execute(select(events.c.detail).where(
            events.c.project_id == str(tenant.project_id), events.c.type == type_))).all()
    return [wire.loads(r.detail) for r in rows]


async def test_sync_changes_become_events(runtime: Any, transports: dict[str, Any]) -> None:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm)
    created = await _events(runtime, tenant, "accounting.invoice.created")
    assert len(created) == sandbox.count(realm, "Invoice") + sandbox.count(realm, "Bill")

    documents = (sandbox.read(realm, "Invoice", str(i)) for i in range(1, 30))
    invoice = next(d for d in documents if d and not d.get("LinkedTxn"))
    sandbox.write(realm, "Invoice", {"Id": invoice["Id"], "SyncToken": invoice["SyncToken"], "sparse": True,
                                     "PrivateNote": "changed at the provider"})
    await sync_connection(runtime, tenant.connection, objects=["invoice"])
    updated = await _events(runtime, tenant, "accounting.invoice.updated")
    expected = str(record_id(tenant.connection.id, "invoice", f"Invoice/{invoice['Id']}"))
    assert [e["id"] for e in updated] == [expected]  # only the changed one, although the overlap re-reads others

    fresh = sandbox.read(realm, "Invoice", invoice["Id"])
    sandbox.write(realm, "Invoice", {"Id": invoice["Id"], "SyncToken": fresh["SyncToken"]}, operation="delete")
    await sync_connection(runtime, tenant.connection, objects=["invoice"], full=True)
    assert [e["id"] for e in await _events(runtime, tenant, "accounting.invoice.deleted")] == [expected]
    await sync_connection(runtime, tenant.connection, objects=["invoice"], full=True)  # nothing new to say
    assert len(await _events(runtime, tenant, "accounting.invoice.deleted")) == 1
    assert len(await _events(runtime, tenant, "accounting.invoice.updated")) == 1
