"""Freshness: a record changed, voided or deleted directly at the provider → our ``accounting.<object>.updated|
deleted`` webhook delivered. Latency (p50/p99) and provider calls per change, with provider notifications on
and off, for QuickBooks and Xero.

Not a test: a benchmark. Everything runs in one process and one event loop — Ledgerbridge (SQLite in a temporary
directory), both sandboxes, the webhook outbox, a webhook receiver — over in-process ASGI transports, so the
figures are Ledgerbridge's own delays (batching, polling, fetching, the outbox), not a network's::

    .venv/bin/python bench/freshness.py                        # 5 of each change per provider, poll every 30 s
    .venv/bin/python bench/freshness.py --changes 10 --poll-seconds 60 --window 1
    .venv/bin/python bench/freshness.py --adaptive --timeout 100  # the scheduler's adaptive polling, 60 s ticks

In both modes the connection is polled (the safety net): every ``--poll-seconds``, every object; or with
``--adaptive`` as the scheduler does, every ``--tick`` seconds the objects due (``sync.schedule.due_objects``).
With notifications on, the sandboxes also send their change notifications (batched for ``--window`` seconds, like
the services). Changes are made straight in the sandbox (never through Ledgerbridge), one every ``--spacing``
seconds. A change whose webhook does not come within ``--timeout`` seconds is counted as missed. Incremental
QuickBooks polls read invoices through CDC, which reports deletions too. Rate limits are lifted: this measures
freshness, not quota (calls per change shows the quota cost).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from ledgerbridge import egress, wire
from ledgerbridge.api.app import create_app
from ledgerbridge.connect import connect
from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials as qbo_credentials
from ledgerbridge.connectors.xero.spec import sandbox_credentials as xero_credentials
from ledgerbridge.ids import record_id
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sandbox.quickbooks import create_app as qbo_app
from ledgerbridge.sandbox.quickbooks.query import parse as qbo_query
from ledgerbridge.sandbox.quickbooks.webhooks import QuickBooksWebhooks
from ledgerbridge.sandbox.xero import XeroSandbox
from ledgerbridge.sandbox.xero import create_app as xero_app
from ledgerbridge.sandbox.xero.dates import ms_date
from ledgerbridge.sandbox.xero.unitofwork import UnitOfWork
from ledgerbridge.sandbox.xero.webhooks import XeroWebhooks
from ledgerbridge.settings import Settings
from ledgerbridge.store import tenancy
from ledgerbridge.store.db import upgrade
from ledgerbridge.sync import schedule
from ledgerbridge.sync.engine import sync_connection
from ledgerbridge.webhooks import delivery

HOOK = "http://receiver.bench/hook"
KEY = "bench-notification-key"
UNLIMITED = {"rate_per_minute": 10**7}


async def _receiver_dns(host: str, port: int) -> list[str]:
    """The receiver is a made-up name behind a mock transport; deliveries pass the egress policy, which resolves
    the name first: answer it with a public address (nothing connects to it)."""
    if host == httpx.URL(HOOK).host:
        return ["93.184.216.34"]
    return await egress.system_resolve(host, port)


egress.resolve = _receiver_dns


class CountingTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner, self.calls = inner, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return await self.inner.handle_async_request(request)


@dataclass
class Receiver:
    """Our webhook receiver: when each record's first updated/deleted event arrived, after a mark."""

    arrivals: dict[str, float] = field(default_factory=dict)
    watching: set[str] = field(default_factory=set)
    expected: int | None = None  # set once every change is made: then ``done`` is set when all arrived
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        payload = wire.loads(request.content)
        record = str((payload.get("data") or {}).get("id"))
        if record in self.watching and payload["type"].rsplit(".", 1)[-1] in ("updated", "deleted"):
            self.arrivals.setdefault(record, time.monotonic())
        self.check()
        return httpx.Response(204)

    def check(self) -> None:
        if self.expected is not None and len(self.arrivals) >= self.expected:
            self.done.set()


@dataclass
class Provider:
    name: str
    object_name: str
    sandbox: Any
    account: str
    counter: CountingTransport
    connection: tenancy.Connection | None = None
    poll_calls: int = 0
    hooks: Any = None
    #: kind → (make the change at the sandbox, return the remote key)
    changes: dict[str, Callable[[], str]] = field(default_factory=dict)


