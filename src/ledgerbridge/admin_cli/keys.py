"""``ledgerbridge keys …``"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ledgerbridge.admin_cli.running import ProjectArg, fail, require_project, run, show

if TYPE_CHECKING:
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.store.session import Db

app = typer.Typer(help="API keys of a project.", no_args_is_help=True)


@app.command("create")
def create(project_id: ProjectArg, name: Annotated[str, typer.Option()] = "cli") -> None:
    from ledgerbridge.store import tenancy

    async def work(runtime: Runtime, db: Db) -> Any:
        await require_project(db, project_id)
        return await tenancy.create_api_key(db, project_id=project_id, name=name)

    typer.echo(f"{run(work, write=True)}  (shown once)")


@app.command("list")
def list_(project_id: ProjectArg) -> None:
    from ledgerbridge.store import api_keys

    show(run(lambda runtime, db: api_keys.list_api_keys(db, project_id=project_id)),
         lambda key: f"{key.id}  {key.prefix}…  {key.name}  {'revoked' if key.revoked_at else 'active'}")


@app.command("revoke")
def revoke(project_id: ProjectArg, key_id: uuid.UUID) -> None:
    from ledgerbridge.store import api_keys

    if not run(lambda runtime, db: api_keys.revoke_api_key(db, project_id=project_id, key_id=key_id), write=True):
        fail("no such active key in this project")
    typer.echo("revoked")
