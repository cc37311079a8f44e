"""What a project's notification set-up looks like to an operator: per provider, whether the key is set (never the
key itself) and the path to register; per connection, whether notifications flow — in the store and on the CLI."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import httpx
from typer.testing import CliRunner

from ledgerbridge.cli import app
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import idempotency
from ledgerbridge.store.records import Scope
from ledgerbridge.sync.status import notification_setup
from tests.conftest import SECRET
from tests.factories import Tenant
from tests.notifications import test_inbound
from tests.notifications.test_inbound import set_key
from tests.providers import QuickBooksHarness

qbo = test_inbound.qbo  # the fixture: a connected, synced QuickBooks tenant


async def test_keys_and_flow_per_provider(runtime: Runtime, api: httpx.AsyncClient,
                                          qbo: tuple[QuickBooksHarness, Tenant]) -> None:
    _, tenant = qbo
    async with runtime.engine.connect() as db:
        before = {e["provider"]: e for e in await notification_setup(db, project_id=tenant.project_id)}
    assert {"quickbooks", "xero"} <= set(before)
    assert before["quickbooks"]["key_set_at"] is None
    assert before["quickbooks"]["connections"][0]["flowing"] is False

    await set_key(api, tenant, "quickbooks", "intuit-verifier-token")
    scope = Scope(tenant.project_id, tenant.connection.id)
    # A notification received and applied (as sync.notified keeps them)
    await idempotency.claim(runtime.engine, scope, "notification:x", "x", ttl=dt.timedelta(hours=1))
    async with runtime.engine.begin() as db:
        await idempotency.finish(db, scope, "notification:x", status_code=200, response="")
    async with runtime.engine.connect() as db:
        after = {e["provider"]: e for e in await notification_setup(db, project_id=tenant.project_id)}
    assert after["quickbooks"]["key_set_at"] is not None and after["xero"]["key_set_at"] is None
    assert "intuit-verifier-token" not in str(after)
    connection: dict[str, Any] = after["quickbooks"]["connections"][0]
    assert connection["flowing"] is True and connection["applied_last_24h"] == 1
    assert after["quickbooks"]["path"] == f"/notifications/quickbooks/{tenant.project_id}"


def test_the_cli_lists_them(tmp_path: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("LEDGERBRIDGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LEDGERBRIDGE_SECRET_KEY", SECRET)
    runner = CliRunner()
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    created = runner.invoke(app, ["projects", "create", "Acme"])
    project = re.search(r"project  ([0-9a-f-]{36})", created.output).group(1)  # type: ignore[union-attr]
    shown = runner.invoke(app, ["provider-apps", "notifications", project])
    assert shown.exit_code == 0, shown.output
    assert f"quickbooks: no verifier token; register /notifications/quickbooks/{project}" in shown.output
    assert f"xero: no webhook key; register /notifications/xero/{project}" in shown.output
