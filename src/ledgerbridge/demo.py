"""``ledgerbridge demo``: Ledgerbridge on embedded SQLite with seeded provider sandboxes connected.

Every registered provider with a sandbox is started, seeded and connected, unless its sandbox is slow to start
(a real server; ``--with-slow`` brings those in too) or needs an extra that is not installed. Sandboxes served
over ASGI are mounted beside the API under ``/sandbox/<provider>``.

Everything lives in the data dir: the database, the generated secret key, the sandboxes' own data, and
``demo.json`` (base URL, API key, connection tokens). Restarting on the same data dir reuses all of it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import shlex
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import simplejson
import uvicorn

from ledgerbridge import private_files, wire
from ledgerbridge.api import create_app
from ledgerbridge.connect import connect
from ledgerbridge.connectors import spec, specs
from ledgerbridge.connectors.provider_spec import DemoSandbox, ProviderSpec
from ledgerbridge.onboarding import app_credentials, magic_link, operators
from ledgerbridge.runtime import Runtime
from ledgerbridge.settings import Settings
from ledgerbridge.store import provider_apps, records, tenancy
from ledgerbridge.store.db import upgrade
from ledgerbridge.sync.engine import sync_connection

log = logging.getLogger("ledgerbridge.demo")

DEMO_EGRESS = ("127.0.0.0/8", "::1/128", "localhost")  # loopback: where the demo's own sandboxes listen


@dataclass
class DemoProvider:
    """One provider the demo connects, with its running sandbox."""

    spec: ProviderSpec
    sandbox: DemoSandbox

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def mount(self) -> str:
        return f"/sandbox/{self.spec.name}"

    def url(self, base_url: str) -> str:
        """Where the sandbox is reached when the demo serves it."""
        return base_url + self.mount


def chosen(*, with_slow: bool) -> list[ProviderSpec]:
    """The providers the demo runs: every one with a sandbox, its extra installed, and not slow unless asked."""
    picked = []
    for provider in specs():
        if provider.sandbox is None or (provider.sandbox.slow and not with_slow):
            continue
        if not provider.installed():
            assert provider.extra is not None
            log.warning("%s left out: pip install 'ledgerbridge[%s]'", provider.title, provider.extra.name)
            continue
        picked.append(provider)
    return picked


def start_sandboxes(data_dir: Path, providers: list[ProviderSpec], *, time_scale: float = 1.0) -> list[DemoProvider]:
    started: list[DemoProvider] = []
    try:
        for provider in providers:
            assert provider.sandbox is not None
            started.append(DemoProvider(provider, provider.sandbox.demo(data_dir, time_scale)))
    except BaseException:
        stop_sandboxes(started)
        raise
    return started


def stop_sandboxes(providers: list[DemoProvider]) -> None:
    for provider in providers:
        provider.sandbox.stop()


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
    credentials = provider.sandbox.credentials(provider.url(state.base_url))
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
                            account_id=provider.sandbox.account_id, linked_user_id=linked_user)
    state.connections[provider.name] = created.token
    return created


async def _first_customer_id(runtime: Runtime, connection: tenancy.Connection) -> str | None:
    async with runtime.engine.connect() as db:
        rows = await records.page(db, records.Scope(connection.project_id, connection.id), "contact", after=None,
                                  before=None, limit=200, with_remote_data=False)
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
    """What to paste: the values of demo.json, and curl commands on the first connected provider."""
    lines = [
        "",
        "Ledgerbridge demo is running.",
        f"  base URL     {state.base_url}       (OpenAPI docs: {state.base_url}/docs)",
        f"  API key      {state.api_key}",
    ]
    lines += [f"  {name:<12} connection token {token}" for name, token in state.connections.items()]
    if state.extra.get("magic_link"):
        oauth = " or ".join(s.title for s in specs() if s.oauth is not None and s.name in state.connections)
        lines.append(f"  magic link   {state.extra['magic_link']}")
        lines.append(f"               (the hosted connect page: link another {oauth} company)")
    if state.extra.get("dashboard"):
        board = state.extra["dashboard"]
        lines.append(f"  dashboard    {board['url']}  user {board['username']}  password {board['password']}")
    if state.extra.get("metrics_token"):
        lines.append(f"  metrics      curl -s {state.base_url}/metrics "
                     f"-H 'Authorization: Bearer {state.extra['metrics_token']}'")
    if not state.connections:
        return "\n".join(lines)
    first, token = next(iter(state.connections.items()))
    title = spec(first).title
    headers = f"-H 'x-api-key: {state.api_key}' -H 'x-connection-token: {token}'"
    body = simplejson.dumps({**SEED_BODY, "contact_id": customers.get(first) or "<a contact id from the list>"},
                            indent=2, use_decimal=True)
    lines += [
        "",
        f"List {title} contacts:",
        f"  curl -s {state.base_url}/accounting/contacts {headers}",
        "",
        f"Create the seed invoice in {title} (contact_id is a real customer of the sandbox):",
        f"  curl -s -X POST {state.base_url}/accounting/invoices {headers} "
        f"-H 'content-type: application/json' -H 'Idempotency-Key: {uuid.uuid4()}' -d {shlex.quote(body)}",
        "",
        "Then GET /accounting/invoices/<id>, and page with GET /accounting/invoices?limit=5&cursor=<next_cursor>.",
    ]
    lines += [f"Same calls on {spec(name).title}: use the {name} connection token "
              "(its customers: GET /accounting/contacts)." for name in list(state.connections)[1:]]
    lines.append("")
    return "\n".join(lines)


def _saved_extra(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.exists() else {}


def _metrics_token(data_dir: Path) -> str:
    """GET /metrics needs a bearer token: the environment's, else the one demo.json kept, else a new one."""
    saved = _saved_extra(data_dir / "demo.json").get("metrics_token")
    return os.environ.get("LEDGERBRIDGE_METRICS_TOKEN") or (saved if isinstance(saved, str) and saved else
                                                           secrets.token_urlsafe(24))


