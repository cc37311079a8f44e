"""procrastinate's tables: the job queue lives in its own PostgreSQL schema of our database.

The queue itself is driven by :mod:`ledgerbridge.jobs`; the statements that create its schema and count what
waits in it are here, with every other statement of the store. SQLite (embedded mode) has no such tables: its
queue is in memory.
"""

from __future__ import annotations

from urllib.parse import quote

import procrastinate
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection

SCHEMA = "procrastinate"  # its own PostgreSQL schema: our migrations and its tables never meet


def psycopg_conninfo(database_url: str) -> str:
    """A SQLAlchemy URL (``postgresql+asyncpg://…``) as a libpq URI whose search_path is procrastinate's schema."""
    url = make_url(database_url).set(drivername="postgresql")
    rendered = url.render_as_string(hide_password=False)
    separator = "&" if "?" in rendered else "?"
    return f"{rendered}{separator}options={quote(f'-c search_path={SCHEMA}')}"


async def ensure_schema(database_url: str) -> None:
    """Create procrastinate's schema and tables in their own PostgreSQL schema, once (safe to race)."""
    import psycopg

    async with await psycopg.AsyncConnection.connect(psycopg_conninfo(database_url), autocommit=True) as db:
        await db.execute("SELECT pg_advisory_lock(92, 1)")
        try:
            await db.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
            found = await (await db.execute(f"SELECT to_regclass('{SCHEMA}.procrastinate_jobs')")).fetchone()
            if found is None or found[0] is None:
                await db.execute(procrastinate.schema.SchemaManager.get_schema())
        finally:
            await db.execute("SELECT pg_advisory_unlock(92, 1)")


async def depth(db: AsyncConnection) -> dict[str, int] | None:
    """Jobs waiting, by queue; None where there are no queue tables (SQLite, or no worker has created them yet)."""
    if db.dialect.name != "postgresql":
        return None
    if (await db.execute(text(f"SELECT to_regclass('{SCHEMA}.procrastinate_jobs')"))).scalar() is None:
        return None
    waiting = await db.execute(
        text(f"SELECT queue_name, count(*) FROM {SCHEMA}.procrastinate_jobs WHERE status = 'todo' GROUP BY queue_name")
    )
    return {queue: int(count) for queue, count in waiting.all()}
