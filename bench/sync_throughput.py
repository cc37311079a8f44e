"""Sync throughput: 100,000 QuickBooks invoices (with lines) into a fresh PostgreSQL database, under the sandbox's
rate limits with a time-scale knob (a quota minute lasts 60/time_scale seconds; the client's budget is scaled the
same way, so the ratios are the provider's).

    .venv/bin/python bench/sync_throughput.py [--invoices 100000] [--time-scale 1] [--rate-time-scale 3 1]

The sandbox runs in its own process (uvicorn), seeded there, so the syncing process's RSS is its own. Measured:

* initial full sync at QBO's page size (1000): elapsed, calls, 429s, records/s overall and inside ``bulk.ingest``;
* a rate-bound full sync of the invoices at 100 per page (10× the calls), once per ``--rate-time-scale``, for the
  fraction of the scaled ceiling achieved: calls / (elapsed × ceiling), and the 429s seen; with the CPU per
  record of the sync process and per call of the sandbox process, which say whether either single process could
  keep up with that ceiling at all (on this 2-core machine both share the cores with PostgreSQL);
* the incremental sync after 100 invoices change at the provider: calls, seconds, records written;
* peak RSS of this process after the syncs (``ru_maxrss``);
* the store's ingest rate alone: 100k pre-mapped records upserted in pages of 1,000 (insert, then unchanged
  replay), through ``records.upsert`` (the API's write path) and through ``bulk.ingest`` (the sync's). Before
  these, the pre-mapped records are moved out of the garbage collector's sight (``gc.freeze``), and the collector
  is set as during a sync (:mod:`ledgerbridge.sync.garbage`): a sync never holds 100k records, and the collector
  re-scanning this fixture would be measured instead of the store.

PostgreSQL comes from ``LEDGERBRIDGE_TEST_POSTGRES`` (default postgres@127.0.0.1:5432); a scratch database is
created and dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import datetime as dt
import gc
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_ADMIN_URL = os.environ.get(
    "LEDGERBRIDGE_TEST_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
QBO_PER_MINUTE, QBO_CONCURRENT = 500, 10
CHANGED = 100


# ---------------------------------------------------------------------------------------------- sandbox process
def serve(invoices: int, time_scale: float, port: int) -> None:
    """The sandbox process: seed, print the credentials as one JSON line, then serve until killed."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Mount, Route

    from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials as quickbooks_credentials
    from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app

    sandbox = QuickBooksSandbox(time_scale=time_scale, rate_per_minute=QBO_PER_MINUTE, max_concurrent=QBO_CONCURRENT)
    realm = sandbox.create_realm()
    real_clock = sandbox.clock
    # Seed as of an hour ago, so the incremental sync's overlap window (5 min) holds only the changes we make.
    sandbox.clock = lambda: real_clock() - 3600
    sandbox.seed_demo(realm)
    started = time.perf_counter()
    sandbox.seed_invoices(realm, invoices)
    seeded = time.perf_counter() - started
    sandbox.clock = real_clock
    base = f"http://127.0.0.1:{port}"
    credentials = quickbooks_credentials(sandbox, realm, base)

    async def change(request: Request) -> JSONResponse:
        # Outside the rate limiter: this is "the accountant edits 100 invoices", not our client's traffic.
        count = int(request.query_params.get("n", CHANGED))
        rows = sandbox.store.select(
            "SELECT id FROM entities WHERE realm=? AND entity='Invoice' AND deleted=0 ORDER BY num LIMIT ?",
            [realm, count],
        )
        for (entity_id,) in rows:
            doc = sandbox.read(realm, "Invoice", entity_id)
            sandbox.write(realm, "Invoice", {"Id": entity_id, "SyncToken": doc["SyncToken"], "sparse": True,
                                             "PrivateNote": f"bench edit {time.time():.6f}"})
        return JSONResponse({"changed": len(rows)})

    app = Starlette(routes=[Route("/_bench/change", change, methods=["POST"]), Mount("/", app=create_app(sandbox))])
    print(json.dumps({"credentials": credentials, "realm": realm, "seed_seconds": seeded}), flush=True)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def sandbox_process(invoices: int, time_scale: float) -> Iterator[tuple[dict[str, Any], int, float]]:
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--invoices", str(invoices), "--time-scale", str(time_scale),
         "--port", str(port)],
        stdout=subprocess.PIPE, env=env, text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox process died while seeding")
        info = json.loads(line)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            with contextlib.suppress(httpx.TransportError):
                httpx.get(f"{base}/.well-known/openid_configuration", timeout=1)
                break
            time.sleep(0.05)
        yield info["credentials"], process.pid, info["seed_seconds"]
    finally:
        process.terminate()
        process.wait(10)


