"""Operations commands: ``ledgerbridge sync CONNECTION`` (with a progress bar) and ``ledgerbridge worker``."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the operations commands to the main ``ledgerbridge`` command."""
    app.command("sync")(sync)
    app.command("worker")(worker)


def sync(
    connection: Annotated[str, typer.Argument(help="Connection id (or connection token)")],
    full: Annotated[bool, typer.Option(help="Re-read everything and detect deletions")] = False,
    objects: Annotated[list[str] | None, typer.Option("--object", help="Only these objects (repeatable)")] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar")] = True,
) -> None:
    """Sync one connection now, in this process (waits if another sync of it is running)."""
    from ledgerbridge.sync.command import run_sync

    raise typer.Exit(asyncio.run(run_sync(connection, full=full, objects=objects, show_progress=progress)))


def worker(
    concurrency: Annotated[int, typer.Option(help="Jobs run at once by this worker")] = 4,
) -> None:
    """Work the job queue (syncs, scheduled pulls) — PostgreSQL only; run as many as you like, anywhere."""
    from ledgerbridge import log_config
    from ledgerbridge.jobs.worker import run_worker

    log_config.configure()
    asyncio.run(run_worker(concurrency=concurrency))


