"""Admin commands: ``ledgerbridge projects|keys|linked-users|connections|provider-apps|operators|webhooks …``.

Thin, like the rest of the CLI: each command opens a :class:`Runtime` from the environment (LEDGERBRIDGE_*),
calls one package function and prints the outcome. Secrets are printed only where they are created (a new API
key, a webhook's signing secret); passwords and client secrets are prompted for, never taken from the command line
history.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Annotated, Any, NoReturn, TypeVar

import typer

T = TypeVar("T")

projects_app = typer.Typer(help="Projects.", no_args_is_help=True)
keys_app = typer.Typer(help="API keys of a project.", no_args_is_help=True)
users_app = typer.Typer(help="Linked users of a project, and their magic links.", no_args_is_help=True)
connections_app = typer.Typer(help="Connections of a project.", no_args_is_help=True)
apps_app = typer.Typer(help="A project's own OAuth apps at QuickBooks and Xero.", no_args_is_help=True)
operators_app = typer.Typer(help="Dashboard operators.", no_args_is_help=True)
webhooks_app = typer.Typer(help="Webhook endpoints of a project, and their delivery log.", no_args_is_help=True)

ProjectArg = Annotated[uuid.UUID, typer.Argument(help="Project id")]
ProjectOpt = Annotated[uuid.UUID, typer.Option("--project", help="Project id")]


def _run(work: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``work(runtime)`` on a runtime built from the environment, and close it.

    Commands say what is missing or wrong by raising the service's own errors (``NotFound``, ``ValidationFailed``);
    they end here as one line on stderr and exit status 1.
    """
    from ledgerbridge.errors import LedgerbridgeError
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.settings import Settings

    async def main() -> T:
        runtime = Runtime(Settings())
        try:
            return await work(runtime)
        finally:
            await runtime.aclose()

    try:
        return asyncio.run(main())
    except LedgerbridgeError as exc:
        _fail(_describe(exc))
        raise  # unreachable: _fail exits


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(1)


def _describe(error: Any) -> str:
    return f"{error}" + "".join(f"; {e.field} {e.message}" for e in error.errors)


def _missing(message: str) -> NoReturn:
    from ledgerbridge.errors import NotFound

    raise NotFound(message)


async def _require_project(db: Any, project_id: uuid.UUID) -> None:
    from ledgerbridge.onboarding import admin

    if await admin.get_project(db, project_id) is None:
        _missing(f"no project {project_id}")


# -- projects ---------------------------------------------------------------------------------------------------
@projects_app.command("create")
def projects_create(
    name: str, operator: Annotated[str | None, typer.Option(help="Grant this operator")] = None,
) -> None:
    """Create a project and its first API key (printed once)."""
    from ledgerbridge.onboarding import operators
    from ledgerbridge.store import tenancy

    async def work(runtime: Any) -> tuple[uuid.UUID, str]:
        async with runtime.engine.begin() as db:
            operator_id = None if operator is None else await operators.operator_id_for(db, operator)
            if operator is not None and operator_id is None:
                _missing(f"no operator named {operator!r}")
            project = await tenancy.create_project(db, name=name)
            key = await tenancy.create_api_key(db, project_id=project.id)
            if operator_id is not None:
                await operators.grant(db, operator_id=operator_id, project_id=project.id)
        return project.id, key

    created = _run(work)
    typer.echo(f"project  {created[0]}\napi key  {created[1]}  (shown once)")


@projects_app.command("list")
def projects_list() -> None:
    from ledgerbridge.onboarding import admin

    async def work(runtime: Any) -> list[Any]:
        async with runtime.engine.connect() as db:
            return await admin.all_projects(db)

    for project in _run(work):
        typer.echo(f"{project.id}  {project.name}")


# -- keys -------------------------------------------------------------------------------------------------------
@keys_app.command("create")
def keys_create(project_id: ProjectArg, name: Annotated[str, typer.Option()] = "cli") -> None:
    from ledgerbridge.store import tenancy

    async def work(runtime: Any) -> str:
        async with runtime.engine.begin() as db:
            await _require_project(db, project_id)
            return await tenancy.create_api_key(db, project_id=project_id, name=name)

    typer.echo(f"{_run(work)}  (shown once)")


@keys_app.command("list")
def keys_list(project_id: ProjectArg) -> None:
    from ledgerbridge.onboarding import admin

    async def work(runtime: Any) -> list[Any]:
        async with runtime.engine.connect() as db:
            return await admin.list_api_keys(db, project_id=project_id)

    for key in _run(work):
        typer.echo(f"{key.id}  {key.prefix}…  {key.name}  {'revoked' if key.revoked_at else 'active'}")