# ------------------------------------------------------------------------------------------------ instruments
class CountingTransport(httpx.AsyncBaseTransport):
    """Counts the provider's answers by status: the 429s are what a budget that matches the quota avoids."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=20))
        self.statuses: Counter[int] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        self.statuses[response.status_code] += 1
        return response

    def snapshot(self) -> Counter[int]:
        return Counter(self.statuses)

    async def aclose(self) -> None:
        await self.inner.aclose()


class UpsertTimer:
    """Wraps ``bulk.ingest`` (as the engine calls it): time spent, records in, records actually written."""

    def __init__(self) -> None:
        from ledgerbridge.store import bulk

        self.module = bulk
        self.original = bulk.ingest
        self.seconds = 0.0
        self.count = 0
        self.written = 0

    def install(self) -> None:
        async def timed(connection: Any, scope: Any, items: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            out = await self.original(connection, scope, items, **kwargs)
            self.seconds += time.perf_counter() - started
            self.count += out.written + out.unchanged
            self.written += len(out.changed)
            return out

        self.module.ingest = timed  # type: ignore[assignment]

    def reset(self) -> None:
        self.seconds, self.count, self.written = 0.0, 0, 0


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU of a process (this one by default): is the sandbox or the syncing side the bottleneck?"""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# -------------------------------------------------------------------------------------------------- the bench
async def _scratch_database() -> tuple[str, str]:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    name = f"lb_bench_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as db:
        await db.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return name, POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


async def _drop_database(name: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    admin = create_async_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as db:
        await db.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


async def _new_connection(runtime: Any, credentials: dict[str, Any], realm: str) -> Any:
    from ledgerbridge.connect import connect
    from ledgerbridge.store import tenancy

    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name=f"bench {uuid.uuid4().hex[:6]}")
        user = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="bench")
    return await connect(runtime, project_id=project.id, provider="quickbooks", linked_user_id=user,
                         account_id=realm, credentials=credentials)


async def _timed_sync(runtime: Any, connection: Any, transport: CountingTransport, timer: UpsertTimer,
                      sandbox_pid: int, **options: Any) -> dict[str, Any]:
    from ledgerbridge.sync.engine import sync_connection

    before = transport.snapshot()
    timer.reset()
    cpu, sandbox_cpu = cpu_seconds(), cpu_seconds(sandbox_pid)
    started = time.perf_counter()
    report = await sync_connection(runtime, connection, **options)
    elapsed = time.perf_counter() - started
    statuses = transport.snapshot() - before
    return {"elapsed": elapsed, "calls": sum(statuses.values()), "429": statuses.get(429, 0),
            "records": report.total, "upsert_s": timer.seconds, "upserted": timer.count, "written": timer.written,
            "cpu": (cpu_seconds() - cpu) / elapsed, "sandbox_cpu": (cpu_seconds(sandbox_pid) - sandbox_cpu) / elapsed,
            "cpu_per_record": (cpu_seconds() - cpu) / max(report.total, 1)}


async def _ingest(runtime: Any, scope: Any, items: list[Any], page: int, upsert: Any) -> tuple[float, float]:
    """Seconds to upsert ``items`` in pages of ``page``, one transaction each (as the sync does): new, then replay."""
    out = []
    for _ in range(2):
        now = dt.datetime.now(dt.UTC)
        started = time.perf_counter()
        for start in range(0, len(items), page):
            async with runtime.engine.begin() as db:
                await upsert(db, scope, items[start : start + page], now=now)
        out.append(time.perf_counter() - started)
    return out[0], out[1]


