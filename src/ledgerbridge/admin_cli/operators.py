"""``ledgerbridge operators …``"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ledgerbridge.admin_cli.running import ProjectArg, missing, require_project, run

if TYPE_CHECKING:
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.store.session import Db

app = typer.Typer(help="Dashboard operators.", no_args_is_help=True)


@app.command("create")
def create(
    username: str,
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True,
                                          envvar="LEDGERBRIDGE_OPERATOR_PASSWORD")],
) -> None:
    from ledgerbridge.onboarding import operators

    typer.echo(str(run(lambda runtime, db: operators.create_operator(db, username=username, password=password),
                       write=True)))


@app.command("set-password")
def set_password(
    username: str,
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True,
                                          envvar="LEDGERBRIDGE_OPERATOR_PASSWORD")],
) -> None:
    """Change an operator's password; every dashboard session of theirs is logged out."""
    from ledgerbridge.onboarding import operators

    revoked = run(lambda runtime, db: operators.set_password(db, username=username, password=password), write=True)
    typer.echo(f"password changed; {revoked} session(s) revoked")


@app.command("grant")
def grant(username: str, project_id: ProjectArg) -> None:
    """Let an operator see a project in the dashboard."""
    from ledgerbridge.onboarding import operators

    async def work(runtime: Runtime, db: Db) -> Any:
        operator_id = await operators.operator_id_for(db, username)
        if operator_id is None:
            missing(f"no operator named {username!r}")
        await require_project(db, project_id)
        await operators.grant(db, operator_id=operator_id, project_id=project_id)

    run(work, write=True)
    typer.echo("granted")
