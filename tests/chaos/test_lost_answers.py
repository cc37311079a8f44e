"""Each way a keyed create can fail, one at a time, on QuickBooks and Xero: a lost answer never frees the key, a
retry finds out what the provider did before sending anything again, and the provider ends with one invoice."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.faults import Fault, FaultKind
from ledgerbridge.service import pending
from tests.chaos.conftest import plan
from tests.factories import Tenant, everything, first
from tests.providers import Harness


async def invoice_body(api: httpx.AsyncClient, tenant: Tenant, memo: str) -> dict[str, Any]:
    customer = await first(api, tenant, "/accounting/contacts", is_customer=True)
    return {"type": "ACCOUNTS_RECEIVABLE", "contact_id": customer["id"], "issue_date": "2024-06-15T12:00:00Z",
            "memo": memo, "line_items": [{"description": memo, "quantity": 1, "unit_price": "12.50"}]}


def arm(harness: Harness, kind: FaultKind, **fields: Any) -> None:
    plan(harness).add(Fault(kind=kind, path_contains=harness.invoice_write_path,
                            method=harness.invoice_write_method, **fields))


async def stored(api: httpx.AsyncClient, tenant: Tenant) -> int:
    return len(await everything(api, tenant, "/accounting/invoices"))


def keyed(tenant: Tenant, key: str) -> dict[str, str]:
    return {**tenant.headers, "Idempotency-Key": key}


@pytest.mark.parametrize("kind", ["commit_timeout", "commit_disconnect"])
async def test_an_answer_lost_after_the_commit_is_found_by_the_retry(
    api: httpx.AsyncClient, lossy_tenant: Tenant, lossy: Harness, kind: FaultKind
) -> None:
    body = await invoice_body(api, lossy_tenant, f"lost {kind}")
    before, listed = await lossy.invoice_count(), await stored(api, lossy_tenant)
    arm(lossy, kind)
    lost = await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, "lost-1"))
    assert lost.status_code == 502, lost.text
    assert "same Idempotency-Key" in lost.json()["message"]
    assert await lossy.invoice_count() == before + 1  # the provider wrote it; we never heard
    assert await stored(api, lossy_tenant) == listed

    retried = await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, "lost-1"))
    assert retried.status_code == 201, retried.text
    assert retried.headers.get("Idempotent-Replayed") is None
    invoice = retried.json()
    assert invoice["memo"] == f"lost {kind}"  # the marker the lookup used is not part of the caller's memo
    assert await lossy.remote_invoice(invoice["remote_id"]) is not None
    assert await lossy.invoice_count() == before + 1
    assert await stored(api, lossy_tenant) == listed + 1

    again = await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, "lost-1"))
    assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    assert again.json()["id"] == invoice["id"]


async def test_a_provider_that_forgot_its_key_is_asked_by_the_marker(
    api: httpx.AsyncClient, lossy_tenant: Tenant, lossy: Harness
) -> None:
    body = await invoice_body(api, lossy_tenant, "forgotten")
    before = await lossy.invoice_count()
    arm(lossy, "commit_disconnect")
    assert (await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, "forgot"))).status_code == 502
    forget = plan(lossy).forget_keys
    assert forget is not None
    forget()  # a re-send now would be a second invoice: only the lookup can tell
    retried = await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, "forgot"))
    assert retried.status_code == 201, retried.text
    assert await lossy.invoice_count() == before + 1


@pytest.mark.parametrize("kind", ["disconnect", "timeout", "status"])
async def test_an_answer_lost_before_the_write_is_created_by_the_retry(
    api: httpx.AsyncClient, lossy_tenant: Tenant, lossy: Harness, kind: FaultKind
) -> None:
    """A drop, a timeout or a 500 before the provider acted looks the same to us as one after: the retry finds
    nothing at the provider and creates it (under the same provider key)."""
    body = await invoice_body(api, lossy_tenant, f"early {kind}")
    before = await lossy.invoice_count()
    arm(lossy, kind, status=500)
    lost = await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, f"early-{kind}"))
    assert lost.status_code == 502, lost.text
    assert await lossy.invoice_count() == before
    changed = {**body, "memo": "another body"}  # the key is kept: it is still this request's
    assert (await api.post("/accounting/invoices", json=changed,
                           headers=keyed(lossy_tenant, f"early-{kind}"))).status_code == 422
    retried = await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, f"early-{kind}"))
    assert retried.status_code == 201, retried.text
    assert await lossy.invoice_count() == before + 1


# (429 and 4xx are classified like 503 by connectors/http.py: see test_faults.py)
@pytest.mark.parametrize(("kind", "status"), [("status", 503), ("refuse", 0)])
async def test_a_definite_failure_releases_the_key(
    api: httpx.AsyncClient, lossy_tenant: Tenant, lossy: Harness, kind: FaultKind, status: int
) -> None:
    body = await invoice_body(api, lossy_tenant, "refused")
    before = await lossy.invoice_count()
    arm(lossy, kind, status=status, retry_after=0)
    failed = await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, "definite"))
    assert failed.status_code in (422, 429, 502), failed.text
    assert "same Idempotency-Key" not in failed.json()["message"]
    # Released: the key is free for any request, as before (nothing was written).
    other = {**body, "memo": "a different body under the freed key"}
    created = await api.post("/accounting/invoices", json=other, headers=keyed(lossy_tenant, "definite"))
    assert created.status_code == 201, created.text
    assert await lossy.invoice_count() == before + 1


async def test_the_background_pass_resolves_what_the_caller_never_retried(
    api: httpx.AsyncClient, runtime: Runtime, lossy_tenant: Tenant, lossy: Harness
) -> None:
    found_body = await invoice_body(api, lossy_tenant, "written, never retried")
    absent_body = await invoice_body(api, lossy_tenant, "not written, never retried")
    before = await lossy.invoice_count()
    arm(lossy, "commit_timeout")
    assert (await api.post("/accounting/invoices", json=found_body,
                           headers=keyed(lossy_tenant, "bg-written"))).status_code == 502
    arm(lossy, "disconnect")
    assert (await api.post("/accounting/invoices", json=absent_body,
                           headers=keyed(lossy_tenant, "bg-absent"))).status_code == 502
    listed = await stored(api, lossy_tenant)

    young = await pending.resolve(runtime, lossy_tenant.connection)  # within the grace period: left alone
    assert (young.created, young.not_created) == (0, 0)
    report = await pending.resolve(runtime, lossy_tenant.connection, grace=dt.timedelta(0))
    assert (report.created, report.not_created, report.unknown) == (1, 1, 0)
    assert await stored(api, lossy_tenant) == listed + 1  # stored without the caller asking
    assert await lossy.invoice_count() == before + 1  # and nothing sent

    replayed = await api.post("/accounting/invoices", json=found_body, headers=keyed(lossy_tenant, "bg-written"))
    assert replayed.status_code == 201 and replayed.headers.get("Idempotent-Replayed") == "true"
    created = await api.post("/accounting/invoices", json=absent_body, headers=keyed(lossy_tenant, "bg-absent"))
    assert created.status_code == 201 and created.headers.get("Idempotent-Replayed") is None
    assert await lossy.invoice_count() == before + 2


async def test_an_object_without_a_lookup_keeps_its_key_and_says_so(
    api: httpx.AsyncClient, lossy_tenant: Tenant, lossy: Harness
) -> None:
    """Contacts have no lookup by marker: a lost answer cannot be resolved, so the retry is a 409 that says
    why, and nothing is sent again."""
    path = "/customer" if lossy.name == "quickbooks" else "/Contacts"
    plan(lossy).add(Fault(kind="commit_timeout", path_contains=path, method="POST" if lossy.name == "quickbooks"
                          else "PUT"))
    body = {"name": f"Lost Contact {uuid.uuid4().hex[:6]}", "is_customer": True}
    lost = await api.post("/accounting/contacts", json=body, headers=keyed(lossy_tenant, "contact"))
    assert lost.status_code == 502, lost.text
    retried = await api.post("/accounting/contacts", json=body, headers=keyed(lossy_tenant, "contact"))
    assert retried.status_code == 409, retried.text
    assert "cannot ask" in retried.json()["message"]
    assert (await api.post("/accounting/contacts", json=body,
                           headers=keyed(lossy_tenant, "contact"))).status_code == 409


async def test_the_sync_job_runs_the_background_pass(
    api: httpx.AsyncClient, runtime: Runtime, lossy_tenant: Tenant, lossy: Harness
) -> None:
    from ledgerbridge.jobs import tasks

    body = await invoice_body(api, lossy_tenant, "resolved by the sync job")
    arm(lossy, "commit_disconnect")
    assert (await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, "job"))).status_code == 502
    runtime.settings.uncertain_write_grace_seconds = 0
    connection = lossy_tenant.connection
    await tasks.sync(runtime, project_id=str(connection.project_id), connection_id=str(connection.id))
    replayed = await api.post("/accounting/invoices", json=body, headers=keyed(lossy_tenant, "job"))
    assert replayed.status_code == 201 and replayed.headers.get("Idempotent-Replayed") == "true"
    assert replayed.json()["memo"] == "resolved by the sync job"
