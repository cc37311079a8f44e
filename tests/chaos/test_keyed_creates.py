"""Many keyed creates while a fifth of the provider's invoice writes fail every way providers fail: exactly one
invoice per key at the provider and in the store. An unkeyed control run under the same faults makes duplicates,
which shows the faults bite.

``LEDGERBRIDGE_CHAOS_WRITES`` sets how many keyed creates (default 200; ``make chaos`` runs 1,000).
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from ledgerbridge.sandbox.faults import AFTER_COMMIT, Fault, FaultKind
from tests.chaos.conftest import plan
from tests.factories import Tenant, everything, first
from tests.providers import Harness

WRITES = int(os.environ.get("LEDGERBRIDGE_CHAOS_WRITES", "200"))
CONTROL = 100  # unkeyed creates in the control run
RATE = 0.2  # of the provider's invoice writes that fail
CLIENTS = 8  # callers creating at once
SEED = 20261207

#: every way a provider write fails, in equal shares of RATE: (kind, status, Retry-After)
MIX: list[tuple[FaultKind, int, int | None]] = [
    ("status", 429, 1), ("status", 500, None), ("status", 503, None),
    ("commit_timeout", 0, None), ("commit_disconnect", 0, None), ("disconnect", 0, None),
]


def arm_chaos(harness: Harness) -> None:
    faults = plan(harness)
    faults.reseed(SEED)
    for kind, status, retry_after in MIX:
        faults.add(Fault(kind=kind, status=status, retry_after=retry_after, rate=RATE / len(MIX),
                         path_contains=harness.invoice_write_path, method=harness.invoice_write_method))
    # The provider remembers only its last few keys, so a caller's retry (which comes after other writes) finds
    # its key forgotten, as with real providers' hours-long memories and a caller that retries later.
    assert faults.key_memory is not None
    faults.key_memory(10)


def body(customer: str, i: int, tag: str) -> dict[str, Any]:
    # No number: the provider numbers invoices itself, so a duplicate is a second invoice, not a refused one.
    return {"type": "ACCOUNTS_RECEIVABLE", "contact_id": customer, "issue_date": "2024-06-15T12:00:00Z",
            "memo": f"{tag} {i}", "line_items": [{"description": f"{tag} line {i}", "quantity": 1,
                                                  "unit_price": f"{10 + i % 90}.{i % 100:02d}"}]}


async def run_clients(jobs: list[Callable[[], Awaitable[httpx.Response]]]) -> list[tuple[dict[str, Any], int]]:
    """Run the jobs on CLIENTS callers; a failed call goes to the back of the queue, so its retry comes later."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(jobs)):
        queue.put_nowait(index)
    answers: dict[int, tuple[dict[str, Any], int]] = {}
    tries = [0] * len(jobs)

    async def caller() -> None:
        while not queue.empty():
            index = queue.get_nowait()
            response = await jobs[index]()
            tries[index] += 1
            if response.status_code == 201:
                answers[index] = (response.json(), tries[index])
                continue
            assert response.status_code in (409, 429, 502), response.text
            assert tries[index] < 50, "a create never succeeded"
            if response.status_code == 429:
                await asyncio.sleep(float(response.headers.get("Retry-After", "1")))
            queue.put_nowait(index)

    await asyncio.gather(*(caller() for _ in range(CLIENTS)))
    return [answers[i] for i in range(len(jobs))]


async def stored_invoices(api: httpx.AsyncClient, tenant: Tenant) -> int:
    return len(await everything(api, tenant, "/accounting/invoices"))


async def test_keyed_creates_under_faults_make_exactly_one_invoice_each(
    api: httpx.AsyncClient, lossy_tenant: Tenant, lossy: Harness
) -> None:
    customer = (await first(api, lossy_tenant, "/accounting/contacts", is_customer=True))["id"]
    provider_before, store_before = await lossy.invoice_count(), await stored_invoices(api, lossy_tenant)
    arm_chaos(lossy)
    run = uuid.uuid4().hex[:8]

    def keyed(i: int) -> Callable[[], Awaitable[httpx.Response]]:
        headers = {**lossy_tenant.headers, "Idempotency-Key": f"chaos-{run}-{i}"}
        return lambda: api.post("/accounting/invoices", json=body(customer, i, "keyed"), headers=headers)

    started = time.monotonic()
    answers = await run_clients([keyed(i) for i in range(WRITES)])
    elapsed = time.monotonic() - started
    counts = dict(plan(lossy).counts)
    plan(lossy).clear()

    retried = sum(1 for _, tries in answers if tries > 1)
    print(f"\n[chaos] {lossy.name}: {WRITES} keyed creates in {elapsed:.1f}s, {retried} retried by the caller, "
          f"faults {counts}")
    assert sum(counts.get(kind, 0) for kind in AFTER_COMMIT) > 0, "no answer was lost after a commit"
    assert retried > 0
    assert len({answer["id"] for answer, _ in answers}) == WRITES
    assert [answer["memo"] for answer, _ in answers] == [f"keyed {i}" for i in range(WRITES)]
    assert await lossy.invoice_count() == provider_before + WRITES
    assert await stored_invoices(api, lossy_tenant) == store_before + WRITES


async def test_unkeyed_creates_under_the_same_faults_duplicate(
    api: httpx.AsyncClient, lossy_tenant: Tenant, lossy: Harness
) -> None:
    """The control: without an Idempotency-Key a caller's retry after a lost answer is a second invoice."""
    customer = (await first(api, lossy_tenant, "/accounting/contacts", is_customer=True))["id"]
    provider_before = await lossy.invoice_count()
    arm_chaos(lossy)

    def unkeyed(i: int) -> Callable[[], Awaitable[httpx.Response]]:
        return lambda: api.post("/accounting/invoices", json=body(customer, i, "unkeyed"),
                                headers=lossy_tenant.headers)

    await run_clients([unkeyed(i) for i in range(CONTROL)])
    plan(lossy).clear()
    duplicates = await lossy.invoice_count() - provider_before - CONTROL
    print(f"\n[chaos] {lossy.name}: {CONTROL} unkeyed creates left {duplicates} duplicates")
    assert duplicates > 0
