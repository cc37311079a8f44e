"""Idempotency-Key records (DESIGN.md § Idempotency), kept for a day.

The claim is committed on its own before any work starts, so a concurrent duplicate sees it and gets 409 while
the first request runs; a finished request's response is replayed byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from ledgerbridge.store.records import Scope
from ledgerbridge.store.tables import idempotency_keys


@dataclass(frozen=True)
class Claimed:
    """This request owns the key: do the work, then :func:`finish` or :func:`release`."""


@dataclass(frozen=True)
class Replay:
    status_code: int
    response: str


@dataclass(frozen=True)
class InProgress:
    pass


@dataclass(frozen=True)
class Mismatch:
    pass


Claim = Claimed | Replay | InProgress | Mismatch


def _key(scope: Scope, key: str) -> ColumnElement[bool]:
    return (
        (idempotency_keys.c.project_id == str(scope.project_id))
        & (idempotency_keys.c.connection_id == str(scope.connection_id))
        & (idempotency_keys.c.key == key)
    )


async def claim(engine: AsyncEngine, scope: Scope, key: str, request_hash: str, *, ttl: dt.timedelta) -> Claim:
    now = dt.datetime.now(dt.UTC)
    async with engine.begin() as connection:
        insert = (postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert)(idempotency_keys)
        result = await connection.execute(
            insert.values(
                connection_id=str(scope.connection_id),
                key=key,
                project_id=str(scope.project_id),
                request_hash=request_hash,
                created_at=now,
                expires_at=now + ttl,
            ).on_conflict_do_nothing()
        )
        if result.rowcount == 1:
            return Claimed()
        row = (
            await connection.execute(
                select(
                    idempotency_keys.c.request_hash,
                    idempotency_keys.c.status_code,
                    idempotency_keys.c.response,
                    idempotency_keys.c.expires_at,
                ).where(_key(scope, key))
            )
        ).first()
        if row is not None and row.expires_at <= now:  # an expired key is free again
            await connection.execute(delete(idempotency_keys).where(_key(scope, key)))
            row = None
    if row is None:  # expired, or released by its holder since our insert: try again
        return await claim(engine, scope, key, request_hash, ttl=ttl)
    if row.request_hash != request_hash:
        return Mismatch()
    if row.status_code is None:
        return InProgress()
    return Replay(row.status_code, row.response)


async def finish(connection: AsyncConnection, scope: Scope, key: str, *, status_code: int, response: str) -> None:
    """Store the response; called inside the transaction that stores the write itself."""
    await connection.execute(
        update(idempotency_keys).where(_key(scope, key)).values(status_code=status_code, response=response)
    )


async def release(engine: AsyncEngine, scope: Scope, key: str) -> None:
    """Forget a claim whose request failed without writing anything, so the caller may retry with the key."""
    async with engine.begin() as connection:
        await connection.execute(delete(idempotency_keys).where(_key(scope, key)))