def quickbooks(window: float) -> Provider:
    sandbox = QuickBooksSandbox(rate_per_minute=10**9, max_concurrent=10**6)
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm, invoices=40)
    provider = Provider("quickbooks", "invoice", sandbox, realm,
                        CountingTransport(httpx.ASGITransport(app=qbo_app(sandbox))))
    used: set[str] = set()

    def invoice() -> dict[str, Any]:
        rows = sandbox.run_query(realm, qbo_query("select * from Invoice maxresults 1000"))["Invoice"]
        found = next(r for r in rows if r["Id"] not in used and not r.get("LinkedTxn"))
        used.add(found["Id"])
        return found  # type: ignore[no-any-return]

    def update() -> str:
        row = invoice()
        sandbox.write(realm, "Invoice", {"Id": row["Id"], "SyncToken": row["SyncToken"], "sparse": True,
                                         "DueDate": "2031-01-31"})
        return f"Invoice/{row['Id']}"

    def operation(name: str) -> Callable[[], str]:
        def change() -> str:
            row = invoice()
            sandbox.write(realm, "Invoice", {"Id": row["Id"], "SyncToken": row["SyncToken"]}, operation=name)
            return f"Invoice/{row['Id']}"
        return change

    # Books in use: a change today, so the first pass leaves the position within CDC's 30 days (the demo books date
    # from 2025; from an older position incremental passes read with queries, which never show a deletion).
    in_use = invoice()
    sandbox.write(realm, "Invoice", {"Id": in_use["Id"], "SyncToken": in_use["SyncToken"], "sparse": True,
                                     "PrivateNote": "in use"})
    provider.changes = {"update": update, "void": operation("void"), "delete": operation("delete")}
    provider.hooks = QuickBooksWebhooks(sandbox, window=window, retry_delays=(5.0, 30.0))
    return provider


def xero(window: float) -> Provider:
    sandbox = XeroSandbox(rate_per_minute=10**9, max_concurrent=10**6, rate_per_day=10**9)
    tenant = sandbox.create_tenant()
    sandbox.seed_demo(tenant, invoices=40)
    provider = Provider("xero", "invoice", sandbox, tenant,
                        CountingTransport(httpx.ASGITransport(app=xero_app(sandbox))))
    used: set[str] = set()

    def change(status: str | None) -> Callable[[], str]:
        def make() -> str:
            rows, _ = sandbox.store.query(tenant, "Invoices")
            wanted = ("DRAFT", "SUBMITTED") if status == "DELETED" else ("AUTHORISED", "DRAFT", "SUBMITTED")
            row = next(r for r in rows if r["InvoiceID"] not in used and r["Status"] in wanted
                       and not r.get("Payments"))
            used.add(row["InvoiceID"])
            uow = UnitOfWork(sandbox.store, tenant)
            row.update(Reference=f"changed {uuid.uuid4().hex[:6]}", UpdatedDateUTC=ms_date(uow.stamp()))
            if status is not None:
                row["Status"] = status
            uow.put("Invoices", row)
            uow.commit()
            return str(row["InvoiceID"])
        return make

    provider.changes = {"update": change(None), "void": change("VOIDED"), "delete": change("DELETED")}
    provider.hooks = XeroWebhooks(sandbox, window=window, retry_delays=(5.0, 30.0))
    return provider


async def setup(runtime: Runtime, api: httpx.AsyncClient, provider: Provider, *, notifications: bool) -> None:
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name=f"bench {provider.name}")
        key = await tenancy.create_api_key(db, project_id=project.id)
    make = qbo_credentials if provider.name == "quickbooks" else xero_credentials
    base = "http://qbo" if provider.name == "quickbooks" else "http://xero"
    provider.connection = await connect(runtime, project_id=project.id, provider=provider.name,
                                        account_id=provider.account,
                                        credentials=make(provider.sandbox, provider.account, base) | UNLIMITED)
    await sync_connection(runtime, provider.connection)
    hook = await api.post("/webhooks", headers={"x-api-key": key},
                          json={"url": HOOK, "scope": ["accounting.*"], "description": "bench"})
    assert hook.status_code == 201, hook.text
    if notifications:
        answer = await api.put(f"/notifications/{provider.name}/key", json={"key": KEY}, headers={"x-api-key": key})
        provider.hooks.subscribe(answer.json()["path"], KEY, {provider.account})


async def poll(runtime: Runtime, provider: Provider) -> None:
    """One scheduled pass (the safety net), its provider calls counted apart."""
    assert provider.connection is not None
    before = provider.counter.calls
    try:
        await sync_connection(runtime, provider.connection)
    finally:
        provider.poll_calls += provider.counter.calls - before


async def poll_due(runtime: Runtime, provider: Provider) -> None:
    """One scheduler tick with adaptive polling: the objects due, if any (as ``jobs.tasks.sync(scheduled=True)``)."""
    assert provider.connection is not None
    async with runtime.engine.connect() as db:
        connection = await tenancy.get_connection(db, project_id=provider.connection.project_id,
                                                  connection_id=provider.connection.id)
        assert connection is not None
        objects = await schedule.due_objects(db, connection, now=dt.datetime.now(dt.UTC))
    if not objects:
        return
    before = provider.counter.calls
    try:
        await sync_connection(runtime, connection, objects=objects)
    finally:
        provider.poll_calls += provider.counter.calls - before


