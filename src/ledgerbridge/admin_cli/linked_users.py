"""``ledgerbridge linked-users …``"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ledgerbridge.admin_cli.running import ProjectArg, require_project, run, run_runtime, show

if TYPE_CHECKING:
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.store.session import Db

app = typer.Typer(help="Linked users of a project, and their magic links.", no_args_is_help=True)


@app.command("create")
def create(project_id: ProjectArg, origin_user_id: str, alias: Annotated[str | None, typer.Option()] = None) -> None:
    from ledgerbridge.store import tenancy

    async def work(runtime: Runtime, db: Db) -> Any:
        await require_project(db, project_id)
        return await tenancy.create_linked_user(db, project_id=project_id, origin_user_id=origin_user_id, alias=alias)

    typer.echo(str(run(work, write=True)))


@app.command("list")
def list_(project_id: ProjectArg) -> None:
    from ledgerbridge.store import linked_users

    show(run(lambda runtime, db: linked_users.list_linked_users(db, project_id=project_id)),
         lambda user: f"{user.id}  {user.origin_user_id}  {user.alias or ''}")


@app.command("magic-link")
def magic_link(
    project_id: ProjectArg, linked_user_id: uuid.UUID,
    base_url: Annotated[str, typer.Option(help="Public URL of this server")] = "http://127.0.0.1:3000",
    return_url: Annotated[str | None, typer.Option()] = None,
    ttl: Annotated[int, typer.Option(help="Lifetime in seconds")] = 24 * 3600,
) -> None:
    """Print a signed, expiring connect-page URL for this linked user."""
    from ledgerbridge.onboarding.magic_links import magic_link

    typer.echo(run_runtime(lambda runtime: magic_link(runtime, project_id=project_id, linked_user_id=linked_user_id,
                                                      base_url=base_url, return_url=return_url, ttl=ttl)))
