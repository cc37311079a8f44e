"""Query plans on PostgreSQL, checked with EXPLAIN.

* The sync's ingest statements keep their index plans when first run on an empty table (a fresh install's first
  sync, a sync after ``TRUNCATE``): PostgreSQL would otherwise settle, after five executions of a prepared
  statement, on a generic plan costed for an empty table — a full scan per page — and keep it on that pooled
  connection while the table grows (ingest fell from ~10k to ~1k records/s).
* The ``modified_after`` and ``created_after`` list filters, as the API sends them, find the few recent records
  through an index rather than by walking every record of the connection."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from ledgerbridge.ids import record_id
from ledgerbridge.objects import spec
from ledgerbridge.remote import RemoteRecord
from ledgerbridge.store import bulk, records, tenancy
from ledgerbridge.store.db import create_engine, upgrade
from ledgerbridge.store.records import Scope
from tests.conftest import POSTGRES_ADMIN_URL

NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
async def empty_engine(engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    """A database of its own, with an empty ``records`` table and one pooled connection (so it stays warm)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plan cache")
    name = f"lb_plans_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as db:
        await db.execute(text(f'CREATE DATABASE "{name}"'))
    own = create_engine(POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name)
    try:
        await upgrade(own)
        async with own.begin() as db:  # no ANALYZE behind our back: the table's statistics stay "empty"
            await db.execute(text("ALTER TABLE records SET (autovacuum_enabled = false)"))
        yield own
    finally:
        await own.dispose()
        async with admin.connect() as db:
            await db.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


def _items(start: int, count: int) -> list[RemoteRecord]:
    model = spec("item").model
    return [RemoteRecord("item", str(n), str(n), model.model_validate({"name": f"item {n}"}), {"Id": str(n)}, NOW)
            for n in range(start, start + count)]


def _nodes(plan: dict[str, Any]) -> list[str]:
    found = [f"{plan['Node Type']} {plan.get('Relation Name', '')}".strip()]
    for child in plan.get("Plans", []):
        found += _nodes(child)
    return found


async def test_first_sync_into_an_empty_table_keeps_the_index_path(empty_engine: AsyncEngine, runtime: Any) -> None:
    async with empty_engine.begin() as db:
        project = await tenancy.create_project(db, name="plans")
        connection = await tenancy.create_connection(db, runtime.sealer, project_id=project.id,
                                                     provider="quickbooks", credentials={})
    scope = Scope(project.id, connection.id)
    # A first sync's first pages, on one warm connection, while the table is (nearly) empty: the prepared lookup
    # is executed well past PostgreSQL's five custom plans.
    for page in range(8):
        async with empty_engine.begin() as db:
            await bulk.ingest(db, scope, _items(page, 1), now=NOW)
    async with empty_engine.begin() as db:  # the rest of the sync: the table is no longer small
        await bulk.ingest(db, scope, _items(100, 20_000), now=NOW)
    async with empty_engine.begin() as db:
        await bulk.ingest(db, scope, _items(0, 10), now=NOW)  # a page seen again, on the same pooled connection
        name, generic = (await db.execute(
            text("SELECT name, generic_plans FROM pg_prepared_statements WHERE statement = :sql"),
            {"sql": bulk._EXISTING_SQL})).one()
        ids = "{" + ",".join(str(record_id(connection.id, "item", str(n))) for n in range(10)) + "}"
        explained = (await db.exec_driver_sql(
            f"EXPLAIN (FORMAT JSON) EXECUTE {name}('{ids}', '{project.id}', '{connection.id}')")).scalar_one()
    plan = explained if isinstance(explained, list) else json.loads(explained)
    nodes = _nodes(plan[0]["Plan"])
    assert not any(node == "Seq Scan records" for node in nodes), nodes
    assert any("Index" in node for node in nodes), nodes
    assert generic == 0


@pytest.mark.parametrize("column", ["modified_at", "created_at"])
async def test_recent_changes_filters_use_an_index(empty_engine: AsyncEngine, runtime: Any, column: str) -> None:
    async with empty_engine.begin() as db:
        project = await tenancy.create_project(db, name="filters")
        connection = await tenancy.create_connection(db, runtime.sealer, project_id=project.id,
                                                     provider="quickbooks", credentials={})
    scope = Scope(project.id, connection.id)
    recent = NOW + dt.timedelta(days=30)
    async with empty_engine.begin() as db:
        await bulk.ingest(db, scope, _items(0, 5_000), now=NOW)
        await bulk.ingest(db, scope, _items(5_000, 10), now=recent)  # what a client polling for changes wants
        await db.execute(text("ANALYZE records"))
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        sent.append((statement, parameters))

    event.listen(empty_engine.sync_engine, "before_cursor_execute", capture)
    try:
        async with empty_engine.connect() as db:
            since = recent - dt.timedelta(seconds=1)
            rows = await records.page(db, scope, "item", after=None, before=None, limit=100, with_remote_data=False,
                                      **{"modified_after" if column == "modified_at" else "created_after": since})
            assert len(rows) == 10
            statement, parameters = next((s, p) for s, p in sent if s.lstrip().upper().startswith("SELECT"))
            explained = (await db.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters)).scalar_one()
    finally:
        event.remove(empty_engine.sync_engine, "before_cursor_execute", capture)
    plan = explained if isinstance(explained, list) else json.loads(explained)
    nodes = _nodes(plan[0]["Plan"])
    index = "ix_records_modified" if column == "modified_at" else "ix_records_created"
    assert index in json.dumps(plan), nodes
    assert "Seq Scan records" not in nodes, nodes
