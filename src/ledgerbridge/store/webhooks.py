"""Queries on webhook endpoints and their delivery outbox. Every function takes the project first, except the
dispatcher's claim, which works across projects by design (one worker delivers for every tenant).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.crypto import Sealer
from ledgerbridge.store.rows import insert_rows
from ledgerbridge.store.tables import webhook_deliveries, webhook_endpoints

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Endpoint:
    id: uuid.UUID
    project_id: uuid.UUID
    url: str
    description: str | None
    scope: list[str]
    active: bool
    created_at: dt.datetime
    modified_at: dt.datetime


def _endpoint(row: Any) -> Endpoint:
    return Endpoint(
        uuid.UUID(row.id), uuid.UUID(row.project_id), row.url, row.description, list(wire.loads(row.scope)),
        bool(row.active), row.created_at, row.modified_at,
    )


def subscribed(scope: Sequence[str], event_type: str) -> bool:
    """An endpoint wants an event if its scope names the type or a glob of it (``accounting.*``, ``*``)."""
    return any(fnmatchcase(event_type, pattern) for pattern in scope)


async def create_endpoint(
    db: AsyncConnection, sealer: Sealer, *, project_id: uuid.UUID, url: str, description: str | None,
    scope: list[str], secret: str,
) -> Endpoint:
    endpoint_id = uuid.uuid4()
    now = _now()
    await db.execute(
        insert(webhook_endpoints).values(
            id=str(endpoint_id), project_id=str(project_id), url=url, description=description,
            secret=sealer.seal({"secret": secret}, bound_to=str(endpoint_id)), scope=wire.dumps(scope),
            active=True, created_at=now, modified_at=now,
        )
    )
    return Endpoint(endpoint_id, project_id, url, description, scope, True, now, now)


def signing_secrets(sealed: dict[str, Any], *, now: dt.datetime) -> tuple[str, ...]:
    """What deliveries are signed with: the secret, and the previous one until its overlap ends."""
    until = sealed.get("previous_until")
    if sealed.get("previous") and until and dt.datetime.fromisoformat(until) > now:
        return sealed["secret"], sealed["previous"]
    return (sealed["secret"],)


async def rotate_secret(
    db: AsyncConnection, sealer: Sealer, *, project_id: uuid.UUID, endpoint_id: uuid.UUID, secret: str,
    overlap: dt.timedelta, now: dt.datetime,
) -> tuple[Endpoint, dt.datetime | None] | None:
    """Replace the endpoint's secret; the old one keeps signing too until ``now + overlap``, if that is later.

    Returns the endpoint and that time (None: the old secret stopped at once), or None when the endpoint is not
    this project's. A rotation during an overlap drops the oldest secret.
    """
    row = (await db.execute(
        select(webhook_endpoints).where(webhook_endpoints.c.id == str(endpoint_id),
                                        webhook_endpoints.c.project_id == str(project_id))
    )).first()
    if row is None:
        return None
    until = now + overlap if overlap > dt.timedelta(0) else None
    previous = sealer.open(row.secret, bound_to=str(endpoint_id))["secret"]
    sealed: dict[str, Any] = {"secret": secret}
    if until is not None:
        sealed |= {"previous": previous, "previous_until": until.isoformat()}
    await db.execute(
        update(webhook_endpoints)
        .where(webhook_endpoints.c.id == str(endpoint_id), webhook_endpoints.c.project_id == str(project_id))
        .values(secret=sealer.seal(sealed, bound_to=str(endpoint_id)), modified_at=now)
    )
    return replace(_endpoint(row), modified_at=now), until


async def list_endpoints(db: AsyncConnection, *, project_id: uuid.UUID) -> list[Endpoint]:
    result = await db.execute(
        select(webhook_endpoints)
        .where(webhook_endpoints.c.project_id == str(project_id))
        .order_by(webhook_endpoints.c.created_at, webhook_endpoints.c.id)
    )
    return [_endpoint(row) for row in result]


async def get_endpoint(db: AsyncConnection, *, project_id: uuid.UUID, endpoint_id: uuid.UUID) -> Endpoint | None:
    row = (
        await db.execute(
            select(webhook_endpoints).where(
                webhook_endpoints.c.project_id == str(project_id), webhook_endpoints.c.id == str(endpoint_id)
            )
        )
    ).first()
    return None if row is None else _endpoint(row)


async def set_active(
    db: AsyncConnection, *, project_id: uuid.UUID, endpoint_id: uuid.UUID, active: bool
) -> Endpoint | None:
    await db.execute(
        update(webhook_endpoints)
        .where(webhook_endpoints.c.project_id == str(project_id), webhook_endpoints.c.id == str(endpoint_id))
        .values(active=active, modified_at=_now())
    )
    return await get_endpoint(db, project_id=project_id, endpoint_id=endpoint_id)


async def delete_endpoint(db: AsyncConnection, *, project_id: uuid.UUID, endpoint_id: uuid.UUID) -> bool:
    result = await db.execute(
        delete(webhook_endpoints).where(
            webhook_endpoints.c.project_id == str(project_id), webhook_endpoints.c.id == str(endpoint_id)
        )
    )
    return bool(result.rowcount)


async def subscribers(db: AsyncConnection, *, project_id: uuid.UUID) -> list[tuple[uuid.UUID, list[str]]]:
    """The project's active endpoints and their scopes (one query; matched to event types in Python)."""
    result = await db.execute(
        select(webhook_endpoints.c.id, webhook_endpoints.c.scope).where(
            webhook_endpoints.c.project_id == str(project_id), webhook_endpoints.c.active.is_(True)
        )
    )
    return [(uuid.UUID(row.id), list(wire.loads(row.scope))) for row in result]


