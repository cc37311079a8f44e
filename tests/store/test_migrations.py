from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import AsyncEngine

from ledgerbridge.store.tables import metadata


async def test_migrations_build_exactly_the_declared_schema(engine: AsyncEngine) -> None:
    async with engine.connect() as db:
        diff = await db.run_sync(lambda sync: compare_metadata(MigrationContext.configure(sync), metadata))
    assert diff == []
