"""The ``ledgerbridge`` command. Thin: each command calls one package function."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Annotated, Any

import typer

from ledgerbridge import admin_cli, ops_cli

app = typer.Typer(help="Ledgerbridge: a self-hostable unified accounting API.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.callback()
def _private_files() -> None:
    # Every command may create files in the data directory (the embedded database first of all): owner-only.
    from ledgerbridge import private_files

    private_files.restrict_umask()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind (default from LEDGERBRIDGE_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from LEDGERBRIDGE_PORT, else 3000)")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes serving the port: one per core the API may use. "
                                         "Each runs the embedded job worker too (the queue is shared safely).")] = 1,
) -> None:
    """Serve the API. Settings come from LEDGERBRIDGE_* environment variables; run `db upgrade` first."""
    import uvicorn

    from ledgerbridge import log_config, private_files
    from ledgerbridge.settings import Settings

    log_config.configure()  # JSON logs with request ids, secrets masked
    settings = Settings()
    private_files.make_private(settings.data_dir)
    host, port = host or settings.host, port or settings.port
    if workers == 1:
        uvicorn.run(application(), host=host, port=port, log_config=None)
        return
    # Several processes: uvicorn starts each from an import string, and each builds its own app and runtime.
    uvicorn.run("ledgerbridge.cli:application", factory=True, workers=workers, host=host, port=port,
                log_config=None)


def application() -> Any:
    """The app as ``serve`` runs it (in each worker process, when there are several)."""
    from ledgerbridge import log_config
    from ledgerbridge.api import create_app
    from ledgerbridge.runtime import Runtime
    from ledgerbridge.settings import Settings

    log_config.configure()
    return create_app(Runtime(Settings()))


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration to LEDGERBRIDGE_DATABASE_URL (or the embedded SQLite file)."""
    from ledgerbridge import private_files
    from ledgerbridge.settings import Settings
    from ledgerbridge.store.db import create_engine, upgrade

    settings = Settings()
    private_files.make_private(settings.data_dir)

    async def run() -> None:
        engine = create_engine(settings.resolved_database_url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())
    typer.echo("database is up to date")


@app.command()
def demo(
    port: Annotated[int, typer.Option(help="Port to serve on")] = 3000,
    data_dir: Annotated[Path, typer.Option(help="Where the demo keeps its database and sandbox data")] = Path(
        ".ledgerbridge"
    ),
    with_slow: Annotated[
        bool, typer.Option(help="Also run the providers whose sandbox is a real server, slow to start (Tryton; "
                                "needs its extra, e.g. pip install 'ledgerbridge[tryton]')")
    ] = False,
) -> None:
    """Run Ledgerbridge with every provider's seeded sandbox connected (QuickBooks Online and Xero; see
    --with-slow), on embedded SQLite."""
    from ledgerbridge.demo import run_demo

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per provider call is noise here
    asyncio.run(run_demo(port=port, data_dir=data_dir, with_slow=with_slow))


admin_cli.register(app)
ops_cli.register(app)

if __name__ == "__main__":  # pragma: no cover
    app()
