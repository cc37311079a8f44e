"""Dashboard sessions, server-side: a row per logged-in session, keyed by the hash of the cookie's random id.

The cookie alone proves nothing once its row is gone: logout deletes the row, a password change deletes every
row of the operator, and expired rows are ignored (and swept at each login).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import dashboard_sessions


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


async def create(db: AsyncConnection, *, session_id: str, operator_id: uuid.UUID, now: dt.datetime,
                 expires_at: dt.datetime) -> None:
    await db.execute(delete(dashboard_sessions).where(dashboard_sessions.c.expires_at <= now))
    await db.execute(insert(dashboard_sessions).values(
        id_hash=_hash(session_id), operator_id=str(operator_id), created_at=now, expires_at=expires_at))


async def operator_for(db: AsyncConnection, *, session_id: str, now: dt.datetime) -> uuid.UUID | None:
    found = (await db.execute(select(dashboard_sessions.c.operator_id).where(
        dashboard_sessions.c.id_hash == _hash(session_id), dashboard_sessions.c.expires_at > now))).scalar()
    return None if found is None else uuid.UUID(found)


async def revoke(db: AsyncConnection, *, session_id: str) -> None:
    await db.execute(delete(dashboard_sessions).where(dashboard_sessions.c.id_hash == _hash(session_id)))


async def revoke_all(db: AsyncConnection, *, operator_id: uuid.UUID) -> int:
    result = await db.execute(delete(dashboard_sessions).where(dashboard_sessions.c.operator_id == str(operator_id)))
    return result.rowcount or 0
