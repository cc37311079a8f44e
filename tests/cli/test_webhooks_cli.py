"""``ledgerbridge webhooks …`` against the test database (SQLite and PostgreSQL): endpoints created with the secret
printed once, listed without it, disabled/enabled/deleted; the delivery log and retry; refusals that change
nothing, for bad input and for another project's ids."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine
from typer.testing import CliRunner

from ledgerbridge.cli import app
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy
from ledgerbridge.store import webhooks as store
from ledgerbridge.store.tables import webhook_deliveries, webhook_endpoints
from tests.conftest import SECRET

UUID = r"[0-9a-f-]{36}"
Cli = Callable[..., Awaitable[str]]


@pytest.fixture(autouse=True)
async def _leave_no_outbox(runtime: Runtime) -> AsyncIterator[None]:
    """The database is shared by the session and the dispatcher claims across projects: endpoints (and their
    pending deliveries) made here must not be delivered by another module's test."""
    async with runtime.engine.connect() as db:
        before = set((await db.execute(select(webhook_endpoints.c.id))).scalars())
    yield
    async with runtime.engine.begin() as db:
        made = [i for i in (await db.execute(select(webhook_endpoints.c.id))).scalars() if i not in before]
        await db.execute(delete(webhook_deliveries).where(webhook_deliveries.c.endpoint_id.in_(made)))
        await db.execute(delete(webhook_endpoints).where(webhook_endpoints.c.id.in_(made)))


@pytest.fixture
def cli(engine: AsyncEngine, tmp_path: Path) -> Cli:
    """Run the command on the test database. In a thread: the CLI runs its own event loop (``asyncio.run``)."""
    env = {"LEDGERBRIDGE_DATABASE_URL": engine.url.render_as_string(hide_password=False),
           "LEDGERBRIDGE_DATA_DIR": str(tmp_path), "LEDGERBRIDGE_SECRET_KEY": SECRET}
    runner = CliRunner()

    async def run(*args: str, ok: bool = True) -> str:
        result = await asyncio.to_thread(runner.invoke, app, list(args), env=env)
        assert (result.exit_code == 0) == ok, result.output
        return result.output

    return run


async def _project(runtime: Runtime) -> str:
    async with runtime.engine.begin() as db:
        return str((await tenancy.create_project(db, name="Acme")).id)


async def _endpoints(runtime: Runtime, project: str) -> list[store.Endpoint]:
    async with runtime.engine.connect() as db:
        return await store.list_endpoints(db, project_id=uuid.UUID(project))


async def test_create_list_disable_enable_delete(runtime: Runtime, cli: Cli) -> None:
    project, other = await _project(runtime), await _project(runtime)
    out = await cli("webhooks", "create", "--project", project, "--url", "https://app.example/hooks",
                    "--scope", "accounting.invoice.*", "--scope", "sync.failed", "--description", "billing")
    hook = re.search(r"webhook  (" + UUID + ")", out).group(1)  # type: ignore[union-attr]
    secret = re.search(r"secret   (whsec_\S+)  \(shown once\)", out).group(1)  # type: ignore[union-attr]
    async with runtime.engine.connect() as db:
        sealed = (await db.execute(
            select(webhook_endpoints.c.secret).where(webhook_endpoints.c.id == hook))).scalar_one()
    assert runtime.sealer.open(sealed, bound_to=hook)["secret"] == secret

    listing = await cli("webhooks", "list", "--project", project)
    assert listing == f"{hook}  active  https://app.example/hooks  accounting.invoice.*,sync.failed  billing\n"
    assert "whsec_" not in listing
    assert await cli("webhooks", "list", "--project", other) == ""

    rotated = await cli("webhooks", "rotate-secret", "--project", project, hook, "--overlap", "600")
    new_secret = re.search(r"secret   (whsec_\S+)  \(shown once\)", rotated).group(1)  # type: ignore[union-attr]
    assert "previous valid until" in rotated
    async with runtime.engine.connect() as db:
        sealed = (await db.execute(
            select(webhook_endpoints.c.secret).where(webhook_endpoints.c.id == hook))).scalar_one()
    opened = runtime.sealer.open(sealed, bound_to=hook)
    assert (opened["secret"], opened["previous"]) == (new_secret, secret)

    # Another project's id is refused and changes nothing.
    for command in ("disable", "enable", "delete", "rotate-secret"):
        assert f"no webhook {hook}" in await cli("webhooks", command, "--project", other, hook, ok=False)
    assert [(e.id, e.active) for e in await _endpoints(runtime, project)] == [(uuid.UUID(hook), True)]

    assert await cli("webhooks", "disable", "--project", project, hook) == "disabled\n"
    assert "  inactive  " in await cli("webhooks", "list", "--project", project)
    assert await cli("webhooks", "enable", "--project", project, hook) == "enabled\n"
    assert [e.active for e in await _endpoints(runtime, project)] == [True]
    assert await cli("webhooks", "delete", "--project", project, hook) == "deleted\n"
    assert await _endpoints(runtime, project) == []
    assert "no webhook" in await cli("webhooks", "delete", "--project", project, hook, ok=False)


