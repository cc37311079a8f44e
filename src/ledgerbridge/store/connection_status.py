"""A connection's status and the provider account it reaches, for linking again and revoking."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store import credential_epoch
from ledgerbridge.store.tables import connections


async def connection_for_account(db: AsyncConnection, *, project_id: uuid.UUID, provider: str,
                                 account_id: str) -> uuid.UUID | None:
    """The project's connection to this provider account, if it has one."""
    found = (await db.execute(select(connections.c.id).where(
        connections.c.project_id == str(project_id), connections.c.provider == provider,
        connections.c.account_id == account_id,
    ))).scalar()
    return None if found is None else uuid.UUID(found)


async def set_status(db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID, status: str) -> None:
    credential_epoch.invalidate()
    await db.execute(update(connections).where(connections.c.id == str(connection_id),
                                               connections.c.project_id == str(project_id))
                     .values(status=status))