async def _onboarding(runtime: Runtime, state: DemoState, providers: list[DemoProvider], *,
                      saved: dict[str, Any]) -> None:
    """The hosted connect page (a magic link for the demo user) and a dashboard operator for the project."""
    project_id = uuid.UUID(state.project_id)
    async with runtime.engine.begin() as db:
        for provider in providers:
            if provider.sandbox.oauth_app is not None:
                values = provider.sandbox.oauth_app(provider.url(state.base_url), f"{state.base_url}/connect/callback")
                await app_credentials.save(db, runtime.sealer, project_id=project_id, provider=provider.name,
                                           values=values)
            elif provider.spec.key_form is not None:  # its form is offered on the demo project's connect page
                await app_credentials.enable(db, runtime.sealer, project_id=project_id, provider=provider.name)
            if provider.sandbox.notifications is not None:  # the sandbox tells us of changes, as the provider would
                receiver = f"{state.base_url}/notifications/{provider.name}/{project_id}"
                await provider_apps.save_notification_key(db, runtime.sealer, project_id=project_id,
                                                          provider=provider.name,
                                                          key=provider.sandbox.notifications(receiver))
        board = saved.get("dashboard")
        if board is None or await operators.operator_id_for(db, board["username"]) is None:
            board = {"username": "demo", "password": secrets.token_urlsafe(12)}
            operator_id = await operators.create_operator(db, username=board["username"], password=board["password"])
            await operators.grant(db, operator_id=operator_id, project_id=project_id)
    state.extra["dashboard"] = {**board, "url": f"{state.base_url}/dashboard"}
    state.extra["magic_link"] = await magic_link(
        runtime, project_id=project_id, linked_user_id=uuid.UUID(state.linked_user_id), base_url=state.base_url
    )


async def run_demo(*, port: int, data_dir: Path, host: str = "127.0.0.1", with_slow: bool = False) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    private_files.make_private(data_dir)  # the database, demo.json and the sandboxes' state: owner-only
    settings = Settings(data_dir=data_dir, host=host, port=port, metrics_token=_metrics_token(data_dir))
    # The demo's sandboxes (and a Tryton server, a webhook receiver a user tries) run on this machine: loopback
    # is allowed on top of whatever the environment allows, which a real deployment would not do.
    settings = settings.model_copy(update={"egress_allow_networks": [*settings.egress_allow_networks, *DEMO_EGRESS]})
    runtime = Runtime(settings)
    await upgrade(runtime.engine)

    providers = start_sandboxes(data_dir, chosen(with_slow=with_slow), time_scale=settings.sandbox_time_scale)
    try:
        base_url = f"http://{host}:{port}"
        mounts = {p.mount: p.sandbox.app for p in providers if p.sandbox.app is not None}
        app = create_app(runtime, mounts=mounts)
        server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
        serving = asyncio.create_task(server.serve())
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
        state.extra["metrics_token"] = settings.metrics_token
        state_path.write_text(json.dumps(state.to_json(), indent=2) + "\n")
        print(instructions(state, customers), flush=True)
        await serving
    finally:
        stop_sandboxes(providers)
