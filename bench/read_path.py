"""The read path against its bare ceiling: Ledgerbridge's list, retrieve, expand and ``modified_after`` vs plain
asyncpg + orjson doing the same work (the same SQL, the same JSON out), interleaved in the same invocation.

    .venv/bin/python bench/read_path.py [--records 100000] [--rounds 3] [--seconds 1.5]

A scratch PostgreSQL database (from ``LEDGERBRIDGE_TEST_POSTGRES``, default postgres@127.0.0.1:5432) gets one
project, one API key and one QuickBooks connection holding ``--records`` invoices of three lines each (referencing
200 contacts and 50 items); the first half stored an hour before the second, so ``modified_after`` the middle
matches half the rows. The app is driven in-process (``httpx.ASGITransport``): what is measured is our CPU, not a
network. Each round runs Ledgerbridge, then the ceiling, for ``--seconds`` each, one request at a time; a figure
is the median over the rounds, and CPU per request is this process's (PostgreSQL's is its own).

The ceiling checks the API key and connection token in one query and reads the page in another (two round trips),
and writes the response by splicing the stored JSON text, as the design says a read should. Before timing, both
sides' answers are compared (parsed), so the ceiling is known to do the same work.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import hashlib
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson

# httpx's ASGITransport tries ``import sniffio`` on every request; where it is not installed each try searches
# sys.path again — the harness's cost, not the app's, so it is answered from sys.modules (ImportError at once).
if importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
POSTGRES_ADMIN_URL = os.environ.get(
    "LEDGERBRIDGE_TEST_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
CONTACTS, ITEMS, LINES = 200, 50, 3
T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)
MIDDLE = T0 + dt.timedelta(minutes=30)


def _plain_url(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def scratch_database() -> tuple[str, str]:
    name = f"bench_speed_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(_plain_url(POSTGRES_ADMIN_URL))
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    return name, POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


async def drop_database(name: str) -> None:
    admin = await asyncpg.connect(_plain_url(POSTGRES_ADMIN_URL))
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


# ----------------------------------------------------------------------------------------------------- fixture
async def seed(runtime: Any, records: int) -> tuple[str, Any]:
    """A project, key and QuickBooks connection with ``records`` invoices, contacts and items; (key, connection)."""
    from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials
    from ledgerbridge.objects import spec
    from ledgerbridge.remote import RemoteRecord
    from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
    from ledgerbridge.store import bulk, tenancy
    from ledgerbridge.store.records import Scope

    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name="bench")
        key = await tenancy.create_api_key(db, project_id=project.id)
        connection = await tenancy.create_connection(
            db, runtime.sealer, project_id=project.id, provider="quickbooks",
            credentials=sandbox_credentials(sandbox, realm, "http://qbo"), account_id=realm,
        )
    scope = Scope(project.id, connection.id)
    from ledgerbridge.ids import record_id

    contact_ids = [record_id(connection.id, "contact", f"Customer/{i}") for i in range(CONTACTS)]
    item_ids = [record_id(connection.id, "item", f"{i}") for i in range(ITEMS)]
    contacts = [RemoteRecord("contact", f"Customer/{i}", str(i), spec("contact").model.model_validate(
        {"name": f"Customer {i}", "email_address": f"c{i}@example.com", "is_supplier": False,
         "is_customer": True, "currency": "USD"}), {"Id": str(i)}, T0) for i in range(CONTACTS)]
    items = [RemoteRecord("item", str(i), str(i), spec("item").model.model_validate(
        {"name": f"Item {i}", "unit_price": Decimal("12.50"), "status": "ACTIVE"}), {"Id": str(i)}, T0)
        for i in range(ITEMS)]
    invoice = spec("invoice").model

    def make(n: int, at: dt.datetime) -> Any:
        lines = [{"description": f"line {j}", "quantity": Decimal(j + 1), "unit_price": Decimal("12.50"),
                  "total_amount": Decimal("12.50") * (j + 1), "currency": "USD",
                  "item_id": item_ids[(n + j) % ITEMS], "remote_id": str(j + 1)} for j in range(LINES)]
        data = invoice.model_validate({
            "type": "ACCOUNTS_RECEIVABLE", "number": f"INV-{n}", "issue_date": at, "due_date": at,
            "currency": "USD", "status": "OPEN", "total_amount": Decimal("75.00"), "balance": Decimal("75.00"),
            "sub_total": Decimal("75.00"), "total_tax_amount": Decimal("0"), "contact_id": contact_ids[n % CONTACTS],
            "line_items": lines, "memo": f"bench invoice {n}",
        })
        return RemoteRecord("invoice", str(n), str(n), data, {"Id": str(n), "SyncToken": "0"}, at)

    async with runtime.engine.begin() as db:
        await bulk.ingest(db, scope, contacts, now=T0)
        await bulk.ingest(db, scope, items, now=T0)
    for start in range(0, records, 1000):
        at = T0 if start < records // 2 else T1
        page = [make(n, at) for n in range(start, min(start + 1000, records))]
        async with runtime.engine.begin() as db:
            await bulk.ingest(db, scope, page, now=at)
    async with runtime.engine.connect() as db:
        await db.exec_driver_sql("ANALYZE records")
        await db.commit()
    return key, connection


# ----------------------------------------------------------------------------------------------------- ceiling
_COLUMNS = "seq, id, remote_id, data, remote_updated_at, created_at, modified_at, deleted, data_hash"
_AUTH_SQL = (
    "SELECT k.project_id, c.id FROM api_keys k LEFT JOIN connections c ON c.project_id = k.project_id "
    "AND c.token = $2 WHERE k.key_hash = $1 AND k.revoked_at IS NULL"
)
_PAGE_SQL = (
    f"SELECT {_COLUMNS} FROM records WHERE project_id = $1 AND connection_id = $2 AND object_type = $3 "
    "AND deleted = false {extra} ORDER BY seq LIMIT $4"
)
_GET_SQL = (
    f"SELECT {_COLUMNS} FROM records WHERE project_id = $1 AND connection_id = $2 AND object_type = $3 AND id = $4"
)
_MANY_SQL = f"SELECT {_COLUMNS} FROM records WHERE project_id = $1 AND connection_id = $2 AND id = ANY($3)"


def _time(value: dt.datetime | None) -> str:
    return "null" if value is None else '"' + value.isoformat().replace("+00:00", "Z") + '"'


def _splice(row: Any, data: str | None = None) -> str:
    body = (row["data"] if data is None else data)[1:-1]
    return (
        '{"id":"' + row["id"] + '","remote_id":' + orjson.dumps(row["remote_id"]).decode()
        + ("," + body if body else "")
        + ',"remote_updated_at":' + _time(row["remote_updated_at"])
        + ',"remote_was_deleted":' + ("true" if row["deleted"] else "false")
        + ',"created_at":' + _time(row["created_at"]) + ',"modified_at":' + _time(row["modified_at"])
        + ',"field_mappings":{}}'
    )


def _cursor(seq: int) -> str:
    raw = orjson.dumps({"p": seq, "b": 0})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


class Ceiling:
    """The same reads in plain asyncpg + orjson: the least work that answers the same bytes."""

    def __init__(self, pool: asyncpg.Pool, key: str, token: str) -> None:
        self.pool, self.key, self.token = pool, key, token

    async def _auth(self, db: asyncpg.Connection) -> tuple[str, str]:
        row = await db.fetchrow(_AUTH_SQL, hashlib.sha256(self.key.encode()).hexdigest(), self.token)
        assert row is not None and row[1] is not None
        return row[0], row[1]

    async def list(self, limit: int = 100, modified_after: dt.datetime | None = None) -> str:
        async with self.pool.acquire() as db:
            project, connection = await self._auth(db)
            if modified_after is None:
                rows = await db.fetch(_PAGE_SQL.format(extra=""), project, connection, "invoice", limit + 1)
            else:
                rows = await db.fetch(_PAGE_SQL.format(extra="AND modified_at > $5"), project, connection,
                                      "invoice", limit + 1, modified_after)
        return self._page(rows, limit)

    def _page(self, rows: list[Any], limit: int, datas: list[str] | None = None) -> str:
        more = len(rows) > limit
        rows = rows[:limit]
        items = ",".join(_splice(r, None if datas is None else datas[i]) for i, r in enumerate(rows))
        return ('{"prev_cursor":null,"next_cursor":' + (f'"{_cursor(rows[-1]["seq"])}"' if more else "null")
                + ',"data":[' + items + "]}")

    async def retrieve(self, id_: str) -> str:
        async with self.pool.acquire() as db:
            project, connection = await self._auth(db)
            row = await db.fetchrow(_GET_SQL, project, connection, "invoice", id_)
        assert row is not None
        return _splice(row)

    async def expand(self, limit: int = 100) -> str:
        """``expand=contact,line_items.item``: referenced records rendered once each and spliced in as text."""
        async with self.pool.acquire() as db:
            project, connection = await self._auth(db)
            rows = (await db.fetch(_PAGE_SQL.format(extra=""), project, connection, "invoice", limit + 1))
            parsed = [orjson.loads(r["data"]) for r in rows[:limit]]
            wanted = {d["contact_id"] for d in parsed if d.get("contact_id")}
            wanted |= {line["item_id"] for d in parsed for line in d.get("line_items") or [] if line.get("item_id")}
            found = await db.fetch(_MANY_SQL, project, connection, list(wanted))
        rendered = {r["id"]: orjson.Fragment(_splice(r)) for r in found}
        datas = []
        for d in parsed:
            d["contact"] = rendered.get(d["contact_id"]) if d.get("contact_id") else None
            for line in d.get("line_items") or []:
                if line.get("item_id"):
                    line["item"] = rendered.get(line["item_id"])
            datas.append(orjson.dumps(d).decode())
        return self._page(rows, limit, datas)


# ------------------------------------------------------------------------------------------------------- timing
async def rate(call: Callable[[], Awaitable[Any]], seconds: float) -> tuple[float, float]:
    """Calls per second and CPU milliseconds per call of ``call``, run back to back for ``seconds``."""
    await call()  # warm
    n, cpu, started = 0, time.process_time(), time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        await call()
        n += 1
    return n / elapsed, (time.process_time() - cpu) / n * 1e3


async def run(records: int, rounds: int, seconds: float) -> None:
    from ledgerbridge.api import create_app
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.settings import Settings
    from ledgerbridge.store.db import create_engine, upgrade

    name, url = await scratch_database()
    try:
        engine = create_engine(url)
        await upgrade(engine)
        secret = base64.b64encode(os.urandom(32)).decode()
        runtime = Runtime(Settings(data_dir=Path(tempfile.mkdtemp()), secret_key=secret), engine=engine)
        started = time.perf_counter()
        key, connection = await seed(runtime, records)
        print(f"seeded {records:,} invoices ({LINES} lines each) in {time.perf_counter() - started:.1f} s",
              flush=True)
        headers = {"x-api-key": key, "x-connection-token": connection.token}
        pool = await asyncpg.create_pool(_plain_url(url), min_size=2, max_size=4)
        ceiling = Ceiling(pool, key, connection.token)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(runtime)),
                                     base_url="http://lb") as api:
            some_id = json.loads(await ceiling.list(limit=1))["data"][0]["id"]
            middle = MIDDLE.isoformat()

            async def app_list() -> str:
                response = await api.get("/accounting/invoices", params={"limit": 100}, headers=headers)
                assert response.status_code == 200, response.text
                return response.text

            async def app_retrieve() -> str:
                response = await api.get(f"/accounting/invoices/{some_id}", headers=headers)
                assert response.status_code == 200, response.text
                return response.text

            async def app_expand() -> str:
                response = await api.get("/accounting/invoices", headers=headers,
                                         params={"limit": 100, "expand": "contact,line_items.item"})
                assert response.status_code == 200, response.text
                return response.text

            async def app_modified() -> str:
                response = await api.get("/accounting/invoices", headers=headers,
                                         params={"limit": 100, "modified_after": middle})
                assert response.status_code == 200, response.text
                return response.text

            paths: list[tuple[str, Callable[[], Awaitable[str]], Callable[[], Awaitable[str]]]] = [
                ("GET /accounting/invoices?limit=100", app_list, ceiling.list),
                ("retrieve by id", app_retrieve, lambda: ceiling.retrieve(some_id)),
                ("expand=contact,line_items.item", app_expand, ceiling.expand),
                ("modified_after (half match)", app_modified, lambda: ceiling.list(modified_after=MIDDLE)),
            ]
            for label, ours, bare in paths:  # same answers, or the ceiling is not a ceiling of this work
                mine, theirs = json.loads(await ours()), json.loads(await bare())
                if mine != theirs:
                    raise SystemExit(f"{label}: the ceiling's answer differs from Ledgerbridge's")
            results: dict[str, list[tuple[float, float, float, float]]] = {label: [] for label, _, _ in paths}
            for _ in range(rounds):
                for label, ours, bare in paths:
                    app_rate, app_cpu = await rate(ours, seconds)
                    bare_rate, bare_cpu = await rate(bare, seconds)
                    results[label].append((app_rate, app_cpu, bare_rate, bare_cpu))
        await pool.close()
        print(f"\n{'path':<36} {'ledgerbridge':>22} {'bare ceiling':>22} {'ratio':>6}")
        for label, figures in results.items():
            app_rate, app_cpu, bare_rate, bare_cpu = (statistics.median(f[i] for f in figures) for i in range(4))
            ratio = statistics.median(f[0] / f[2] for f in figures)
            print(f"{label:<36} {app_rate:>8,.0f}/s {app_cpu:>6.2f} ms CPU {bare_rate:>8,.0f}/s "
                  f"{bare_cpu:>6.2f} ms CPU {ratio:>6.2f}")
        await runtime.http.aclose()
        await engine.dispose()
    finally:
        await drop_database(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="stored invoices (20,000 while iterating)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=1.5, help="per side per path per round")
    args = parser.parse_args()
    asyncio.run(run(args.records, args.rounds, args.seconds))


if __name__ == "__main__":
    main()