@keys_app.command("revoke")
def keys_revoke(project_id: ProjectArg, key_id: uuid.UUID) -> None:
    from ledgerbridge.onboarding import admin

    async def work(runtime: Any) -> bool:
        async with runtime.engine.begin() as db:
            return await admin.revoke_api_key(db, project_id=project_id, key_id=key_id)

    if not _run(work):
        _fail("no such active key in this project")
    typer.echo("revoked")


# -- linked users -----------------------------------------------------------------------------------------------
@users_app.command("create")
def users_create(project_id: ProjectArg, origin_user_id: str,
                 alias: Annotated[str | None, typer.Option()] = None) -> None:
    from ledgerbridge.store import tenancy

    async def work(runtime: Any) -> uuid.UUID:
        async with runtime.engine.begin() as db:
            await _require_project(db, project_id)
            return await tenancy.create_linked_user(db, project_id=project_id, origin_user_id=origin_user_id,
                                                    alias=alias)

    typer.echo(str(_run(work)))


@users_app.command("list")
def users_list(project_id: ProjectArg) -> None:
    from ledgerbridge.onboarding import admin

    async def work(runtime: Any) -> list[Any]:
        async with runtime.engine.connect() as db:
            return await admin.list_linked_users(db, project_id=project_id)

    for user in _run(work):
        typer.echo(f"{user.id}  {user.origin_user_id}  {user.alias or ''}")


@users_app.command("magic-link")
def users_magic_link(
    project_id: ProjectArg, linked_user_id: uuid.UUID,
    base_url: Annotated[str, typer.Option(help="Public URL of this server")] = "http://127.0.0.1:3000",
    return_url: Annotated[str | None, typer.Option()] = None,
    ttl: Annotated[int, typer.Option(help="Lifetime in seconds")] = 24 * 3600,
) -> None:
    """Print a signed, expiring connect-page URL for this linked user."""
    from ledgerbridge.onboarding.magic_links import magic_link

    async def work(runtime: Any) -> str:
        return await magic_link(runtime, project_id=project_id, linked_user_id=linked_user_id, base_url=base_url,
                                return_url=return_url, ttl=ttl)

    typer.echo(_run(work))


# -- connections ------------------------------------------------------------------------------------------------
@connections_app.command("list")
def connections_list(project_id: ProjectArg) -> None:
    from ledgerbridge.store import tenancy

    async def work(runtime: Any) -> list[Any]:
        async with runtime.engine.connect() as db:
            return await tenancy.list_connections(db, project_id=project_id)

    for c in _run(work):
        typer.echo(f"{c.id}  {c.provider}  {c.account_id or '-'}  {c.status}  last sync {c.last_sync_at or 'never'}")


@connections_app.command("resync")
def connections_resync(project_id: ProjectArg, connection_id: uuid.UUID,
                       full: Annotated[bool, typer.Option(help="Re-read everything")] = False) -> None:
    from ledgerbridge.store import tenancy
    from ledgerbridge.sync.engine import sync_connection

    async def work(runtime: Any) -> Any:
        async with runtime.engine.connect() as db:
            connection = await tenancy.get_connection(db, project_id=project_id, connection_id=connection_id)
        if connection is None:
            _missing("no such connection in this project")
        return await sync_connection(runtime, connection, full=full)

    report = _run(work)
    typer.echo(" ".join(f"{k}={v}" for k, v in sorted(report.records.items())))


@connections_app.command("disconnect")
def connections_disconnect(project_id: ProjectArg, connection_id: uuid.UUID) -> None:
    """Revoke the grant at the provider and mark the connection revoked."""
    from ledgerbridge.onboarding.flow import disconnect

    if not _run(lambda runtime: disconnect(runtime, project_id=project_id, connection_id=connection_id)):
        _fail("no such connection in this project")
    typer.echo("revoked")


