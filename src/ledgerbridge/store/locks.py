"""PostgreSQL advisory locks: one sync per connection at a time, across processes and machines.

Session-level: taken and released on a database connection the caller holds for the whole sync; the server
drops the lock when that session dies (even by SIGKILL), so none is ever left behind. See
:mod:`ledgerbridge.sync.lock` for the whole rule (SQLite locks in process).
"""

from __future__ import annotations

import uuid
import zlib

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

_NAMESPACE = 0x5C  # first key of the two-int advisory lock: keeps ours apart from anyone else's


def _key(connection_id: uuid.UUID) -> int:
    return zlib.crc32(connection_id.bytes) - 2**31  # a signed int4, as pg_advisory_lock(int, int) wants


async def lock_connection(db: AsyncConnection, connection_id: uuid.UUID) -> None:
    """Wait for, then hold, the connection's lock in ``db``'s session."""
    await db.execute(text("SELECT pg_advisory_lock(:ns, :key)"), {"ns": _NAMESPACE, "key": _key(connection_id)})


async def unlock_connection(db: AsyncConnection, connection_id: uuid.UUID) -> None:
    await db.execute(text("SELECT pg_advisory_unlock(:ns, :key)"), {"ns": _NAMESPACE, "key": _key(connection_id)})
