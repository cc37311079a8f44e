"""A project's API keys: listing and revoking (creating is :func:`ledgerbridge.store.tenancy.create_api_key`)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store import credential_epoch
from ledgerbridge.store.tables import api_keys


@dataclass(frozen=True)
class ApiKey:
    id: uuid.UUID
    name: str
    prefix: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


async def list_api_keys(db: AsyncConnection, *, project_id: uuid.UUID) -> list[ApiKey]:
    rows = await db.execute(select(api_keys).where(api_keys.c.project_id == str(project_id))
                            .order_by(api_keys.c.created_at))
    return [ApiKey(uuid.UUID(r.id), r.name, r.prefix, r.created_at, r.revoked_at) for r in rows]


async def revoke_api_key(db: AsyncConnection, *, project_id: uuid.UUID, key_id: uuid.UUID) -> bool:
    credential_epoch.invalidate()  # this process stops accepting the key at once (others within its TTL)
    result = await db.execute(
        update(api_keys)
        .where(api_keys.c.id == str(key_id), api_keys.c.project_id == str(project_id), api_keys.c.revoked_at.is_(None))
        .values(revoked_at=dt.datetime.now(dt.UTC))
    )
    return result.rowcount == 1