async def _premapped(runtime: Any, connection: Any) -> list[Any]:
    """The synced invoices, back as RemoteRecords: what a connector hands the store, mapping already done."""
    from sqlalchemy import select

    from ledgerbridge.connectors.base import RemoteRecord
    from ledgerbridge.objects import spec
    from ledgerbridge.store.tables import records

    model = spec("invoice").model
    async with runtime.engine.connect() as db:
        rows = (await db.execute(select(records.c.remote_id, records.c.remote_key, records.c.data,
                                        records.c.remote_data, records.c.remote_updated_at).where(
            records.c.project_id == str(connection.project_id),
            records.c.connection_id == str(connection.id), records.c.object_type == "invoice"))).all()
    return [RemoteRecord(object="invoice", remote_key=r.remote_key, remote_id=r.remote_id,
                         data=model.model_validate_json(r.data), remote_data=json.loads(r.remote_data or "null"),
                         remote_updated_at=r.remote_updated_at) for r in rows]


async def _rate_bound(engine: Any, secret: str, timer: UpsertTimer, invoices: int, rate_time_scale: float
                      ) -> list[tuple[str, str]]:
    """A full sync of the invoices at 100 a page under the scaled quota: the fraction of the ceiling reached, and
    whether this one process had the CPU to reach it (CPU per record × the records/s the ceiling allows)."""
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.settings import Settings

    page = 100
    with tempfile.TemporaryDirectory() as data_dir, sandbox_process(invoices, rate_time_scale) as (creds, pid, _s):
        transport = CountingTransport()
        runtime = Runtime(Settings(data_dir=Path(data_dir), secret_key=secret), engine=engine,
                          transports={"quickbooks": transport})
        ceiling = QBO_PER_MINUTE * rate_time_scale / 60
        creds = dict(creds, rate_per_minute=int(QBO_PER_MINUTE * rate_time_scale), max_concurrent=QBO_CONCURRENT)
        connection = await _new_connection(runtime, creds, creds["realm_id"])
        QuickBooksConnector.page_size = page
        try:
            bound = await _timed_sync(runtime, connection, transport, timer, pid, full=True,
                                      objects=["invoice"])
        finally:
            QuickBooksConnector.page_size = 1000
        await runtime.http.aclose()
        await transport.aclose()
    needed = ceiling * page  # records/s the quota lets through
    cores = bound["cpu_per_record"] * needed  # CPU-seconds per second this process would need at the ceiling
    per_call = bound["sandbox_cpu"] * bound["elapsed"] / max(bound["calls"], 1)  # the sandbox's CPU per answer
    return [
        ("rate-bound sync, page 100, time_scale", f"{rate_time_scale:g} (ceiling {ceiling:.1f} calls/s)"),
        ("  calls / elapsed", f"{bound['calls']} in {bound['elapsed']:.1f} s = "
                              f"{bound['calls'] / bound['elapsed']:.1f} calls/s"),
        ("  fraction of rate ceiling", f"{bound['calls'] / (bound['elapsed'] * ceiling):.1%}"),
        ("  429s", f"{bound['429']}"),
        ("  CPU busy: sync process, sandbox", f"{bound['cpu']:.0%}, {bound['sandbox_cpu']:.0%} (2 cores)"),
        ("  CPU budget at the ceiling", f"{bound['cpu_per_record'] * 1e6:.0f} µs/record × {needed:,.0f} records/s "
                                        f"= {cores:.2f} of one core{'' if cores < 1 else ' (CPU-bound: over 1)'}"),
        ("  sandbox CPU budget at the ceiling", f"{per_call * 1e3:.1f} ms/call × {ceiling:.1f} calls/s "
                                                f"= {per_call * ceiling:.2f} of one core"
                                                f"{'' if per_call * ceiling < 0.9 else ' (the sandbox is the limit)'}"),
    ]


