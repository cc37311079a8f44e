"""One sync per connection at a time, whoever starts it (worker, CLI, API resync, embedded scheduler).

On PostgreSQL a session-level advisory lock, held on a connection of its own for the whole sync: it spans
processes and machines, and the server drops it when the holder dies (even by SIGKILL), so no lock is ever left
behind. SQLite has one process by design (embedded mode): an asyncio lock per connection id is enough there.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from weakref import WeakValueDictionary

from sqlalchemy.ext.asyncio import AsyncEngine

from ledgerbridge.store import locks

_LOCAL: WeakValueDictionary[str, asyncio.Lock] = WeakValueDictionary()


@asynccontextmanager
async def connection_lock(engine: AsyncEngine, connection_id: uuid.UUID) -> AsyncIterator[None]:
    if engine.dialect.name == "postgresql":
        async with engine.connect() as db:
            await locks.lock_connection(db, connection_id)
            await db.commit()
            try:
                yield
            finally:
                await locks.unlock_connection(db, connection_id)
                await db.commit()
        return
    name = f"{id(engine)}:{connection_id}"
    lock = _LOCAL.get(name)
    if lock is None:
        lock = _LOCAL[name] = asyncio.Lock()
    async with lock:
        yield
