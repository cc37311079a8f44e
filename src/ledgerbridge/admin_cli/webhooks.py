"""``ledgerbridge webhooks …``"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ledgerbridge.admin_cli.running import ProjectOpt, describe, fail, missing, require_project, run, show

if TYPE_CHECKING:
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.store.session import Db

app = typer.Typer(help="Webhook endpoints of a project, and their delivery log.", no_args_is_help=True)


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"


@app.command("list")
def list_(project: ProjectOpt) -> None:
    """Endpoints: id, active/inactive, url, scope. Secrets are never listed."""
    from ledgerbridge.store import webhooks

    async def work(runtime: Runtime, db: Db) -> list[webhooks.Endpoint]:
        await require_project(db, project)
        return await webhooks.list_endpoints(db, project_id=project)

    show(run(work), lambda e: f"{e.id}  {'active' if e.active else 'inactive'}  {e.url}  {','.join(e.scope)}"
         + (f"  {e.description}" if e.description else ""))


@app.command("create")
def create(
    project: ProjectOpt,
    url: Annotated[str, typer.Option(help="Where events are POSTed (http or https)")],
    scope: Annotated[list[str], typer.Option(help="Event type or glob (accounting.*); repeat for several")],
    description: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Add an endpoint; prints its id and its signing secret (shown once)."""
    from ledgerbridge.api.routes.webhooks import WebhookDto, check_url
    from ledgerbridge.errors import LedgerbridgeError
    from ledgerbridge.service.validation import parse
    from ledgerbridge.store import webhooks
    from ledgerbridge.webhooks import signing

    try:  # the API's model, so the CLI accepts exactly what POST /webhooks accepts
        body = parse(WebhookDto, {"url": url, "scope": scope, "description": description})
    except LedgerbridgeError as exc:
        fail(describe(exc))
    secret = signing.new_secret()

    async def work(runtime: Runtime, db: Db) -> webhooks.Endpoint:
        await require_project(db, project)
        await check_url(runtime.settings, body.url)  # resolved, as POST /webhooks does
        return await webhooks.create_endpoint(db, runtime.sealer, project_id=project, url=body.url,
                                              description=body.description, scope=body.scope, secret=secret)

    endpoint = run(work, write=True)
    typer.echo(f"webhook  {endpoint.id}\nsecret   {secret}  (shown once)")


def _set_active(project: uuid.UUID, endpoint_id: uuid.UUID, active: bool) -> None:
    from ledgerbridge.store import webhooks

    if run(lambda runtime, db: webhooks.set_active(db, project_id=project, endpoint_id=endpoint_id, active=active),
           write=True) is None:
        fail(f"no webhook {endpoint_id} in this project")
    typer.echo("enabled" if active else "disabled")


@app.command("disable")
def disable(project: ProjectOpt, endpoint_id: uuid.UUID) -> None:
    """Stop sending events to this endpoint (nothing is queued for it while disabled)."""
    _set_active(project, endpoint_id, False)


@app.command("enable")
def enable(project: ProjectOpt, endpoint_id: uuid.UUID) -> None:
    _set_active(project, endpoint_id, True)


@app.command("delete")
def delete(project: ProjectOpt, endpoint_id: uuid.UUID) -> None:
    """Delete the endpoint and its delivery log."""
    from ledgerbridge.store import webhooks

    if not run(lambda runtime, db: webhooks.delete_endpoint(db, project_id=project, endpoint_id=endpoint_id),
               write=True):
        fail(f"no webhook {endpoint_id} in this project")
    typer.echo("deleted")


@app.command("rotate-secret")
def rotate_secret(
    project: ProjectOpt, endpoint_id: uuid.UUID,
    overlap: Annotated[int, typer.Option(help="Seconds the old secret keeps signing too", min=0)] = 24 * 3600,
) -> None:
    """Replace the signing secret; prints the new one (shown once). Deliveries carry both until the overlap ends."""
    from ledgerbridge.store import webhooks
    from ledgerbridge.webhooks import signing

    secret = signing.new_secret()

    async def work(runtime: Runtime, db: Db) -> dt.datetime | None:
        rotated = await webhooks.rotate_secret(db, runtime.sealer, project_id=project, endpoint_id=endpoint_id,
                                               secret=secret, overlap=dt.timedelta(seconds=overlap),
                                               now=dt.datetime.now(dt.UTC))
        if rotated is None:
            missing(f"no webhook {endpoint_id} in this project")
        return rotated[1]

    until = run(work, write=True)
    typer.echo(f"secret   {secret}  (shown once)")
    typer.echo(f"previous {f'valid until {until:%Y-%m-%d %H:%M:%S} UTC' if until else 'revoked'}")


@app.command("deliveries")
def deliveries(
    project: ProjectOpt,
    endpoint: Annotated[uuid.UUID | None, typer.Option(help="Only this endpoint's deliveries")] = None,
    status: Annotated[DeliveryStatus | None, typer.Option()] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
) -> None:
    """The delivery log, newest first: id, created, event type, status, attempts, last response, next attempt."""
    from ledgerbridge.store import webhooks

    async def work(runtime: Runtime, db: Db) -> list[Any]:
        await require_project(db, project)
        if endpoint is not None and await webhooks.get_endpoint(db, project_id=project, endpoint_id=endpoint) is None:
            missing(f"no webhook {endpoint} in this project")
        return await webhooks.list_deliveries(db, project_id=project, endpoint_id=endpoint,
                                              status=None if status is None else status.value, limit=limit)

    def line(d: Any) -> str:
        response = d.last_status_code or ("no answer" if d.last_error else "-")
        return (f"{d.id}  {d.created_at:%Y-%m-%d %H:%M:%S}  {d.event_type}  {d.status}  attempts={d.attempts}"
                f"  last={response}  next={d.next_attempt_at or '-'}")

    show(run(work), line)


@app.command("retry")
def retry(project: ProjectOpt, delivery_id: uuid.UUID) -> None:
    """Queue a delivery again now, with the same event id (receivers dedupe on it)."""
    from ledgerbridge.store import webhooks

    if not run(lambda runtime, db: webhooks.redeliver(db, project_id=project, delivery_id=delivery_id,
                                                      now=dt.datetime.now(dt.UTC)), write=True):
        fail(f"no delivery {delivery_id} in this project")
    typer.echo("queued")
