"""``ledgerbridge connections …``"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ledgerbridge.admin_cli.running import ProjectArg, fail, missing, run, run_runtime, show

if TYPE_CHECKING:

    from ledgerbridge.runtime import Runtime

app = typer.Typer(help="Connections of a project.", no_args_is_help=True)


@app.command("list")
def list_(project_id: ProjectArg) -> None:
    from ledgerbridge.store import tenancy

    show(run(lambda runtime, db: tenancy.list_connections(db, project_id=project_id)),
         lambda c: f"{c.id}  {c.provider}  {c.account_id or '-'}  {c.status}  last sync {c.last_sync_at or 'never'}")


@app.command("resync")
def resync(project_id: ProjectArg, connection_id: uuid.UUID,
           full: Annotated[bool, typer.Option(help="Re-read everything")] = False) -> None:
    from ledgerbridge.store import tenancy
    from ledgerbridge.sync.engine import sync_connection

    async def work(runtime: Runtime) -> Any:
        async with runtime.engine.connect() as db:
            connection = await tenancy.get_connection(db, project_id=project_id, connection_id=connection_id)
        if connection is None:
            missing("no such connection in this project")
        return await sync_connection(runtime, connection, full=full)

    report = run_runtime(work)
    typer.echo(" ".join(f"{k}={v}" for k, v in sorted(report.records.items())))


@app.command("disconnect")
def disconnect(project_id: ProjectArg, connection_id: uuid.UUID) -> None:
    """Revoke the grant at the provider and mark the connection revoked."""
    from ledgerbridge.onboarding.flow import disconnect

    if not run_runtime(lambda runtime: disconnect(runtime, project_id=project_id, connection_id=connection_id)):
        fail("no such connection in this project")
    typer.echo("revoked")
