"""``ledgerbridge provider-apps …``"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ledgerbridge.admin_cli.running import ProjectArg, fail, run, show

app = typer.Typer(help="A project's own OAuth apps at the providers (QuickBooks, Xero…).", no_args_is_help=True)


def _sandbox_endpoints(provider: str, sandbox_url: str) -> dict[str, str]:
    from ledgerbridge.connectors import spec

    try:
        sandbox = spec(provider).sandbox
    except KeyError:
        sandbox = None
    if sandbox is None or sandbox.endpoints is None:
        fail(f"{provider} has no OAuth sandbox to aim at")
    return sandbox.endpoints(sandbox_url)


@app.command("set")
def set_(
    project_id: ProjectArg, provider: str,
    client_id: Annotated[str, typer.Option()],
    client_secret: Annotated[str, typer.Option(prompt=True, hide_input=True, envvar="LEDGERBRIDGE_APP_SECRET")],
    sandbox_url: Annotated[str | None, typer.Option(help="Aim every endpoint at a Ledgerbridge sandbox")] = None,
) -> None:
    """Store (sealed) the project's client id and secret for PROVIDER (an OAuth provider: quickbooks, xero…)."""
    from ledgerbridge.onboarding import app_credentials

    values: dict[str, Any] = {"client_id": client_id, "client_secret": client_secret}
    if sandbox_url:
        values |= _sandbox_endpoints(provider, sandbox_url)
    run(lambda runtime, db: app_credentials.save(db, runtime.sealer, project_id=project_id, provider=provider,
                                                 values=values), write=True)
    typer.echo(f"{provider} app saved")


@app.command("list")
def list_(project_id: ProjectArg) -> None:
    from ledgerbridge.onboarding import app_credentials

    show(run(lambda runtime, db: app_credentials.configured(db, project_id=project_id)), str)


@app.command("enable")
def enable(project_id: ProjectArg, provider: str) -> None:
    """Offer PROVIDER, linked by a form of keys (tryton…), on the project's connect page; off until enabled."""
    from ledgerbridge.onboarding import app_credentials

    run(lambda runtime, db: app_credentials.enable(db, runtime.sealer, project_id=project_id, provider=provider),
        write=True)
    typer.echo(f"{provider} offered on the connect page")


@app.command("disable")
def disable(project_id: ProjectArg, provider: str) -> None:
    """Stop offering PROVIDER (or drop the project's app for it); existing connections stay."""
    from ledgerbridge.onboarding import app_credentials

    if not run(lambda runtime, db: app_credentials.remove(db, project_id=project_id, provider=provider), write=True):
        fail(f"{provider} is not set up for this project")
    typer.echo(f"{provider} no longer offered")


@app.command("notifications")
def notifications(project_id: ProjectArg) -> None:
    """Per provider that sends change notifications: its key (set or not, never shown), the path to register at
    the provider, and per connection what arrived and whether notifications flow."""
    from ledgerbridge.sync.status import notification_setup

    def lines(entry: dict[str, Any]) -> str:
        key = f"{entry['key_name']} set {entry['key_set_at']}" if entry["key_set_at"] else f"no {entry['key_name']}"
        out = [f"{entry['provider']}: {key}; register {entry['path']}"]
        for c in entry["connections"]:
            out.append(f"  {c['connection_id']}: last received {c['last_received_at'] or 'never'}, "
                       f"{c['applied_last_24h']} applied in 24 h, {c['pending']} pending, "
                       f"{'flowing' if c['flowing'] else 'not flowing'}")
        return "\n".join(out)

    show(run(lambda runtime, db: notification_setup(db, project_id=project_id)), lines)