async def run(invoices: int, time_scale: float, rate_time_scales: list[float]) -> None:
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.settings import Settings
    from ledgerbridge.store import records
    from ledgerbridge.store.db import create_engine, upgrade
    from ledgerbridge.store.records import Scope
    from ledgerbridge.sync.garbage import fewer_collections

    rows = _Table()
    name, url = await _scratch_database()
    try:
        engine = create_engine(url)
        await upgrade(engine)
        secret = base64.b64encode(os.urandom(32)).decode()
        timer = UpsertTimer()
        timer.install()

        # 1. Initial full sync at real (scaled) limits and QBO's own page size, then 100 changes, incremental.
        with tempfile.TemporaryDirectory() as data_dir, sandbox_process(invoices, time_scale) as (creds, pid, seed_s):
            transport = CountingTransport()
            runtime = Runtime(Settings(data_dir=Path(data_dir), secret_key=secret), engine=engine,
                              transports={"quickbooks": transport})
            ceiling = QBO_PER_MINUTE * time_scale / 60  # calls per second
            creds = dict(creds, rate_per_minute=int(QBO_PER_MINUTE * time_scale), max_concurrent=QBO_CONCURRENT)
            connection = await _new_connection(runtime, creds, creds["realm_id"])
            rss_before = rss_mb()
            full = await _timed_sync(runtime, connection, transport, timer, pid, full=True)
            rows += [
                ("sandbox seeding (server process)", f"{invoices:,} invoices in {seed_s:.1f} s"),
                ("initial sync, page 1000, time_scale", f"{time_scale:g} (ceiling {ceiling:.1f} calls/s)"),
                ("  records / elapsed", f"{full['records']:,} in {full['elapsed']:.1f} s = "
                                        f"{full['records'] / full['elapsed']:,.0f} rec/s"),
                ("  calls, 429s", f"{full['calls']}, {full['429']}"),
                ("  fraction of rate ceiling", f"{full['calls'] / (full['elapsed'] * ceiling):.0%} (CPU-bound: "
                                               "1000-row pages need few calls)"),
                ("  written (created/changed)", f"{full['written']:,}"),
                ("  CPU busy: sync process, sandbox", f"{full['cpu']:.0%}, {full['sandbox_cpu']:.0%} (2 cores)"),
                ("  time in bulk.ingest", f"{full['upsert_s']:.1f} s = "
                                             f"{full['upserted'] / max(full['upsert_s'], 1e-9):,.0f} rec/s"),
            ]
            async with httpx.AsyncClient(timeout=None) as admin:
                await admin.post(f"{creds['api_base'].rsplit('/v3', 1)[0]}/_bench/change", params={"n": CHANGED})
            incremental = await _timed_sync(runtime, connection, transport, timer, pid)
            rows += [
                (f"incremental after {CHANGED} changed", f"{incremental['calls']} calls, "
                                                         f"{incremental['elapsed']:.2f} s, "
                                                         f"{incremental['records']} read, "
                                                         f"{incremental['written']} written"),
                ("peak RSS (sync process)", f"{rss_mb():.0f} MB (before sync {rss_before:.0f} MB)"),
            ]
            premapped = await _premapped(runtime, connection)
            await runtime.http.aclose()
            await transport.aclose()

        # 2. Rate-bound: 100 invoices a page is 10x the calls, so the quota, not the CPU, should set the pace.
        for rate_time_scale in rate_time_scales:
            rows += await _rate_bound(engine, secret, timer, invoices, rate_time_scale)

        # 3. The store alone: pre-mapped records, pages of 1,000, into a connection of their own.
        runtime = Runtime(Settings(data_dir=Path(tempfile.mkdtemp()), secret_key=secret), engine=engine)
        timer.module.ingest = timer.original  # the real function from here on, not the timer
        gc.collect()
        gc.freeze()  # the fixture, not the store, would otherwise be what the collector spends its time on
        n = len(premapped)
        with fewer_collections():
            for label, upsert in (("records.upsert", records.upsert), ("store.bulk.ingest", timer.original)):
                target = await _new_connection(runtime, creds, f"ingest-{label}")
                scope = Scope(target.project_id, target.id)
                new_s, replay_s = await _ingest(runtime, scope, premapped, 1000, upsert)
                rows.append((f"ingest {n:,} via {label}",
                             f"new {n / new_s:,.0f} rec/s, unchanged {n / replay_s:,.0f} rec/s"))
        gc.unfreeze()
        await runtime.http.aclose()
        await engine.dispose()
        del records
    finally:
        await _drop_database(name)


class _Table(list[tuple[str, str]]):
    """Rows printed as they are measured, so a long run shows its figures before it ends."""

    def __iadd__(self, new: Any) -> _Table:  # type: ignore[override]
        for row in new:
            self.append(row)
        return self

    def append(self, row: tuple[str, str]) -> None:
        super().append(row)
        print(f"{row[0]:<40}  {row[1]}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--time-scale", type=float, default=1.0, help="initial sync: 1 = QBO's real quota")
    parser.add_argument("--rate-time-scale", type=float, nargs="+", default=[3.0, 1.0],
                        help="the rate-bound syncs' time scales (one run each; 1 = QBO's real quota)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.invoices, args.time_scale, args.port)
    else:
        asyncio.run(run(args.invoices, args.time_scale, args.rate_time_scale))


if __name__ == "__main__":
    main()
