"""Idempotency-Key records (DESIGN.md § Idempotency), kept for a day.

The claim is committed on its own before any work starts, so a concurrent duplicate sees it and gets 409 while
the first request runs; a finished request's response is replayed byte for byte.

A create also records its provider call on the key before sending it (:func:`sent`: the provider-side key, the
object and the caller's body). If the answer is lost the key stays, ``uncertain`` (:func:`uncertain`), until a
retry with it or the background pass has found out what the provider did (service/outcomes.py): a retry whose
request matches takes the key over as :class:`Uncertain` (``state`` becomes ``resolving``, so a concurrent
duplicate still gets 409).

    claimed ──sent()──▶ sent ──finish()──▶ done (replayed)
       │                 │ └─ definite failure: release() (free again)
       │                 └─ answer lost: uncertain() ──claim()/take()──▶ resolving ──▶ done | released | uncertain
       │                                                                             └─ not_written (background)
       └─ failure before the provider call: release()
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


@dataclass(frozen=True)
class Uncertain:
    """An earlier request with this key lost the provider's answer: this request now owns the key and must find
    out whether the provider wrote it (then :func:`finish`, :func:`release` or :func:`uncertain` again)."""

    provider_key: str
    object_type: str
    request: str
    sent_at: dt.datetime
    #: the background pass found that the attempt created nothing: create afresh without asking again
    not_written: bool = False


Claim = Claimed | Replay | InProgress | Mismatch | Uncertain

SENT, UNCERTAIN, RESOLVING, NOT_WRITTEN = "sent", "uncertain", "resolving", "not_written"


@dataclass(frozen=True)
class Pending:
    """A key whose provider call has an unknown outcome (or was left ``sent`` by a process that stopped)."""

    key: str
    state: str
    provider_key: str
    object_type: str
    request: str
    sent_at: dt.datetime


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
                    idempotency_keys.c.state,
                    idempotency_keys.c.provider_key,
                    idempotency_keys.c.object_type,
                    idempotency_keys.c.request,
                    idempotency_keys.c.sent_at,
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
        if row.state in (UNCERTAIN, NOT_WRITTEN) and await _take(engine, scope, key, row.state, row.sent_at):
            return Uncertain(row.provider_key, row.object_type, row.request, row.sent_at,
                             not_written=row.state == NOT_WRITTEN)
        return InProgress()
    return Replay(row.status_code, row.response)


async def _take(engine: AsyncEngine, scope: Scope, key: str, state: str, sent_at: dt.datetime) -> bool:
    """Move a key from ``state`` to resolving, unless someone else did first."""
    async with engine.begin() as connection:
        result = await connection.execute(
            update(idempotency_keys)
            .where(_key(scope, key) & (idempotency_keys.c.state == state) & (idempotency_keys.c.sent_at == sent_at)
                   & idempotency_keys.c.status_code.is_(None))
            .values(state=RESOLVING)
        )
    return result.rowcount == 1


async def take(engine: AsyncEngine, scope: Scope, pending: Pending) -> bool:
    """The background pass takes over a pending key (False: a retry of the caller's got there first)."""
    return await _take(engine, scope, pending.key, pending.state, pending.sent_at)


async def sent(
    engine: AsyncEngine, scope: Scope, key: str, *, provider_key: str, object_type: str, request: str
) -> None:
    """Record the provider call about to be made, committed before it is made."""
    async with engine.begin() as connection:
        await connection.execute(
            update(idempotency_keys).where(_key(scope, key)).values(
                state=SENT, provider_key=provider_key, object_type=object_type, request=request,
                sent_at=dt.datetime.now(dt.UTC),
            )
        )


async def uncertain(engine: AsyncEngine, scope: Scope, key: str, *, state: str = UNCERTAIN) -> None:
    """The provider call's answer was lost: keep the key, marked for resolution (or, ``state=NOT_WRITTEN``,
    resolved as "nothing was created", so the next request with the key creates it)."""
    async with engine.begin() as connection:
        await connection.execute(
            update(idempotency_keys)
            .where(_key(scope, key) & idempotency_keys.c.status_code.is_(None))
            .values(state=state)
        )


async def pending(connection: AsyncConnection, scope: Scope, *, sent_before: dt.datetime) -> list[Pending]:
    """Keys of this connection whose provider call has an unknown outcome and was sent before ``sent_before``:
    uncertain ones, and sent or resolving ones whose process stopped (nothing is at the provider that long)."""
    rows = await connection.execute(
        select(
            idempotency_keys.c.key, idempotency_keys.c.state, idempotency_keys.c.provider_key,
            idempotency_keys.c.object_type, idempotency_keys.c.request, idempotency_keys.c.sent_at,
        ).where(
            (idempotency_keys.c.project_id == str(scope.project_id))
            & (idempotency_keys.c.connection_id == str(scope.connection_id))
            & idempotency_keys.c.status_code.is_(None)
            & idempotency_keys.c.state.in_((SENT, UNCERTAIN, RESOLVING))
            & (idempotency_keys.c.sent_at < sent_before)
        ).order_by(idempotency_keys.c.sent_at)
    )
    return [Pending(r.key, r.state, r.provider_key, r.object_type, r.request, r.sent_at) for r in rows]


async def finish(connection: AsyncConnection, scope: Scope, key: str, *, status_code: int, response: str) -> None:
    """Store the response; called inside the transaction that stores the write itself."""
    await connection.execute(
        update(idempotency_keys).where(_key(scope, key)).values(status_code=status_code, response=response, state=None)
    )


async def release(engine: AsyncEngine, scope: Scope, key: str) -> None:
    """Forget a claim whose request failed without writing anything, so the caller may retry with the key."""
    async with engine.begin() as connection:
        await connection.execute(delete(idempotency_keys).where(_key(scope, key)))
