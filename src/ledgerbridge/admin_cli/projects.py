"""``ledgerbridge projects …``"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ledgerbridge.admin_cli.running import missing, run, show

if TYPE_CHECKING:
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.store.session import Db

app = typer.Typer(help="Projects.", no_args_is_help=True)


@app.command("create")
def create(name: str, operator: Annotated[str | None, typer.Option(help="Grant this operator")] = None) -> None:
    """Create a project and its first API key (printed once)."""
    from ledgerbridge.onboarding import operators
    from ledgerbridge.store import tenancy

    async def work(runtime: Runtime, db: Db) -> Any:
        operator_id = None if operator is None else await operators.operator_id_for(db, operator)
        if operator is not None and operator_id is None:
            missing(f"no operator named {operator!r}")
        project = await tenancy.create_project(db, name=name)
        key = await tenancy.create_api_key(db, project_id=project.id)
        if operator_id is not None:
            await operators.grant(db, operator_id=operator_id, project_id=project.id)
        return project.id, key

    project_id, key = run(work, write=True)
    typer.echo(f"project  {project_id}\napi key  {key}  (shown once)")


@app.command("list")
def list_() -> None:
    from ledgerbridge.store import projects

    show(run(lambda runtime, db: projects.all_projects(db)), lambda p: f"{p.id}  {p.name}")
