"""Engine creation and schema upgrades (Alembic, the same migrations on SQLite and PostgreSQL)."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

MIGRATIONS = Path(__file__).parent / "migrations"


def create_engine(url: str) -> AsyncEngine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            # WAL lets readers run beside the one writer; foreign keys are off by default in SQLite.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    # No pre-ping: it costs a round trip per checkout; stale connections are recycled instead.
    return create_async_engine(url, pool_size=20, max_overflow=20, pool_recycle=1800)


_READ_ONLY: weakref.WeakKeyDictionary[AsyncEngine, AsyncEngine] = weakref.WeakKeyDictionary()


def read_only(engine: AsyncEngine) -> AsyncEngine:
    """``engine`` for reads that need no transaction: its connections (the same pool) run each statement on its
    own, without the BEGIN and ROLLBACK round trips around them. A read of several statements sees each one's own
    snapshot — as under READ COMMITTED inside a transaction too — so this changes no answer."""
    found = _READ_ONLY.get(engine)
    if found is None:
        found = _READ_ONLY[engine] = engine.execution_options(isolation_level="AUTOCOMMIT")
    return found


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _upgrade(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    # "heads": independent branches of migrations (added side by side) all apply.
    command.upgrade(config, "heads")


async def upgrade(engine: AsyncEngine) -> None:
    """Bring the schema to the newest migration."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)


async def ping(engine: AsyncEngine) -> None:
    """Raise unless the database answers."""
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