@dataclass(frozen=True)
class Outgoing:
    """One event to put in the outbox: its id, type and the exact JSON body to deliver."""

    event_id: uuid.UUID
    event_type: str
    payload: str


async def enqueue(
    db: AsyncConnection,
    *,
    project_id: uuid.UUID,
    outgoing: Sequence[Outgoing],
    endpoints: Sequence[tuple[uuid.UUID, list[str]]],
    now: dt.datetime,
) -> int:
    """Outbox rows for every (event, subscribed endpoint) pair, in one statement; returns how many."""
    rows = [
        {
            "id": str(uuid.uuid4()),
            "project_id": str(project_id),
            "endpoint_id": str(endpoint_id),
            "event_id": str(item.event_id),
            "event_type": item.event_type,
            "payload": item.payload,
            "status": PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
        }
        for item in outgoing
        for endpoint_id, scope in endpoints
        if subscribed(scope, item.event_type)
    ]
    await insert_rows(db, webhook_deliveries, rows)  # one statement (one array per column on PostgreSQL)
    return len(rows)


@dataclass(frozen=True)
class Due:
    id: uuid.UUID
    endpoint_id: uuid.UUID
    event_id: uuid.UUID
    event_type: str
    payload: str
    attempts: int  # including the one being made now
    url: str
    secrets: tuple[str, ...]  # the current secret first; the previous one too while a rotation's overlap lasts


