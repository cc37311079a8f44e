"""``ledgerbridge sync CONNECTION``: one sync in this process, with a progress bar (records, pages, rate)."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ledgerbridge.runtime import Runtime
from ledgerbridge.settings import Settings
from ledgerbridge.store import tenancy
from ledgerbridge.sync.engine import sync_connection


async def run_sync(reference: str, *, full: bool, objects: list[str] | None, show_progress: bool) -> int:
    console = Console(stderr=True)
    runtime = Runtime(Settings())
    try:
        async with runtime.engine.connect() as db:
            connection = await tenancy.connection_by_reference(db, reference)
        if connection is None:
            console.print(f"[red]no connection {reference!r}[/red]")
            return 2
        columns = (
            TextColumn("[bold]{task.description}"), BarColumn(bar_width=None), MofNCompleteColumn(),
            TextColumn("records  {task.fields[pages]} pages  {task.fields[rate]:.0f} rec/s"), TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, disable=not show_progress, transient=False) as bar:
            task = bar.add_task(f"{connection.provider} sync", total=None, pages=0, rate=0.0)

            def advance(object_name: str, count: int) -> None:
                state = bar.tasks[0]
                rate = (state.completed + count) / max(state.elapsed or 0, 1e-3)
                bar.update(task, advance=count, description=f"{connection.provider} {object_name}",
                           pages=state.fields["pages"] + 1, rate=rate)

            report = await sync_connection(runtime, connection, objects=objects, full=full, progress=advance)
        deleted = ", ".join(f"{k} {v}" for k, v in report.deleted.items() if v) or "none"
        console.print(f"synced {report.total} records in {report.pages} pages; deleted: {deleted}")
        return 0
    finally:
        await runtime.aclose()
