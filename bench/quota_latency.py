"""How long a write is held under Xero's real quota (60 calls a minute per tenant): request time p50/p99/max.

Not a test: a benchmark (issue 15, "no write request is held longer than the configured budget"). In one process,
on SQLite, the API and the Xero sandbox run in-process (ASGI transports) with Xero's real limits on both sides
(60 calls in any minute, 5 in flight). ``--clients`` callers create ``--creates`` invoices, each as a client
would: on a 429 it waits the ``Retry-After`` it was given and retries with the same ``Idempotency-Key``. Every
HTTP request's duration counts (the 429s too); at the end the sandbox must hold exactly ``--creates`` new ones.

    .venv/bin/python bench/quota_latency.py                     # 120 creates, 10 callers, 5 s wait: ~2 minutes
    .venv/bin/python bench/quota_latency.py --creates 60 --wait 2
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run(creates: int, clients: int, wait: float) -> dict[str, Any]:
    from ledgerbridge.api import create_app
    from ledgerbridge.connect import connect
    from ledgerbridge.connectors.quota import Quota
    from ledgerbridge.connectors.xero.pacing import PER_MINUTE
    from ledgerbridge.connectors.xero.spec import sandbox_credentials
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.sandbox.xero import XeroSandbox
    from ledgerbridge.sandbox.xero import create_app as xero_app
    from ledgerbridge.settings import Settings
    from ledgerbridge.store import tenancy
    from ledgerbridge.store.db import create_engine, upgrade
    from ledgerbridge.sync.engine import sync_connection

    data_dir = Path(tempfile.mkdtemp(prefix="quota-bench-"))
    sandbox = XeroSandbox()
    tenant_id = sandbox.create_tenant()
    sandbox.seed_demo(tenant_id)
    sandbox.limiter.per_minute = 10**9  # setup (the first sync) is not measured
    settings = Settings(data_dir=data_dir, secret_key=base64.b64encode(b"b" * 32).decode(),
                        write_quota_wait_seconds=wait)
    engine = create_engine(settings.resolved_database_url)
    await upgrade(engine)
    runtime = Runtime(settings, engine=engine, transports={"xero": httpx.ASGITransport(app=xero_app(sandbox))})
    async with engine.begin() as db:
        project = await tenancy.create_project(db, name="quota bench")
        api_key = await tenancy.create_api_key(db, project_id=project.id)
        user = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="bench")
    credentials = {**sandbox_credentials(sandbox, tenant_id, "http://xero"), "rate_per_minute": 10**9}
    connection = await connect(runtime, project_id=project.id, provider="xero", linked_user_id=user,
                               account_id=tenant_id, credentials=credentials)
    await sync_connection(runtime, connection)
    # From here on, Xero's real quota on both sides: the sandbox's and the connector's budget.
    runtime.http.budget("xero", tenant_id, per_minute=PER_MINUTE, concurrent=5).quota = Quota(PER_MINUTE)
    sandbox.limiter.per_minute = PER_MINUTE
    sandbox.limiter.reset()

    headers = {"x-api-key": api_key, "x-connection-token": connection.token}
    api = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://lb",
                            timeout=600)
    contacts = (await api.get("/accounting/contacts", headers=headers, params={"limit": 100})).json()["data"]
    accounts = (await api.get("/accounting/accounts", headers=headers, params={"limit": 100})).json()["data"]
    customer = next(c for c in contacts if c["is_customer"])
    sales = next(a for a in accounts if a["classification"] == "REVENUE")
    before = sandbox.count(tenant_id, "Invoices")

    durations: list[float] = []
    by_status: dict[int, list[float]] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(creates):
        queue.put_nowait(n)

    async def caller() -> None:
        while not queue.empty():
            n = queue.get_nowait()
            key = str(uuid.uuid4())
            body = {"type": "ACCOUNTS_RECEIVABLE", "number": f"QB-{n}-{key[:6]}", "contact_id": customer["id"],
                    "line_items": [{"description": "bench", "quantity": 1, "unit_price": "10.00",
                                    "account_id": sales["id"]}]}
            while True:
                started = time.monotonic()
                response = await api.post("/accounting/invoices", json=body,
                                          headers={**headers, "Idempotency-Key": key})
                took = time.monotonic() - started
                durations.append(took)
                by_status.setdefault(response.status_code, []).append(took)
                if response.status_code == 429:
                    await asyncio.sleep(float(response.headers.get("Retry-After", "1")))
                    continue
                if response.status_code != 201:
                    raise RuntimeError(f"create failed: {response.status_code} {response.text[:300]}")
                break

    started = time.monotonic()
    await asyncio.gather(*(caller() for _ in range(clients)))
    elapsed = time.monotonic() - started
    made = sandbox.count(tenant_id, "Invoices") - before
    await api.aclose()
    await runtime.http.aclose()
    await engine.dispose()
    return {
        "creates": creates, "clients": clients, "write_quota_wait_seconds": wait,
        "requests": len(durations), "statuses": {code: len(v) for code, v in sorted(by_status.items())},
        "created_at_provider": made,
        "p50_s": round(statistics.median(durations), 3), "p99_s": round(percentile(durations, 0.99), 3),
        "max_s": round(max(durations), 3),
        **{f"p99_s_{code}": round(percentile(v, 0.99), 3) for code, v in sorted(by_status.items())},
        "elapsed_s": round(elapsed, 1),
        "creates_per_minute": round(creates / elapsed * 60, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--creates", type=int, default=120)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--wait", type=float, default=5.0, help="write_quota_wait_seconds")
    args = parser.parse_args()
    result = asyncio.run(run(args.creates, args.clients, args.wait))
    for name, value in result.items():
        print(f"{name:>26}: {value}")
    if result["created_at_provider"] != args.creates:
        raise SystemExit("the provider does not hold exactly one invoice per create")


if __name__ == "__main__":
    main()
