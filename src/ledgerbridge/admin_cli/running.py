"""How every admin command runs: open a :class:`Runtime` from the environment, do one thing, close it, print.

Commands say what is missing or wrong by raising the service's own errors (``NotFound``, ``ValidationFailed``);
they end here as one line on stderr and exit status 1.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Iterable
from typing import Annotated, Any, NoReturn, TypeVar

import typer

T = TypeVar("T")

ProjectArg = Annotated[uuid.UUID, typer.Argument(help="Project id")]
ProjectOpt = Annotated[uuid.UUID, typer.Option("--project", help="Project id")]


def run_runtime(work: Callable[[Any], Awaitable[T]]) -> T:
    """``work(runtime)`` on a runtime built from the environment (LEDGERBRIDGE_*), closed afterwards."""
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
        fail(describe(exc))


def run(work: Callable[[Any, Any], Awaitable[T]], *, write: bool = False) -> T:
    """``work(runtime, db)`` on one database connection: in a transaction when ``write``."""

    async def in_db(runtime: Any) -> T:
        async with (runtime.engine.begin() if write else runtime.engine.connect()) as db:
            return await work(runtime, db)

    return run_runtime(in_db)


def show(rows: Iterable[T], line: Callable[[T], str]) -> None:
    for row in rows:
        typer.echo(line(row))


def fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(1)


def describe(error: Any) -> str:
    return f"{error}" + "".join(f"; {e.field} {e.message}" for e in error.errors)


def missing(message: str) -> NoReturn:
    from ledgerbridge.errors import NotFound

    raise NotFound(message)


async def require_project(db: Any, project_id: uuid.UUID) -> None:
    from ledgerbridge.store import projects

    if await projects.get_project(db, project_id) is None:
        missing(f"no project {project_id}")
