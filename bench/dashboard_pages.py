"""Dashboard pages over a large project: one connection with ``--records`` invoices and ``--events`` logged events
(a tenth of them API requests), rendered in-process (httpx over ASGI, SQLite or PostgreSQL); the median and worst
of ``--runs`` renders of each page, first page and a deep page.

Not a test: a benchmark::

    .venv/bin/python bench/dashboard_pages.py --records 100000 --events 1000000
    .venv/bin/python bench/dashboard_pages.py --database postgresql+asyncpg://postgres@127.0.0.1:5432/postgres

The rows are written straight into the tables (a benchmark may; the product writes through the store), so the
set-up takes seconds, not a sync's hours.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import json
import re
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import insert, text

from ledgerbridge.api.app import create_app
from ledgerbridge.connect import connect
from ledgerbridge.onboarding import operators
from ledgerbridge.runtime import Runtime
from ledgerbridge.settings import Settings
from ledgerbridge.store import tenancy
from ledgerbridge.store.db import create_engine, upgrade
from ledgerbridge.store.tables import events, records

BATCH = 5_000


async def _seed(runtime: Runtime, n_records: int, n_events: int) -> tuple[uuid.UUID, uuid.UUID]:
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name="bench")
    connection = await connect(runtime, project_id=project.id, provider="quickbooks", credentials={},
                               account_id="1")
    now = dt.datetime.now(dt.UTC)
    for start in range(0, n_records, BATCH):
        rows = [{"id": str(uuid.uuid4()), "project_id": str(project.id), "connection_id": str(connection.id),
                 "object_type": "invoice", "remote_id": str(i), "remote_key": str(i),
                 "data": json.dumps({"number": f"INV-{i}", "status": "OPEN", "total_amount": 100 + i % 900,
                                     "currency": "USD"}),
                 "data_hash": "x", "remote_data": json.dumps({"Id": str(i), "DocNumber": f"INV-{i}"}),
                 "created_at": now, "modified_at": now, "last_seen_at": now, "deleted": False}
                for i in range(start, min(n_records, start + BATCH))]
        async with runtime.engine.begin() as db:
            await db.execute(insert(records), rows)
    for start in range(0, n_events, BATCH):
        rows = [{"id": str(uuid.uuid4()), "project_id": str(project.id), "connection_id": str(connection.id),
                 "type": "passthrough.request" if i % 10 == 0 else "accounting.invoice.updated",
                 "status": "fail" if i % 97 == 0 else "success", "method": "GET" if i % 10 == 0 else None,
                 "url": "/v3/x" if i % 10 == 0 else None, "detail": json.dumps({"remote_id": str(i)}),
                 "created_at": now - dt.timedelta(seconds=(n_events - i) * 86400 / n_events)}
                for i in range(start, min(n_events, start + BATCH))]
        async with runtime.engine.begin() as db:
            await db.execute(insert(events), rows)
    if runtime.engine.dialect.name == "postgresql":
        async with runtime.engine.begin() as db:
            await db.execute(text("ANALYZE"))
    return project.id, connection.id


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        if args.database:  # a fresh database beside the given one
            name = f"lb_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(args.database)
            async with admin.connect() as db:
                await db.execution_options(isolation_level="AUTOCOMMIT")
                await db.execute(text(f'CREATE DATABASE "{name}"'))
            await admin.dispose()
            url = args.database.rsplit("/", 1)[0] + "/" + name
        engine = create_engine(url)
        await upgrade(engine)
        settings = Settings(data_dir=Path(tmp), secret_key=base64.b64encode(b"b" * 32).decode())
        runtime = Runtime(settings, engine=engine)
        started = time.perf_counter()
        project_id, connection_id = await _seed(runtime, args.records, args.events)
        print(f"seeded {args.records} records and {args.events} events in {time.perf_counter() - started:.0f} s "
              f"({engine.dialect.name})")
        async with runtime.engine.begin() as db:
            operator = await operators.create_operator(db, username="bench", password="bench password 123")
            await operators.grant(db, operator_id=operator, project_id=project_id)
        app = create_app(runtime)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as web:
            login = await web.get("/dashboard/login")
            csrf = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)  # type: ignore[union-attr]
            await web.post("/dashboard/login", data={"username": "bench", "password": "bench password 123",
                                                     "csrf": csrf})
            base = f"/dashboard/projects/{project_id}"
            deep_records = await web.get(f"{base}/connections/{connection_id}/records",
                                         params={"object": "invoice", "after": args.records - 100})
            assert deep_records.status_code == 200
            pages = {
                "overview (charts, connections)": base,
                "connection": f"{base}/connections/{connection_id}",
                "records, first page": f"{base}/connections/{connection_id}/records?object=invoice",
                "records, deep page": f"{base}/connections/{connection_id}/records?object=invoice&after="
                                      f"{args.records - 100}",
                "events, first page": f"{base}/events",
                "events, filtered by type": f"{base}/events?type=passthrough",
                "request log, failures": f"{base}/requests?status=fail",
            }
            print(f"{'page':34} {'median':>9} {'worst':>9}")
            for label, path in pages.items():
                times = []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    answer = await web.get(path)
                    times.append(time.perf_counter() - t0)
                    assert answer.status_code == 200, (path, answer.status_code)
                print(f"{label:34} {statistics.median(times) * 1000:7.0f} ms {max(times) * 1000:7.0f} ms")
        await engine.dispose()
        if args.database:
            admin = create_engine(args.database)
            async with admin.connect() as db:
                await db.execution_options(isolation_level="AUTOCOMMIT")
                await db.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await admin.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", help="a PostgreSQL URL (default: SQLite in a temporary directory)")
    asyncio.run(main(parser.parse_args()))
