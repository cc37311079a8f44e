"""``ledgerbridge demo``: Ledgerbridge on embedded SQLite with seeded provider sandboxes connected.

Everything lives in the data dir: the database, the generated secret key, the sandboxes' own data, and
``demo.json`` (base URL, API key, connection tokens). Restarting on the same data dir reuses all of it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shlex
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import select

from ledgerbridge.api import create_app
from ledgerbridge.connect import connect
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sandbox.quickbooks import create_app as quickbooks_app
from ledgerbridge.sandbox.xero import XeroSandbox
from ledgerbridge.sandbox.xero import create_app as xero_app
from ledgerbridge.settings import Settings
from ledgerbridge.store import tenancy
from ledgerbridge.store.db import upgrade
from ledgerbridge.store.tables import records
from ledgerbridge.sync.engine import sync_connection

log = logging.getLogger("ledgerbridge.demo")

QUICKBOOKS_REALM = "9130355377201453"
QUICKBOOKS_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")
QUICKBOOKS_MOUNT = "/sandbox/quickbooks"
XERO_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")
XERO_MOUNT = "/sandbox/xero"


def quickbooks_credentials(sandbox: QuickBooksSandbox, realm_id: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``realm_id`` of a QuickBooks sandbox served at ``base_url``."""
    client_id, client_secret = QUICKBOOKS_CLIENT
    sandbox.register_client(client_id, client_secret)
    tokens = sandbox.issue_tokens(client_id, realm_id)
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "realm_id": realm_id,
        "api_base": f"{base_url}/v3",
        "token_url": f"{base_url}/oauth2/v1/tokens/bearer",
    }


def xero_credentials(sandbox: XeroSandbox, tenant_id: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``tenant_id`` of a Xero sandbox served at ``base_url``."""
    client_id, client_secret = XERO_CLIENT
    sandbox.register_client(client_id, client_secret)
    tokens = sandbox.issue_tokens(client_id, [tenant_id])
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "tenant_id": tenant_id,
        "api_base": f"{base_url}/api.xro/2.0",
        "token_url": f"{base_url}/identity/connect/token",
    }


@dataclass
class DemoState:
    base_url: str
    api_key: str
    connections: dict[str, str]
    project_id: str

    def to_json(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "api_key": self.api_key,
            "connections": self.connections,
            "project_id": self.project_id,
        }


async def _reuse(runtime: Runtime, path: Path) -> DemoState | None:
    if not path.exists():
        return None
    saved = json.loads(path.read_text())
    async with runtime.engine.connect() as db:
        project = await tenancy.project_for_api_key(db, saved.get("api_key", ""))
    if project is None:
        return None
    return DemoState(saved["base_url"], saved["api_key"], saved["connections"], str(project.id))


async def _provision(runtime: Runtime, sandbox: QuickBooksSandbox, base_url: str) -> DemoState:
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name="Demo project")
        api_key = await tenancy.create_api_key(db, project_id=project.id, name="demo")
        user_id = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="demo-user",
                                                   alias="Demo user")
    connection = await connect(
        runtime, project_id=project.id, provider="quickbooks", linked_user_id=user_id,
        credentials=quickbooks_credentials(sandbox, QUICKBOOKS_REALM, base_url + QUICKBOOKS_MOUNT),
        account_id=QUICKBOOKS_REALM,
    )
    return DemoState(base_url, api_key, {"quickbooks": connection.token}, str(project.id))


async def _point_at(runtime: Runtime, state: DemoState, sandbox: QuickBooksSandbox, base_url: str) -> None:
    """After a restart on another port, aim the saved connection at the sandbox's new address."""
    async with runtime.engine.begin() as db:
        connection = await tenancy.connection_for_token(
            db, project_id=uuid.UUID(state.project_id), token=state.connections["quickbooks"]
        )
        assert connection is not None
        await tenancy.save_credentials(
            db, runtime.sealer, project_id=connection.project_id, connection_id=connection.id,
            credentials=quickbooks_credentials(sandbox, QUICKBOOKS_REALM, base_url + QUICKBOOKS_MOUNT),
        )
    state.base_url = base_url


async def _first_customer_id(runtime: Runtime, state: DemoState) -> str | None:
    async with runtime.engine.connect() as db:
        row = (
            await db.execute(
                select(records.c.id)
                .where(records.c.project_id == state.project_id, records.c.object_type == "contact",
                       records.c.remote_key.like("Customer/%"))
                .order_by(records.c.seq)
                .limit(1)
            )
        ).first()
    return None if row is None else row.id


SEED_BODY: dict[str, Any] = {
    "type": "Sales",
    "number": "INV-001",
    "issue_date": "2024-06-15T12:00:00Z",
    "due_date": "2024-07-15T12:00:00Z",
    "memo": "Payment for services rendered",
    "currency": "USD",
    "line_items": [{"name": "Consulting services", "value": 300.50, "type": "Operating Activities"}],
}


def instructions(state: DemoState, contact_id: str | None) -> str:
    headers = f"-H 'x-api-key: {state.api_key}' -H 'x-connection-token: {state.connections['quickbooks']}'"
    body = json.dumps({**SEED_BODY, "contact_id": contact_id or "<a contact id from the list>"}, indent=2)
    return "\n".join(
        [
            "",
            "Ledgerbridge demo is running.",
            f"  base URL          {state.base_url}",
            f"  API key           {state.api_key}",
            f"  QuickBooks token  {state.connections['quickbooks']}",
            "",
            "List contacts:",
            f"  curl -s {state.base_url}/accounting/contacts {headers}",
            "",
            "Create the seed invoice (contact_id is a real customer of the sandbox):",
            f"  curl -s -X POST {state.base_url}/accounting/invoices {headers} "
            f"-H 'content-type: application/json' -H 'Idempotency-Key: {uuid.uuid4()}' -d {shlex.quote(body)}",
            "",
            "Then: GET /accounting/invoices/<id>, and page with GET /accounting/invoices?limit=5&cursor=<next_cursor>",
            "",
        ]
    )


async def run_demo(*, port: int, data_dir: Path, host: str = "127.0.0.1") -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=data_dir, host=host, port=port)
    runtime = Runtime(settings)
    await upgrade(runtime.engine)

    sandbox = QuickBooksSandbox(data_dir / "sandbox-quickbooks.sqlite")
    sandbox.create_realm(QUICKBOOKS_REALM, company_name="Ledgerbridge Demo Co")
    sandbox.seed_demo(QUICKBOOKS_REALM)

    base_url = f"http://{host}:{port}"
    state_path = data_dir / "demo.json"
    app = create_app(runtime, mounts={QUICKBOOKS_MOUNT: quickbooks_app(sandbox)})
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        if serving.done():
            serving.result()  # re-raises why the server could not start (port taken…)
            return
        await asyncio.sleep(0.05)

    state = await _reuse(runtime, state_path)
    if state is None:
        state = await _provision(runtime, sandbox, base_url)
    else:
        await _point_at(runtime, state, sandbox, base_url)
    state_path.write_text(json.dumps(state.to_json(), indent=2) + "\n")

    async with runtime.engine.connect() as db:
        connection = await tenancy.connection_for_token(
            db, project_id=uuid.UUID(state.project_id), token=state.connections["quickbooks"]
        )
    assert connection is not None
    report = await sync_connection(runtime, connection)
    log.info("synced QuickBooks sandbox: %s", report.records)
    print(instructions(state, await _first_customer_id(runtime, state)), flush=True)
    await serving