# -- provider apps ----------------------------------------------------------------------------------------------
@apps_app.command("set")
def apps_set(
    project_id: ProjectArg, provider: str,
    client_id: Annotated[str, typer.Option()],
    client_secret: Annotated[str, typer.Option(prompt=True, hide_input=True, envvar="LEDGERBRIDGE_APP_SECRET")],
    sandbox_url: Annotated[str | None, typer.Option(help="Aim every endpoint at a Ledgerbridge sandbox")] = None,
) -> None:
    """Store (sealed) the project's client id and secret for PROVIDER (quickbooks, xero)."""
    from ledgerbridge.onboarding import app_credentials
    from ledgerbridge.onboarding.providers import sandbox_endpoints

    values: dict[str, Any] = {"client_id": client_id, "client_secret": client_secret}
    if sandbox_url:
        values |= sandbox_endpoints(provider, sandbox_url)

    async def work(runtime: Any) -> None:
        async with runtime.engine.begin() as db:
            await app_credentials.save(db, runtime.sealer, project_id=project_id, provider=provider, values=values)

    _run(work)
    typer.echo(f"{provider} app saved")


@apps_app.command("list")
def apps_list(project_id: ProjectArg) -> None:
    from ledgerbridge.onboarding import app_credentials

    async def work(runtime: Any) -> list[str]:
        async with runtime.engine.connect() as db:
            return await app_credentials.configured(db, project_id=project_id)

    for provider in _run(work):
        typer.echo(provider)


# -- operators --------------------------------------------------------------------------------------------------
@operators_app.command("create")
def operators_create(
    username: str,
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True,
                                          envvar="LEDGERBRIDGE_OPERATOR_PASSWORD")],
) -> None:
    from ledgerbridge.onboarding import operators

    async def work(runtime: Any) -> uuid.UUID:
        async with runtime.engine.begin() as db:
            return await operators.create_operator(db, username=username, password=password)

    typer.echo(str(_run(work)))


@operators_app.command("grant")
def operators_grant(username: str, project_id: ProjectArg) -> None:
    """Let an operator see a project in the dashboard."""
    from ledgerbridge.onboarding import operators

    async def work(runtime: Any) -> None:
        async with runtime.engine.begin() as db:
            operator_id = await operators.operator_id_for(db, username)
            if operator_id is None:
                _missing(f"no operator named {username!r}")
            await _require_project(db, project_id)
            await operators.grant(db, operator_id=operator_id, project_id=project_id)

    _run(work)
    typer.echo("granted")


# -- webhooks ---------------------------------------------------------------------------------------------------
class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"


@webhooks_app.command("list")
def webhooks_list(project: ProjectOpt) -> None:
    """Endpoints: id, active/inactive, url, scope. Secrets are never listed."""
    from ledgerbridge.store import webhooks

    async def work(runtime: Any) -> list[Any]:
        async with runtime.engine.connect() as db:
            await _require_project(db, project)
            return await webhooks.list_endpoints(db, project_id=project)

    for e in _run(work):
        typer.echo(f"{e.id}  {'active' if e.active else 'inactive'}  {e.url}  {','.join(e.scope)}"
                   + (f"  {e.description}" if e.description else ""))


