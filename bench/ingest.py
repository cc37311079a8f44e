"""The sync's store ingest (``bulk.ingest``) against its bare ceiling: raw asyncpg upsert for new records, raw
select-and-touch for unchanged ones, interleaved in the same invocation on PostgreSQL.

    .venv/bin/python bench/ingest.py [--records 100000] [--rounds 3]

Each round empties ``records`` with ``TRUNCATE`` on the same warm pool (as a fresh install's first sync, or a
re-import, meets it), then stores ``--records`` mapped invoices (three lines each) in pages of 1,000, one
transaction a page, through ``bulk.ingest``, and replays them unchanged; then the same through the ceiling. The
ceiling gets the records as plain dicts (what a mapper could hand over) and per record does what cannot be
skipped: serialise it (orjson), hash it, and send it (one ``INSERT … SELECT FROM unnest(…) ON CONFLICT`` a page);
unchanged, it reads the page's hashes back by id, compares, and touches ``last_seen_at``. Figures are medians.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import hashlib
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import orjson
from read_path import T0, _plain_url, drop_database, scratch_database  # bench/ is the script's directory

PAGE = 1000
_SQL = (
    "INSERT INTO records (id, project_id, connection_id, object_type, remote_id, remote_key, data, data_hash, "
    "remote_data, remote_updated_at, deleted, status, kind, contact_id, issued_at, created_at, modified_at, "
    "last_seen_at) SELECT u.id, $1, $2, 'invoice', u.remote_id, u.remote_key, u.data, u.data_hash, u.remote_data, "
    "u.remote_updated_at, false, u.status, u.kind, u.contact_id, u.issued_at, $3, $3, $3 "
    "FROM unnest($4::varchar[], $5::varchar[], $6::varchar[], $7::text[], $8::varchar[], $9::text[], "
    "$10::timestamptz[], $11::varchar[], $12::varchar[], $13::varchar[], $14::timestamptz[]) "
    "AS u(id, remote_id, remote_key, data, data_hash, remote_data, remote_updated_at, status, kind, contact_id, "
    "issued_at) "
    "ON CONFLICT (id) DO UPDATE SET data = excluded.data, data_hash = excluded.data_hash, "
    "remote_data = excluded.remote_data, remote_updated_at = excluded.remote_updated_at, "
    "last_seen_at = excluded.last_seen_at WHERE records.project_id = excluded.project_id"
)
_HASHES = "SELECT id, data_hash FROM records WHERE id = ANY($1::varchar[]) AND project_id = $2 AND connection_id = $3"
_TOUCH = "UPDATE records SET last_seen_at = $4 WHERE id = ANY($1::varchar[]) AND project_id = $2 AND connection_id = $3"


def invoices(connection_id: uuid.UUID, n: int) -> list[Any]:
    from decimal import Decimal

    from ledgerbridge.ids import record_id
    from ledgerbridge.objects import spec
    from ledgerbridge.remote import RemoteRecord

    model = spec("invoice").model
    out = []
    for i in range(n):
        lines = [{"description": f"line {j}", "quantity": Decimal(j + 1), "unit_price": Decimal("12.50"),
                  "total_amount": Decimal("12.50") * (j + 1), "currency": "USD", "remote_id": str(j + 1),
                  "item_id": record_id(connection_id, "item", str(j))} for j in range(3)]
        data = model.model_validate({
            "type": "ACCOUNTS_RECEIVABLE", "number": f"INV-{i}", "issue_date": T0, "currency": "USD",
            "status": "OPEN", "total_amount": Decimal("75.00"), "contact_id": record_id(connection_id, "contact", "1"),
            "line_items": lines, "memo": f"bench invoice {i}",
        })
        out.append(RemoteRecord("invoice", str(i), str(i), data, {"Id": str(i), "SyncToken": "0"}, T0))
    return out


class Bare:
    def __init__(self, pool: asyncpg.Pool, project: str, connection: uuid.UUID, items: list[Any]) -> None:
        from ledgerbridge.ids import record_id

        self.pool, self.project, self.connection = pool, project, str(connection)
        # What a mapper could hand over: plain dicts (the JSON mode dump happens before the store is involved).
        self.rows = [(str(record_id(connection, "invoice", r.remote_key)), r.remote_id, r.remote_key,
                      r.data.model_dump(mode="json"), r.remote_data, r.remote_updated_at) for r in items]

    async def new(self, now: dt.datetime) -> None:
        async with self.pool.acquire() as db:
            for start in range(0, len(self.rows), PAGE):
                columns: list[list[Any]] = [[] for _ in range(11)]
                for id_, remote_id, remote_key, data, remote_data, updated in self.rows[start:start + PAGE]:
                    text = orjson.dumps(data).decode()
                    values = (id_, remote_id, remote_key, text, hashlib.sha256(text.encode()).hexdigest(),
                              orjson.dumps(remote_data).decode(), updated, data.get("status"), data.get("type"),
                              data.get("contact_id"), dt.datetime.fromisoformat(data["issue_date"]))
                    for column, value in zip(columns, values, strict=True):
                        column.append(value)
                async with db.transaction():
                    await db.execute(_SQL, self.project, self.connection, now, *columns)

    async def unchanged(self, now: dt.datetime) -> None:
        async with self.pool.acquire() as db:
            for start in range(0, len(self.rows), PAGE):
                page = self.rows[start:start + PAGE]
                async with db.transaction():
                    stored = dict(await db.fetch(_HASHES, [r[0] for r in page], self.project, self.connection))
                    same = [r[0] for r in page
                            if stored.get(r[0]) == hashlib.sha256(orjson.dumps(r[3])).hexdigest()]
                    assert len(same) == len(page), "the ceiling's replay should find every record unchanged"
                    await db.execute(_TOUCH, same, self.project, self.connection, now)


async def run(records: int, rounds: int) -> None:
    from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
    from ledgerbridge.settings import Settings
    from ledgerbridge.store import bulk, tenancy
    from ledgerbridge.store.db import create_engine, upgrade
    from ledgerbridge.store.records import Scope

    name, url = await scratch_database()
    try:
        engine = create_engine(url)
        await upgrade(engine)
        runtime = Runtime(Settings(data_dir=Path(tempfile.mkdtemp()),
                                   secret_key=base64.b64encode(os.urandom(32)).decode()), engine=engine)
        sandbox = QuickBooksSandbox()
        realm = sandbox.create_realm()
        async with engine.begin() as db:
            project = await tenancy.create_project(db, name="bench")
            connection = await tenancy.create_connection(
                db, runtime.sealer, project_id=project.id, provider="quickbooks",
                credentials=sandbox_credentials(sandbox, realm, "http://qbo"), account_id=realm)
        scope = Scope(project.id, connection.id)
        items = invoices(connection.id, records)
        pool = await asyncpg.create_pool(_plain_url(url), min_size=1, max_size=2)
        bare = Bare(pool, str(project.id), connection.id, items)

        async def ours(now: dt.datetime) -> None:
            for start in range(0, len(items), PAGE):
                async with engine.begin() as db:
                    await bulk.ingest(db, scope, items[start:start + PAGE], now=now)

        async def empty() -> None:
            async with engine.begin() as db:
                await db.exec_driver_sql("TRUNCATE records")

        figures: list[tuple[float, ...]] = []
        for round_ in range(rounds):
            out = []
            for new, unchanged in ((ours, ours), (bare.new, bare.unchanged)):
                await empty()
                for step in (new, unchanged):
                    started = time.perf_counter()
                    await step(dt.datetime.now(dt.UTC))
                    out.append(records / (time.perf_counter() - started))
            print(f"round {round_ + 1}: bulk.ingest new {out[0]:,.0f}, unchanged {out[1]:,.0f} rec/s; "
                  f"bare upsert {out[2]:,.0f}, select-and-touch {out[3]:,.0f} rec/s", flush=True)
            figures.append(tuple(out))
        med = [statistics.median(f[i] for f in figures) for i in range(4)]
        print(f"\n{'ingest (pages of 1,000), after TRUNCATE':<44} {'bulk.ingest':>12} {'bare':>10} {'ratio':>6}")
        print(f"{'  new records':<44} {med[0]:>8,.0f}/s {med[2]:>8,.0f}/s "
              f"{statistics.median(f[0] / f[2] for f in figures):>6.2f}")
        print(f"{'  unchanged records':<44} {med[1]:>8,.0f}/s {med[3]:>8,.0f}/s "
              f"{statistics.median(f[1] / f[3] for f in figures):>6.2f}")
        await pool.close()
        await runtime.http.aclose()
        await engine.dispose()
    finally:
        await drop_database(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="invoices per pass (20,000 while iterating)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(run(args.records, args.rounds))


if __name__ == "__main__":
    main()
