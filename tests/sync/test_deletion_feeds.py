"""Deletion feeds (Sage's ``deleted_since``, Pennylane's change logs): a record deleted at the provider behind our
back is marked deleted by the next incremental pass — not left for the full reconcile — and keeps what the store
knew of it (the feeds' rows carry little more than an id, and must not overwrite the record)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from ledgerbridge.runtime import Runtime
from ledgerbridge.store.tables import records
from ledgerbridge.sync.engine import sync_connection
from tests.api.test_invoices import PLAIN, seed_body
from tests.factories import api_client
from tests.providers import build_harness


@pytest.mark.parametrize("provider_name", ["sage", "pennylane"])
async def test_a_deletion_at_the_provider_reaches_the_next_incremental_pass(
    runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport], request: pytest.FixtureRequest,
    provider_name: str,
) -> None:
    harness = build_harness(provider_name, request)
    transports.update(harness.transports())
    tenant = await harness.tenant(runtime)
    async with api_client(runtime) as api:
        body = await seed_body(api, tenant, harness, **{**PLAIN, "status": "DRAFT", "number": None})
        created = await api.post("/accounting/invoices", json=body, headers=tenant.headers)
    assert created.status_code == 201, created.text
    invoice = created.json()
    await sync_connection(runtime, tenant.connection, objects=["invoice"])

    # Deleted at the provider directly: both delete a draft receivable invoice they are asked to void.
    connector = runtime.connector(tenant.connection)
    async with runtime.engine.connect() as db:
        key = (await db.execute(select(records.c.remote_key).where(records.c.id == invoice["id"]))).scalar_one()
    assert (await connector.void("invoice", key, expected_version=None, request_key="t")).record.deleted

    report = await sync_connection(runtime, tenant.connection, objects=["invoice"])
    assert report.full == {"invoice": False} and report.deleted == {"invoice": 1}
    async with api_client(runtime) as api:
        stored = await api.get(f"/accounting/invoices/{invoice['id']}", headers=tenant.headers)
    assert stored.status_code == 200, stored.text
    kept = stored.json()
    assert kept["remote_was_deleted"] is True
    for field in ("contact_id", "total_amount", "line_items", "issue_date", "currency"):
        assert kept[field] == invoice[field], field
    assert harness.contract_violations() == []