async def test_bad_input_names_every_field_and_creates_nothing(runtime: Runtime, cli: Cli) -> None:
    project = await _project(runtime)
    out = await cli("webhooks", "create", "--project", project, "--url", "ftp://files.example/x",
                    "--scope", "accounting.nothing.created", ok=False)
    assert "url must be an absolute http" in out and "scope unknown event types ['accounting.nothing.created']" in out
    assert "secret" not in out
    missing = str(uuid.uuid4())
    assert f"no project {missing}" in await cli("webhooks", "create", "--project", missing, "--url",
                                                 "https://app.example/h", "--scope", "*", ok=False)
    assert f"no project {missing}" in await cli("webhooks", "list", "--project", missing, ok=False)
    assert "--scope" in await cli("webhooks", "create", "--project", project, "--url", "https://a.example/h", ok=False)
    assert "--project" in await cli("webhooks", "list", ok=False)
    assert await _endpoints(runtime, project) == []


async def test_the_delivery_log_and_retry(runtime: Runtime, cli: Cli) -> None:
    project, other = await _project(runtime), await _project(runtime)
    now = dt.datetime.now(dt.UTC)
    async with runtime.engine.begin() as db:
        endpoint = await store.create_endpoint(db, runtime.sealer, project_id=uuid.UUID(project),
                                               url="https://app.example/h", description=None, scope=["*"],
                                               secret="whsec_x")
        await store.enqueue(db, project_id=endpoint.project_id, now=now, endpoints=[(endpoint.id, ["*"])], outgoing=[
            store.Outgoing(uuid.uuid4(), "accounting.invoice.created", "{}"),
            store.Outgoing(uuid.uuid4(), "sync.completed", "{}"),
        ])
        failed, pending = sorted(await store.list_deliveries(db, project_id=endpoint.project_id),
                                 key=lambda row: row.event_type)
        await store.finish(db, delivery_id=uuid.UUID(failed.id), status=store.FAILED, at=now, status_code=502,
                           error="HTTP 502: bad gateway", next_attempt_at=None)

    log = (await cli("webhooks", "deliveries", "--project", project)).splitlines()
    assert len(log) == 2
    assert log[0].startswith(pending.id) and "sync.completed  pending  attempts=0  last=-" in log[0]
    assert log[1].startswith(failed.id) and "accounting.invoice.created  failed  attempts=0  last=502  next=-" in log[1]
    only = await cli("webhooks", "deliveries", "--project", project, "--endpoint", str(endpoint.id),
                     "--status", "failed")
    assert only.splitlines() == [log[1]]
    assert await cli("webhooks", "deliveries", "--project", project, "--limit", "1") == log[0] + "\n"
    assert "is not one of" in await cli("webhooks", "deliveries", "--project", project, "--status", "lost", ok=False)
    assert await cli("webhooks", "deliveries", "--project", other) == ""
    assert "no webhook" in await cli("webhooks", "deliveries", "--project", other, "--endpoint", str(endpoint.id),
                                     ok=False)

    assert f"no delivery {failed.id}" in await cli("webhooks", "retry", "--project", other, failed.id, ok=False)
    async with runtime.engine.connect() as db:
        stored = await store.get_delivery(db, project_id=endpoint.project_id, delivery_id=uuid.UUID(failed.id))
        assert stored is not None and stored.status == store.FAILED
    assert await cli("webhooks", "retry", "--project", project, failed.id) == "queued\n"
    async with runtime.engine.connect() as db:
        again = await store.get_delivery(db, project_id=endpoint.project_id, delivery_id=uuid.UUID(failed.id))
    assert again.status == store.PENDING and again.event_id == failed.event_id  # type: ignore[union-attr]
