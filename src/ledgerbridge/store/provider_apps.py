"""A project's own OAuth app at each provider, stored sealed (the caller seals and opens)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import provider_apps


def _where(project_id: uuid.UUID, provider: str):  # type: ignore[no-untyped-def]
    return (provider_apps.c.project_id == str(project_id)) & (provider_apps.c.provider == provider)


async def save(db: AsyncConnection, *, project_id: uuid.UUID, provider: str, sealed: str) -> None:
    now = dt.datetime.now(dt.UTC)
    updated = await db.execute(update(provider_apps).where(_where(project_id, provider))
                               .values(settings=sealed, modified_at=now))
    if updated.rowcount == 0:
        await db.execute(insert(provider_apps).values(
            project_id=str(project_id), provider=provider, settings=sealed, created_at=now, modified_at=now,
        ))


async def load(db: AsyncConnection, *, project_id: uuid.UUID, provider: str) -> str | None:
    return (await db.execute(select(provider_apps.c.settings).where(_where(project_id, provider)))).scalar()


async def configured(db: AsyncConnection, *, project_id: uuid.UUID) -> list[str]:
    """The providers this project has an app for."""
    rows = await db.execute(select(provider_apps.c.provider).where(provider_apps.c.project_id == str(project_id))
                            .order_by(provider_apps.c.provider))
    return list(rows.scalars())


async def remove(db: AsyncConnection, *, project_id: uuid.UUID, provider: str) -> bool:
    result = await db.execute(delete(provider_apps).where(_where(project_id, provider)))
    return result.rowcount > 0
