"""POST /accounting/invoices latency through Ledgerbridge vs the same creates sent straight to the sandbox.

Not a test: a benchmark. Both runs happen in the same invocation, against the same QuickBooks sandbox process,
with the same concurrency (32), so the ratio compares like with like:

    make bench                                  # PostgreSQL at 127.0.0.1:5432, 400 creates each way
    .venv/bin/python bench/post_latency.py --database sqlite --requests 200 --provider-latency 0

``--provider-latency`` gives the sandbox a fixed response time, standing in for QuickBooks' own (its creates take
a few hundred milliseconds over the internet); with 0 the figures show Ledgerbridge's raw overhead instead.
The sandbox's and the connector's rate limits are lifted for both runs: this measures latency, not quota.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

QBO_REALM = "4620816365000000001"
CLIENT = ("bench-client", "bench-secret")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_sandbox(port: int, latency: float, handoff: str) -> None:
    import uvicorn

    from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app

    sandbox = QuickBooksSandbox(rate_per_minute=10**9, max_concurrent=10**6)
    sandbox.create_realm(QBO_REALM)
    sandbox.seed_demo(QBO_REALM)
    sandbox.register_client(*CLIENT)
    tokens = sandbox.issue_tokens(CLIENT[0], QBO_REALM)
    sandbox.faults.latency = latency
    Path(handoff).write_text(json.dumps(tokens))
    uvicorn.run(create_app(sandbox), host="127.0.0.1", port=port, log_level="warning")


def serve_ledgerbridge(port: int, database_url: str, data_dir: str) -> None:
    import uvicorn

    from ledgerbridge.api import create_app
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.settings import Settings

    settings = Settings(data_dir=Path(data_dir), database_url=database_url)
    uvicorn.run(create_app(Runtime(settings)), host="127.0.0.1", port=port, log_level="warning")


async def wait_up(url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(200):
            try:
                await client.get(url)
                return
            except httpx.TransportError:
                await asyncio.sleep(0.05)
    raise RuntimeError(f"{url} did not come up")


async def provision(database_url: str, data_dir: str, sandbox_base: str, tokens: dict[str, Any]) -> dict[str, str]:
    from ledgerbridge.connect import connect
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.settings import Settings
    from ledgerbridge.store import tenancy
    from ledgerbridge.store.db import upgrade
    from ledgerbridge.sync.engine import sync_connection

    runtime = Runtime(Settings(data_dir=Path(data_dir), database_url=database_url))
    await upgrade(runtime.engine)
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name="bench")
        key = await tenancy.create_api_key(db, project_id=project.id)
    credentials = {
        "client_id": CLIENT[0], "client_secret": CLIENT[1], "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"], "expires_at": None, "realm_id": QBO_REALM,
        "api_base": f"{sandbox_base}/v3", "token_url": f"{sandbox_base}/oauth2/v1/tokens/bearer",
        "rate_per_minute": 10**9, "max_concurrent": 10**6,
    }
    connection = await connect(runtime, project_id=project.id, provider="quickbooks", credentials=credentials,
                               account_id=QBO_REALM)
    await sync_connection(runtime, connection)
    from sqlalchemy import select

    from ledgerbridge.store.tables import records

    async with runtime.engine.connect() as db:
        contact = (await db.execute(select(records.c.id, records.c.remote_id).where(
            records.c.project_id == str(project.id), records.c.object_type == "contact",
            records.c.remote_key.like("Customer/%")).limit(1))).first()
    await runtime.aclose()
    return {"api_key": key, "token": connection.token, "contact_id": contact.id, "customer": contact.remote_id}


async def load(send, total: int, concurrency: int) -> list[float]:  # type: ignore[no-untyped-def]
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(i)

    async def worker() -> None:
        while True:
            try:
                i = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            response = await send(i)
            latencies.append(time.perf_counter() - started)
            if response.status_code not in (200, 201):
                raise RuntimeError(f"{response.status_code}: {response.text[:300]}")

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--provider-latency", type=float, default=0.15, help="seconds the sandbox takes per call")
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="lb-bench-")
    if args.database == "postgres":
        from sqlalchemy import text
        from sqlalchemy.ext.asyncio import create_async_engine

        name = f"lb_bench_{uuid.uuid4().hex[:8]}"
        admin = create_async_engine("postgresql+asyncpg://postgres@127.0.0.1:5432/postgres",
                                    isolation_level="AUTOCOMMIT")
        async with admin.connect() as db:
            await db.execute(text(f'CREATE DATABASE "{name}"'))
        database_url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    else:
        database_url = f"sqlite+aiosqlite:///{work}/bench.db"

    sandbox_port, lb_port = free_port(), free_port()
    handoff = os.path.join(work, "tokens.json")
    context = multiprocessing.get_context("spawn")
    sandbox = context.Process(target=serve_sandbox, args=(sandbox_port, args.provider_latency, handoff), daemon=True)
    sandbox.start()
    sandbox_base = f"http://127.0.0.1:{sandbox_port}"
    await wait_up(sandbox_base + "/.well-known/openid_configuration")
    tokens = json.loads(Path(handoff).read_text())
    ids = await provision(database_url, work, sandbox_base, tokens)
    server = context.Process(target=serve_ledgerbridge, args=(lb_port, database_url, work), daemon=True)
    server.start()
    lb_base = f"http://127.0.0.1:{lb_port}"
    await wait_up(lb_base + "/health")

    limits = httpx.Limits(max_connections=args.concurrency * 2)
    try:
        async with httpx.AsyncClient(limits=limits, timeout=60) as client:
            direct_url = f"{sandbox_base}/v3/company/{QBO_REALM}/invoice"
            direct_headers = {"Authorization": f"Bearer {tokens['access_token']}", "Accept": "application/json"}

            def direct_body(i: int) -> dict[str, Any]:
                return {"CustomerRef": {"value": ids["customer"]}, "DocNumber": f"D{uuid.uuid4().hex[:16]}",
                        "TxnDate": "2024-06-15",
                        "Line": [{"DetailType": "SalesItemLineDetail", "Amount": 300.50, "Description": "Bench",
                                  "SalesItemLineDetail": {"Qty": 2, "UnitPrice": 150.25}}]}

            async def send_direct(i: int) -> httpx.Response:
                return await client.post(direct_url, json=direct_body(i), headers=direct_headers,
                                         params={"minorversion": "75", "requestid": uuid.uuid4().hex})

            lb_headers = {"x-api-key": ids["api_key"], "x-connection-token": ids["token"]}

            async def send_lb(i: int) -> httpx.Response:
                body = {"type": "Sales", "number": f"L{uuid.uuid4().hex[:16]}", "issue_date": "2024-06-15",
                        "contact_id": ids["contact_id"],
                        "line_items": [{"description": "Bench", "quantity": 2, "unit_price": "150.25"}]}
                return await client.post(f"{lb_base}/accounting/invoices", json=body,
                                         headers={**lb_headers, "Idempotency-Key": uuid.uuid4().hex})

            await load(send_direct, args.concurrency, args.concurrency)  # warm-up both paths
            await load(send_lb, args.concurrency, args.concurrency)
            direct = await load(send_direct, args.requests, args.concurrency)
            cpu_before = cpu_seconds(server.pid)  # type: ignore[arg-type]
            through = await load(send_lb, args.requests, args.concurrency)
            cpu_per_create = (cpu_seconds(server.pid) - cpu_before) / args.requests  # type: ignore[arg-type]
    finally:
        server.terminate()
        sandbox.terminate()
        if args.database == "postgres":  # the scratch database goes with the run
            server.join(10)
            async with admin.connect() as db:
                await db.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await admin.dispose()

    d50, d99 = percentile(direct, 0.50), percentile(direct, 0.99)
    l50, l99 = percentile(through, 0.50), percentile(through, 0.99)
    print(f"database={args.database} requests={args.requests} concurrency={args.concurrency} "
          f"provider_latency={args.provider_latency * 1000:.0f}ms")
    print(f"direct to sandbox   p50 {d50 * 1000:8.1f} ms   p99 {d99 * 1000:8.1f} ms   "
          f"mean {statistics.mean(direct) * 1000:.1f} ms")
    print(f"through Ledgerbridge p50 {l50 * 1000:8.1f} ms   p99 {l99 * 1000:8.1f} ms   "
          f"mean {statistics.mean(through) * 1000:.1f} ms")
    print(f"ratio                p50 {l50 / d50:8.2f} x    p99 {l99 / d99:8.2f} x   (targets: p50 <= 1.2, p99 <= 1.5)")
    print(f"Ledgerbridge CPU per create {cpu_per_create * 1000:.1f} ms (one worker process)")


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
