"""SIGKILL a sync at random points, restart it, and check the store equals the provider exactly.

The provider is a QuickBooks sandbox served over real HTTP (uvicorn, in a thread of this process); the sync runs
in a child process (``ledgerbridge sync``), killed after a random delay. Between trials the books change:
invoices are created and edited, and — on trials whose sync is full — deleted. After every restart the store's
live records must be exactly the provider's (ids and unified data), and everything else marked deleted.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import select

from ledgerbridge import wire
from ledgerbridge.ids import record_id
from ledgerbridge.objects import BY_NAME
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.settings import Settings
from ledgerbridge.store.tables import records
from tests.conftest import SECRET
from tests.factories import quickbooks_tenant

TRIALS = 10
CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[QuickBooksSandbox, str, str]]:
    sandbox = QuickBooksSandbox(rate_per_minute=100_000, max_concurrent=50)
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    sandbox.seed_invoices(realm, 400)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(sandbox), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield sandbox, realm, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


def _child(url: str, data_dir: Path, connection: str, full: bool) -> subprocess.Popen[bytes]:
    env = dict(os.environ, LEDGERBRIDGE_DATABASE_URL=url, LEDGERBRIDGE_SECRET_KEY=SECRET,
               LEDGERBRIDGE_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT / "src"))
    args = [sys.executable, str(CHILD), "sync", connection, "--no-progress", *(["--full"] if full else [])]
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _mutate(sandbox: QuickBooksSandbox, realm: str, rng: random.Random, *, deletes: bool) -> None:
    live = [r[0] for r in sandbox.store.select(
        "SELECT id FROM entities WHERE realm=? AND entity='Invoice' AND deleted=0", [realm])]
    for entity_id in rng.sample(live, 8):
        doc = sandbox.read(realm, "Invoice", entity_id)
        sandbox.write(realm, "Invoice", {"Id": entity_id, "SyncToken": doc["SyncToken"], "sparse": True,
                                         "PrivateNote": f"edit {rng.random():.6f}"})
    if deletes:
        for entity_id in rng.sample(live, 5):
            doc = sandbox.read(realm, "Invoice", entity_id)
            if any(t.get("TxnType") == "Payment" for t in doc.get("LinkedTxn", [])):
                continue
            sandbox.write(realm, "Invoice", {"Id": entity_id, "SyncToken": doc["SyncToken"]}, operation="delete")
    sandbox.seed_invoices(realm, rng.randint(0, 30))


async def _provider_truth(runtime: Runtime, tenant: Any) -> dict[str, str]:
    """Every live record at the provider, as the connector maps it: {Ledgerbridge id: unified JSON}."""
    connector = runtime.connector(tenant.connection)
    connector.page_size = 1000
    truth: dict[str, str] = {}
    for name, ops in connector.capabilities.objects.items():
        if "list" not in ops or BY_NAME[name].report:  # reports are fetched per period, never synced
            continue
        async for page in connector.pages(name, None):
            for item in page:
                if not item.deleted:
                    key = str(record_id(tenant.connection.id, item.object, item.remote_key))
                    truth[key] = wire.dumps(item.data.model_dump(mode="python"))
    return truth


async def _store(runtime: Runtime, tenant: Any) -> tuple[dict[str, str], set[str]]:
    async with runtime.engine.connect() as db:
        rows = (await db.execute(select(records.c.id, records.c.data, records.c.deleted).where(
            records.c.project_id == str(tenant.project_id),
            records.c.connection_id == str(tenant.connection.id)))).all()
    return {r.id: r.data for r in rows if not r.deleted}, {r.id for r in rows if r.deleted}


async def test_sync_killed_at_random_points_converges(
    engine: Any, served: tuple[QuickBooksSandbox, str, str], tmp_path: Path
) -> None:
    sandbox, realm, base = served
    settings = Settings(data_dir=tmp_path, secret_key=SECRET)
    runtime = Runtime(settings, engine=engine)
    url = engine.url.render_as_string(hide_password=False)
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    # The connection talks to the served sandbox over HTTP, in this process and in the child.
    from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials as quickbooks_credentials
    from ledgerbridge.store import tenancy

    async with runtime.engine.begin() as db:
        await tenancy.save_credentials(db, runtime.sealer, project_id=tenant.project_id,
                                       connection_id=tenant.connection.id,
                                       credentials=quickbooks_credentials(sandbox, realm, base))
        tenant.connection = await tenancy.get_connection(db, project_id=tenant.project_id,
                                                         connection_id=tenant.connection.id)
    connection = str(tenant.connection.id)
    rng = random.Random(6)

    started = time.monotonic()
    assert _child(url, tmp_path, connection, full=True).wait(120) == 0  # a baseline: how long one sync takes
    duration = time.monotonic() - started
    kills = 0
    try:
        for trial in range(TRIALS):
            full = trial % 2 == 0
            _mutate(sandbox, realm, rng, deletes=full)
            child = _child(url, tmp_path, connection, full)
            await asyncio.sleep(rng.uniform(0.2, duration))
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
                kills += 1
            child.wait(30)
            restart = _child(url, tmp_path, connection, full)
            _, err = restart.communicate(timeout=120)
            assert restart.returncode == 0, err.decode()[-2000:]
            truth = await _provider_truth(runtime, tenant)
            live, deleted = await _store(runtime, tenant)
            assert set(live) == set(truth), f"trial {trial}: ids differ"
            assert live == truth, f"trial {trial}: data differs"
            assert deleted.isdisjoint(truth)
    finally:
        await runtime.http.aclose()
    assert kills >= TRIALS // 2, f"only {kills} of {TRIALS} children were still running when killed"
    assert deleted, "deletions at the provider were never seen"
