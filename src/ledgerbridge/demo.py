"""``ledgerbridge demo``: Ledgerbridge on embedded SQLite with seeded provider sandboxes connected.

Everything lives in the data dir: the database, the generated secret key, the sandboxes' own data, and
``demo.json`` (base URL, API key, connection tokens). Restarting on the same data dir reuses all of it.
With ``--with-tryton`` (and the ``tryton`` extra installed) a local Tryton server with a small book joins in.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import shlex
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import simplejson
import uvicorn
from sqlalchemy import select
from starlette.types import ASGIApp

from ledgerbridge import wire
from ledgerbridge.api import create_app
from ledgerbridge.connect import connect
from ledgerbridge.onboarding import app_credentials, magic_link, operators
from ledgerbridge.onboarding.providers import sandbox_endpoints
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
XERO_TENANT_NAME = "Ledgerbridge Demo Ltd"
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
class DemoProvider:
    """One provider the demo connects: where its API is served and how to get credentials for it."""

    name: str
    account_id: str
    credentials: Callable[[str], dict[str, Any]]  # base URL of the running demo → credentials
    mount: str | None = None
    app: ASGIApp | None = None
    # For the hosted connect page: registers our callback with the sandbox's OAuth app and returns the project's
    # provider-app settings (client id/secret and the sandbox's OAuth endpoints).
    oauth_app: Callable[[str], dict[str, Any]] | None = None


def sandbox_providers(data_dir: Path, *, time_scale: float = 1.0) -> list[DemoProvider]:
    quickbooks = QuickBooksSandbox(data_dir / "sandbox-quickbooks.sqlite", time_scale=time_scale)
    quickbooks.create_realm(QUICKBOOKS_REALM, company_name="Ledgerbridge Demo Co")
    quickbooks.seed_demo(QUICKBOOKS_REALM)
    xero = XeroSandbox(data_dir / "sandbox-xero.sqlite", time_scale=time_scale)
    tenant = xero.create_tenant(name=XERO_TENANT_NAME)
    xero.seed_demo(tenant)

    def quickbooks_oauth(base: str) -> dict[str, Any]:
        quickbooks.register_client(*QUICKBOOKS_CLIENT, redirect_uris=[f"{base}/connect/callback"])
        return {"client_id": QUICKBOOKS_CLIENT[0], "client_secret": QUICKBOOKS_CLIENT[1],
                **sandbox_endpoints("quickbooks", base + QUICKBOOKS_MOUNT)}

    def xero_oauth(base: str) -> dict[str, Any]:
        xero.register_client(*XERO_CLIENT, redirect_uris=[f"{base}/connect/callback"])
        return {"client_id": XERO_CLIENT[0], "client_secret": XERO_CLIENT[1],
                **sandbox_endpoints("xero", base + XERO_MOUNT)}

    def scaled(per_minute: int) -> dict[str, Any]:  # our budget keeps pace with the sandbox's scaled minute
        return {} if time_scale == 1.0 else {"rate_per_minute": int(per_minute * time_scale)}

    return [
        DemoProvider("quickbooks", QUICKBOOKS_REALM,
                     lambda base: quickbooks_credentials(quickbooks, QUICKBOOKS_REALM, base + QUICKBOOKS_MOUNT)
                     | scaled(500),
                     QUICKBOOKS_MOUNT, quickbooks_app(quickbooks), quickbooks_oauth),
        DemoProvider("xero", tenant, lambda base: xero_credentials(xero, tenant, base + XERO_MOUNT)
                     | scaled(60),
                     XERO_MOUNT, xero_app(xero), xero_oauth),
    ]


def tryton_provider(data_dir: Path) -> tuple[DemoProvider, Any]:
    """A local trytond serving a demo copy of the test book (company, chart, taxes, parties, products)."""
    import shutil
    import urllib.error
    import urllib.request

    from ledgerbridge.connectors.tryton.testing import TrytonServer, ensure_book

    directory = data_dir / "tryton"
    server = TrytonServer(directory, ensure_book())
    server.start()
    database = "demo"
    kept = directory / "db" / f"{database}.sqlite"
    if not kept.exists():  # the demo's own database survives restarts; the book itself is the template
        shutil.copy(server.book, kept)
    with contextlib.suppress(urllib.error.HTTPError):  # any request loads the database's pool; Tryton 8
        urllib.request.urlopen(f"{server.url}/{database}/rest/model/res.user", timeout=30).read()  # needs it
    return DemoProvider("tryton", database, lambda _base: server.credentials(database)), server


@dataclass
class DemoState:
    base_url: str
    api_key: str
    project_id: str
    linked_user_id: str
    connections: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "api_key": self.api_key,
            "connections": self.connections,
            "project_id": self.project_id,
            "linked_user_id": self.linked_user_id,
            **self.extra,
        }


async def _reuse(runtime: Runtime, path: Path) -> DemoState | None:
    if not path.exists():
        return None
    saved = json.loads(path.read_text())
    async with runtime.engine.connect() as db:
        project = await tenancy.project_for_api_key(db, saved.get("api_key", ""))
    if project is None:
        return None
    return DemoState(saved["base_url"], saved["api_key"], str(project.id), saved.get("linked_user_id", ""),
                     dict(saved.get("connections", {})))


async def _new_project(runtime: Runtime, base_url: str) -> DemoState:
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name="Demo project")
        api_key = await tenancy.create_api_key(db, project_id=project.id, name="demo")
        user_id = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="demo-user",
                                                   alias="Demo user")
    return DemoState(base_url, api_key, str(project.id), str(user_id))


async def _connection(runtime: Runtime, state: DemoState, provider: DemoProvider) -> tenancy.Connection:
    """The provider's demo connection: reused (and re-pointed at today's address) or created."""
    project_id = uuid.UUID(state.project_id)
    credentials = provider.credentials(state.base_url)
    token = state.connections.get(provider.name)
    if token is not None:
        async with runtime.engine.begin() as db:
            existing = await tenancy.connection_for_token(db, project_id=project_id, token=token)
            if existing is not None:
                await tenancy.save_credentials(db, runtime.sealer, project_id=project_id,
                                               connection_id=existing.id, credentials=credentials)
                return await tenancy.get_connection(db, project_id=project_id,  # type: ignore[return-value]
                                                    connection_id=existing.id)
    linked_user = uuid.UUID(state.linked_user_id) if state.linked_user_id else None
    created = await connect(runtime, project_id=project_id, provider=provider.name, credentials=credentials,
                            account_id=provider.account_id, linked_user_id=linked_user)
    state.connections[provider.name] = created.token
    return created


async def _first_customer_id(runtime: Runtime, connection: tenancy.Connection) -> str | None:
    async with runtime.engine.connect() as db:
        rows = (
            await db.execute(
                select(records.c.id, records.c.data)
                .where(records.c.project_id == str(connection.project_id),
                       records.c.connection_id == str(connection.id), records.c.object_type == "contact")
                .order_by(records.c.seq)
                .limit(200)
            )
        ).all()
    return next((str(row.id) for row in rows if wire.loads(row.data).get("is_customer")), None)


SEED_BODY: dict[str, Any] = {
    "type": "Sales",
    "number": "INV-001",
    "issue_date": "2024-06-15T12:00:00Z",
    "due_date": "2024-07-15T12:00:00Z",
    "memo": "Payment for services rendered",
    "line_items": [{"name": "Consulting services", "value": Decimal("300.50"), "type": "Operating Activities"}],
}


def instructions(state: DemoState, customers: dict[str, str | None]) -> str:
    lines = [
        "",
        "Ledgerbridge demo is running.",
        f"  base URL     {state.base_url}       (OpenAPI docs: {state.base_url}/docs)",
        f"  API key      {state.api_key}",
    ]
    lines += [f"  {name:<12} connection token {token}" for name, token in state.connections.items()]
    if state.extra.get("magic_link"):
        lines.append(f"  magic link   {state.extra['magic_link']}")
        lines.append("               (the hosted connect page: link another QuickBooks or Xero company)")
    if state.extra.get("dashboard"):
        board = state.extra["dashboard"]
        lines.append(f"  dashboard    {board['url']}  user {board['username']}  password {board['password']}")
    token = state.connections["quickbooks"]
    headers = f"-H 'x-api-key: {state.api_key}' -H 'x-connection-token: {token}'"
    body = simplejson.dumps({**SEED_BODY, "contact_id": customers.get("quickbooks") or "<a contact id from the list>"},
                            indent=2, use_decimal=True)
    lines += [
        "",
        "List QuickBooks contacts:",
        f"  curl -s {state.base_url}/accounting/contacts {headers}",
        "",
        "Create the seed invoice in QuickBooks (contact_id is a real customer of the sandbox):",
        f"  curl -s -X POST {state.base_url}/accounting/invoices {headers} "
        f"-H 'content-type: application/json' -H 'Idempotency-Key: {uuid.uuid4()}' -d {shlex.quote(body)}",
        "",
        "Then GET /accounting/invoices/<id>, and page with GET /accounting/invoices?limit=5&cursor=<next_cursor>.",
        "Same calls on Xero: use the xero connection token (its customers: GET /accounting/contacts).",
        "",
    ]
    return "\n".join(lines)


def _saved_extra(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.exists() else {}


async def _onboarding(runtime: Runtime, state: DemoState, providers: list[DemoProvider], *,
                      saved: dict[str, Any]) -> None:
    """The hosted connect page (a magic link for the demo user) and a dashboard operator for the project."""
    project_id = uuid.UUID(state.project_id)
    async with runtime.engine.begin() as db:
        for provider in providers:
            if provider.oauth_app is not None:
                await app_credentials.save(db, runtime.sealer, project_id=project_id, provider=provider.name,
                                           values=provider.oauth_app(state.base_url))
        board = saved.get("dashboard")
        if board is None or await operators.operator_id_for(db, board["username"]) is None:
            board = {"username": "demo", "password": secrets.token_urlsafe(12)}
            operator_id = await operators.create_operator(db, username=board["username"], password=board["password"])
            await operators.grant(db, operator_id=operator_id, project_id=project_id)
    state.extra["dashboard"] = {**board, "url": f"{state.base_url}/dashboard"}
    state.extra["magic_link"] = await magic_link(
        runtime, project_id=project_id, linked_user_id=uuid.UUID(state.linked_user_id), base_url=state.base_url
    )


async def run_demo(*, port: int, data_dir: Path, host: str = "127.0.0.1", with_tryton: bool = False) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=data_dir, host=host, port=port)
    runtime = Runtime(settings)
    await upgrade(runtime.engine)

    providers = sandbox_providers(data_dir, time_scale=settings.sandbox_time_scale)
    tryton_server = None
    if with_tryton:
        tryton, tryton_server = tryton_provider(data_dir)
        providers.append(tryton)

    base_url = f"http://{host}:{port}"
    mounts = {p.mount: p.app for p in providers if p.mount and p.app}
    app = create_app(runtime, mounts=mounts)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    serving = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if serving.done():
                serving.result()  # re-raises why the server could not start (port taken…)
                return
            await asyncio.sleep(0.05)

        state_path = data_dir / "demo.json"
        state = await _reuse(runtime, state_path) or await _new_project(runtime, base_url)
        state.base_url = base_url
        customers: dict[str, str | None] = {}
        for provider in providers:
            connection = await _connection(runtime, state, provider)
            report = await sync_connection(runtime, connection)
            log.info("synced %s: %s", provider.name, report.records)
            customers[provider.name] = await _first_customer_id(runtime, connection)
        await _onboarding(runtime, state, providers, saved=_saved_extra(state_path))
        state_path.write_text(json.dumps(state.to_json(), indent=2) + "\n")
        print(instructions(state, customers), flush=True)
        await serving
    finally:
        if tryton_server is not None:
            tryton_server.stop()
