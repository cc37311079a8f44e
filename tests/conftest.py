"""Shared fixtures: every store-touching test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``LEDGERBRIDGE_TEST_POSTGRES`` (a URL to a database we may create others from; `.ci/run`
sets it) or 127.0.0.1:5432 as postgres. If it cannot be reached the PostgreSQL half fails loudly rather than
skipping, unless ``LEDGERBRIDGE_TEST_SKIP_POSTGRES=1`` is set deliberately.
"""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from ledgerbridge.runtime import Runtime
from ledgerbridge.settings import Settings
from ledgerbridge.store.db import create_engine, upgrade
from tests.providers import TEST_EGRESS

pytest_plugins = ["tests.providers"]

POSTGRES_ADMIN_URL = os.environ.get(
    "LEDGERBRIDGE_TEST_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
SECRET = base64.b64encode(b"k" * 32).decode()

BACKENDS = ["sqlite"] + ([] if os.environ.get("LEDGERBRIDGE_TEST_SKIP_POSTGRES") == "1" else ["postgres"])


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`make test` runs on two workers (pytest-xdist, ``--dist loadgroup``): tests that share an expensive session
    fixture are grouped onto one worker, so it is built once — a provider's contract tenant (seeded, one of each
    object written, synced) and the Tryton server. Everything else is spread freely."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        params = callspec.params if callspec is not None else {}
        if "provider_name" in params:
            group = f"contract-{params['provider_name']}"
        elif params.get("provider") == "tryton" or "tryton_server" in getattr(item, "fixturenames", ()):
            group = "tryton"
        else:
            continue
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session", params=BACKENDS)
async def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "ledgerbridge.db"
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        await upgrade(engine)
        yield engine
        await engine.dispose()
        return
    name = f"lb_test_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as db:
        await db.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    engine = create_engine(url)
    await upgrade(engine)
    yield engine
    await engine.dispose()
    async with admin.connect() as db:
        await db.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, secret_key=SECRET, egress_allow_networks=TEST_EGRESS)


@pytest.fixture
def transports() -> dict[str, httpx.AsyncBaseTransport]:
    """Provider name → transport; fixtures that start a sandbox add theirs here."""
    return {}


@pytest.fixture
async def runtime(
    settings: Settings, engine: AsyncEngine, transports: dict[str, httpx.AsyncBaseTransport]
) -> AsyncIterator[Runtime]:
    runtime = Runtime(settings, engine=engine, transports=transports)
    yield runtime
    await runtime.http.aclose()  # the engine is the session's: not disposed here