async def _every(seconds: float, action: Callable[[], Any]) -> None:
    while True:
        await asyncio.sleep(seconds)
        with contextlib.suppress(Exception):
            await action()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


async def run(args: argparse.Namespace, *, notifications: bool) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as data_dir:
        providers = [quickbooks(args.window), xero(args.window)]
        receiver = Receiver()
        transports: dict[str, httpx.AsyncBaseTransport] = {p.name: p.counter for p in providers}
        transports[delivery.CLIENT] = httpx.MockTransport(receiver)
        runtime = Runtime(Settings(data_dir=Path(data_dir)), transports=transports)
        await upgrade(runtime.engine)
        app = create_app(runtime)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://lb") as api:
            for provider in providers:
                await setup(runtime, api, provider, notifications=notifications)
            await delivery.deliver_due(runtime)  # whatever the setup produced
            tasks = [asyncio.create_task(delivery.run_forever(runtime, interval=0.2))]
            for provider in providers:
                assert provider.connection is not None
                if args.adaptive:
                    tasks.append(asyncio.create_task(_every(args.tick, lambda p=provider: poll_due(runtime, p))))
                else:
                    tasks.append(asyncio.create_task(_every(args.poll_seconds, lambda p=provider: poll(runtime, p))))
                if notifications:
                    tasks.append(asyncio.create_task(_every(0.1, lambda p=provider: p.hooks.notifier.flush(api))))
            calls_before = {p.name: p.counter.calls for p in providers}
            made: list[tuple[Provider, str, str, float]] = []  # provider, kind, record id, when
            for _ in range(args.changes):
                for provider in providers:
                    for kind, change in provider.changes.items():
                        remote_key = change()
                        assert provider.connection is not None
                        record = str(record_id(provider.connection.id, provider.object_name, remote_key))
                        receiver.watching.add(record)
                        made.append((provider, kind, record, time.monotonic()))
                        await asyncio.sleep(args.spacing)
            receiver.expected = len(made)
            receiver.check()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(receiver.done.wait(), timeout=args.timeout)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            rows = []
            for provider in providers:
                mine = [m for m in made if m[0] is provider]
                calls = provider.counter.calls - calls_before[provider.name]
                for kind in provider.changes:
                    latencies = [receiver.arrivals[r] - at for p, k, r, at in mine
                                 if k == kind and r in receiver.arrivals]
                    count = sum(1 for m in mine if m[1] == kind)
                    rows.append({
                        "provider": provider.name, "change": kind, "count": count,
                        "received": len(latencies),
                        "p50": statistics.median(latencies) if latencies else None,
                        "p99": _percentile(latencies, 0.99) if latencies else None,
                    })
                rows.append({"provider": provider.name, "change": "all", "count": len(mine),
                             "calls_per_change": calls / len(mine),
                             "fetch_calls_per_change": (calls - provider.poll_calls) / len(mine)})
        await runtime.aclose()
    return rows


def report(rows: list[dict[str, Any]], notifications: bool) -> None:
    print(f"\nnotifications {'ON' if notifications else 'OFF'}")
    print(f"{'provider':<11} {'change':<7} {'received':>9} {'p50 s':>7} {'p99 s':>7}")
    for row in rows:
        if row["change"] == "all":
            print(f"{row['provider']:<11} provider calls per change: {row['calls_per_change']:.2f} "
                  f"({row['fetch_calls_per_change']:.2f} by notified fetches, the rest by polls)")
            continue
        p50 = "-" if row["p50"] is None else f"{row['p50']:.2f}"
        p99 = "-" if row["p99"] is None else f"{row['p99']:.2f}"
        print(f"{row['provider']:<11} {row['change']:<7} {row['received']:>4}/{row['count']:<4} {p50:>7} {p99:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=5, help="changes of each kind per provider")
    parser.add_argument("--poll-seconds", type=float, default=30.0, help="the pull period (both modes)")
    parser.add_argument("--window", type=float, default=1.0, help="seconds a sandbox batches notifications")
    parser.add_argument("--spacing", type=float, default=0.5, help="seconds between two changes")
    parser.add_argument("--timeout", type=float, default=75.0, help="seconds to wait for the last webhooks")
    parser.add_argument("--only", choices=["on", "off"], help="run one mode only")
    parser.add_argument("--adaptive", action="store_true", help="poll as the scheduler does: due objects per tick")
    parser.add_argument("--tick", type=float, default=60.0, help="seconds between scheduler ticks (--adaptive)")
    args = parser.parse_args()
    polling = (f"adaptive polling, a tick every {args.tick:g} s" if args.adaptive
               else f"poll every {args.poll_seconds:g} s")
    print(f"freshness: {args.changes} of each change per provider, {polling}, notification window {args.window:g} s")
    for notifications in (True, False):
        if args.only and args.only != ("on" if notifications else "off"):
            continue
        report(asyncio.run(run(args, notifications=notifications)), notifications)


if __name__ == "__main__":
    main()