@webhooks_app.command("create")
def webhooks_create(
    project: ProjectOpt,
    url: Annotated[str, typer.Option(help="Where events are POSTed (http or https)")],
    scope: Annotated[list[str], typer.Option(help="Event type or glob (accounting.*); repeat for several")],
    description: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Add an endpoint; prints its id and its signing secret (shown once)."""
    from ledgerbridge.api.routes.webhooks import WebhookDto
    from ledgerbridge.errors import LedgerbridgeError
    from ledgerbridge.service.validation import parse
    from ledgerbridge.store import webhooks
    from ledgerbridge.webhooks import signing

    try:  # the API's model, so the CLI accepts exactly what POST /webhooks accepts
        body = parse(WebhookDto, {"url": url, "scope": scope, "description": description})
    except LedgerbridgeError as exc:
        _fail(_describe(exc))
        return
    secret = signing.new_secret()

    async def work(runtime: Any) -> Any:
        async with runtime.engine.begin() as db:
            await _require_project(db, project)
            return await webhooks.create_endpoint(db, runtime.sealer, project_id=project, url=body.url,
                                                  description=body.description, scope=body.scope, secret=secret)

    endpoint = _run(work)
    typer.echo(f"webhook  {endpoint.id}\nsecret   {secret}  (shown once)")


def _set_active(project: uuid.UUID, endpoint_id: uuid.UUID, active: bool) -> None:
    from ledgerbridge.store import webhooks

    async def work(runtime: Any) -> Any:
        async with runtime.engine.begin() as db:
            return await webhooks.set_active(db, project_id=project, endpoint_id=endpoint_id, active=active)

    if _run(work) is None:
        _fail(f"no webhook {endpoint_id} in this project")
    typer.echo("enabled" if active else "disabled")


@webhooks_app.command("disable")
def webhooks_disable(project: ProjectOpt, endpoint_id: uuid.UUID) -> None:
    """Stop sending events to this endpoint (nothing is queued for it while disabled)."""
    _set_active(project, endpoint_id, False)


@webhooks_app.command("enable")
def webhooks_enable(project: ProjectOpt, endpoint_id: uuid.UUID) -> None:
    _set_active(project, endpoint_id, True)


@webhooks_app.command("delete")
def webhooks_delete(project: ProjectOpt, endpoint_id: uuid.UUID) -> None:
    """Delete the endpoint and its delivery log."""
    from ledgerbridge.store import webhooks

    async def work(runtime: Any) -> bool:
        async with runtime.engine.begin() as db:
            return await webhooks.delete_endpoint(db, project_id=project, endpoint_id=endpoint_id)

    if not _run(work):
        _fail(f"no webhook {endpoint_id} in this project")
    typer.echo("deleted")


@webhooks_app.command("rotate-secret")
def webhooks_rotate_secret(
    project: ProjectOpt, endpoint_id: uuid.UUID,
    overlap: Annotated[int, typer.Option(help="Seconds the old secret keeps signing too", min=0)] = 24 * 3600,
) -> None:
    """Replace the signing secret; prints the new one (shown once). Deliveries carry both until the overlap ends."""
    import datetime as dt

    from ledgerbridge.store import webhooks
    from ledgerbridge.webhooks import signing

    secret = signing.new_secret()

    async def work(runtime: Any) -> dt.datetime | None:
        async with runtime.engine.begin() as db:
            rotated = await webhooks.rotate_secret(db, runtime.sealer, project_id=project, endpoint_id=endpoint_id,
                                                   secret=secret, overlap=dt.timedelta(seconds=overlap),
                                                   now=dt.datetime.now(dt.UTC))
        if rotated is None:
            _missing(f"no webhook {endpoint_id} in this project")
        return rotated[1]

    until = _run(work)
    typer.echo(f"secret   {secret}  (shown once)")
    typer.echo(f"previous {f'valid until {until:%Y-%m-%d %H:%M:%S} UTC' if until else 'revoked'}")


@webhooks_app.command("deliveries")
def webhooks_deliveries(
    project: ProjectOpt,
    endpoint: Annotated[uuid.UUID | None, typer.Option(help="Only this endpoint's deliveries")] = None,
    status: Annotated[DeliveryStatus | None, typer.Option()] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
) -> None:
    """The delivery log, newest first: id, created, event type, status, attempts, last response, next attempt."""
    from ledgerbridge.store import webhooks

    async def work(runtime: Any) -> list[Any]:
        async with runtime.engine.connect() as db:
            await _require_project(db, project)
            if endpoint is not None and await webhooks.get_endpoint(db, project_id=project,
                                                                   endpoint_id=endpoint) is None:
                _missing(f"no webhook {endpoint} in this project")
            return await webhooks.list_deliveries(db, project_id=project, endpoint_id=endpoint,
                                                  status=None if status is None else status.value, limit=limit)

    for d in _run(work):
        response = d.last_status_code or ("no answer" if d.last_error else "-")
        typer.echo(f"{d.id}  {d.created_at:%Y-%m-%d %H:%M:%S}  {d.event_type}  {d.status}  attempts={d.attempts}"
                   f"  last={response}  next={d.next_attempt_at or '-'}")


@webhooks_app.command("retry")
def webhooks_retry(project: ProjectOpt, delivery_id: uuid.UUID) -> None:
    """Queue a delivery again now, with the same event id (receivers dedupe on it)."""
    import datetime as dt

    from ledgerbridge.store import webhooks

    async def work(runtime: Any) -> bool:
        async with runtime.engine.begin() as db:
            return await webhooks.redeliver(db, project_id=project, delivery_id=delivery_id,
                                            now=dt.datetime.now(dt.UTC))

    if not _run(work):
        _fail(f"no delivery {delivery_id} in this project")
    typer.echo("queued")


def register(app: typer.Typer) -> None:
    """Add the admin command groups to the main ``ledgerbridge`` command."""
    app.add_typer(projects_app, name="projects")
    app.add_typer(keys_app, name="keys")
    app.add_typer(users_app, name="linked-users")
    app.add_typer(connections_app, name="connections")
    app.add_typer(apps_app, name="provider-apps")
    app.add_typer(operators_app, name="operators")
    app.add_typer(webhooks_app, name="webhooks")