async def claim_due(
    db: AsyncConnection, sealer: Sealer, *, now: dt.datetime, lease: dt.timedelta, limit: int
) -> list[Due]:
    """Take up to ``limit`` due deliveries for this worker.

    The claim is one UPDATE … RETURNING that pushes ``next_attempt_at`` a lease into the future and counts the
    attempt: a second worker's claim skips those rows (PostgreSQL re-checks the WHERE after the row lock; SQLite
    has one writer), and a worker that dies mid-delivery leaves rows that become due again when the lease ends.
    """
    due = (
        select(webhook_deliveries.c.seq)
        .where(webhook_deliveries.c.status == PENDING, webhook_deliveries.c.next_attempt_at <= now)
        .order_by(webhook_deliveries.c.next_attempt_at, webhook_deliveries.c.seq)
        .limit(limit)
    )
    if db.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    claimed = (
        await db.execute(
            update(webhook_deliveries)
            .where(
                webhook_deliveries.c.seq.in_(due.scalar_subquery()),
                webhook_deliveries.c.status == PENDING,
                webhook_deliveries.c.next_attempt_at <= now,
            )
            .values(next_attempt_at=now + lease, attempts=webhook_deliveries.c.attempts + 1, last_attempt_at=now)
            .returning(
                webhook_deliveries.c.id, webhook_deliveries.c.endpoint_id, webhook_deliveries.c.event_id,
                webhook_deliveries.c.event_type, webhook_deliveries.c.payload, webhook_deliveries.c.attempts,
                webhook_deliveries.c.seq,
            )
        )
    ).all()
    if not claimed:
        return []
    endpoint_ids = sorted({row.endpoint_id for row in claimed})
    endpoints = {
        row.id: row
        for row in await db.execute(
            select(webhook_endpoints.c.id, webhook_endpoints.c.url, webhook_endpoints.c.secret).where(
                webhook_endpoints.c.id.in_(endpoint_ids)
            )
        )
    }
    out = []
    for row in sorted(claimed, key=lambda r: r.seq):
        endpoint = endpoints[row.endpoint_id]
        out.append(
            Due(uuid.UUID(row.id), uuid.UUID(row.endpoint_id), uuid.UUID(row.event_id), row.event_type,
                row.payload, int(row.attempts), endpoint.url,
                signing_secrets(sealer.open(endpoint.secret, bound_to=endpoint.id), now=now))
        )
    return out


async def finish(
    db: AsyncConnection,
    *,
    delivery_id: uuid.UUID,
    status: str,
    at: dt.datetime,
    status_code: int | None,
    error: str | None,
    next_attempt_at: dt.datetime | None,
) -> None:
    await db.execute(
        update(webhook_deliveries)
        .where(webhook_deliveries.c.id == str(delivery_id))
        .values(
            status=status,
            last_status_code=status_code,
            last_error=error,
            next_attempt_at=next_attempt_at,
            delivered_at=at if status == DELIVERED else None,
        )
    )


async def list_deliveries(
    db: AsyncConnection,
    *,
    project_id: uuid.UUID,
    endpoint_id: uuid.UUID | None = None,
    status: str | None = None,
    limit: int = 50,
    before: int | None = None,
) -> list[Any]:
    """The delivery log, newest first."""
    query = select(webhook_deliveries).where(webhook_deliveries.c.project_id == str(project_id))
    if endpoint_id is not None:
        query = query.where(webhook_deliveries.c.endpoint_id == str(endpoint_id))
    if status is not None:
        query = query.where(webhook_deliveries.c.status == status)
    if before is not None:
        query = query.where(webhook_deliveries.c.seq < before)
    return list((await db.execute(query.order_by(webhook_deliveries.c.seq.desc()).limit(limit))).all())


async def redeliver(db: AsyncConnection, *, project_id: uuid.UUID, delivery_id: uuid.UUID, now: dt.datetime) -> bool:
    """Put a delivery back in the queue now (after the receiver was fixed); the event id stays the same."""
    result = await db.execute(
        update(webhook_deliveries)
        .where(webhook_deliveries.c.project_id == str(project_id), webhook_deliveries.c.id == str(delivery_id))
        .values(status=PENDING, next_attempt_at=now)
    )
    return bool(result.rowcount)


async def get_delivery(db: AsyncConnection, *, project_id: uuid.UUID, delivery_id: uuid.UUID) -> Any | None:
    """One delivery of this project (None for an unknown or foreign id)."""
    return (
        await db.execute(
            select(webhook_deliveries).where(
                webhook_deliveries.c.project_id == str(project_id), webhook_deliveries.c.id == str(delivery_id)
            )
        )
    ).first()
