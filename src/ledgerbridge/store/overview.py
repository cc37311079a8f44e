"""Read-only queries behind the dashboard and the connect page's progress: a page of connections with their
health, a connection's record counts and company, a page of events (the request log is the events that carry an
HTTP method), one event, and activity over time for the charts.

Every query is scoped by project, and every list is a page: keyset on ``seq`` (``before``: the last row's seq of
the previous page) for the event log, which grows without bound, and LIMIT/OFFSET for connections.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, and_, case, cast, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import connections, events, records, sync_states

MAX_PAGE = 200


@dataclass(frozen=True)
class ConnectionRow:
    id: uuid.UUID
    provider: str
    status: str
    account_id: str | None
    linked_user_id: uuid.UUID | None
    created_at: dt.datetime
    last_sync_at: dt.datetime | None
    objects: int  # objects synced at least once
    failing: int  # objects whose last sync failed
    records: int  # records stored by the objects' last passes
    last_error: str | None

    @property
    def health(self) -> str:
        """``revoked``, ``needs re-auth``, ``failing``, ``syncing`` (never synced yet) or ``healthy``."""
        if self.status == "revoked":
            return "revoked"
        if self.status not in ("valid", "active"):
            return "needs re-auth"
        if self.failing:
            return "failing"
        return "healthy" if self.last_sync_at is not None else "syncing"


def _limit(limit: int) -> int:
    return max(1, min(limit, MAX_PAGE))


async def connections_page(db: AsyncConnection, *, project_id: uuid.UUID, limit: int = 50, offset: int = 0,
                           connection_id: uuid.UUID | None = None) -> tuple[list[ConnectionRow], int]:
    """The project's connections (or just ``connection_id``), oldest first, with their sync outcome folded in;
    and how many the project has."""
    failed = case((sync_states.c.status == "failed", 1), else_=0)
    state: Any = (
        select(
            sync_states.c.connection_id,
            func.count().label("objects"),
            func.coalesce(func.sum(failed), 0).label("failing"),
            func.coalesce(func.sum(sync_states.c.records), 0).label("records"),
            func.max(case((sync_states.c.status == "failed", sync_states.c.error), else_=None)).label("last_error"),
        )
        .where(sync_states.c.project_id == str(project_id))
        .group_by(sync_states.c.connection_id)
    )
    if connection_id is not None:
        state = state.where(sync_states.c.connection_id == str(connection_id))
    state = state.subquery()
    query = (
        select(connections.c.id, connections.c.provider, connections.c.status, connections.c.account_id,
               connections.c.linked_user_id, connections.c.created_at, connections.c.last_sync_at,
               state.c.objects, state.c.failing, state.c.records, state.c.last_error)
        .select_from(connections.outerjoin(state, state.c.connection_id == connections.c.id))
        .where(connections.c.project_id == str(project_id))
        .order_by(connections.c.created_at, connections.c.id)
        .limit(_limit(limit)).offset(max(0, offset))
    )
    if connection_id is not None:
        query = query.where(connections.c.id == str(connection_id))
    rows = [
        ConnectionRow(uuid.UUID(r.id), r.provider, r.status, r.account_id,
                      None if r.linked_user_id is None else uuid.UUID(r.linked_user_id), r.created_at,
                      r.last_sync_at, int(r.objects or 0), int(r.failing or 0), int(r.records or 0), r.last_error)
        for r in await db.execute(query)
    ]
    total = (await db.execute(select(func.count()).select_from(connections)
                              .where(connections.c.project_id == str(project_id)))).scalar_one()
    return rows, int(total)


async def record_counts(db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID) -> dict[str, int]:
    """Live (not deleted) records per object of one connection (an index-only count on ``ix_records_page``)."""
    rows = await db.execute(
        select(records.c.object_type, func.count())
        .where(records.c.project_id == str(project_id), records.c.connection_id == str(connection_id),
               records.c.deleted.is_(False))
        .group_by(records.c.object_type)
    )
    return {object_type: int(count) for object_type, count in rows}


async def company_name(db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID) -> str | None:
    """The name on the connection's synced company record, once the first sync has stored it."""
    data = (await db.execute(
        select(records.c.data)
        .where(records.c.project_id == str(project_id), records.c.connection_id == str(connection_id),
               records.c.object_type == "company_info", records.c.deleted.is_(False))
        .order_by(records.c.seq).limit(1)
    )).scalar()
    if data is None:
        return None
    name = json.loads(data).get("name")
    return str(name) if name else None


@dataclass(frozen=True)
class RecordRow:
    seq: int
    id: uuid.UUID
    object_type: str
    remote_id: str
    data: dict[str, Any]
    remote_data: dict[str, Any] | None
    modified_at: dt.datetime
    remote_updated_at: dt.datetime | None
    deleted: bool


def _record(r: Any) -> RecordRow:
    return RecordRow(int(r.seq), uuid.UUID(r.id), r.object_type, r.remote_id, json.loads(r.data),
                     None if r.remote_data is None else json.loads(r.remote_data), r.modified_at,
                     r.remote_updated_at, bool(r.deleted))


async def records_page(db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID, object_type: str,
                       after: int | None = None, limit: int = 50, remote_id: str | None = None,
                       include_deleted: bool = False) -> list[RecordRow]:
    """One page of a connection's records of one object, in storage order (keyset on ``ix_records_page``)."""
    query = (
        select(records.c.seq, records.c.id, records.c.object_type, records.c.remote_id, records.c.data,
               records.c.remote_data, records.c.modified_at, records.c.remote_updated_at, records.c.deleted)
        .where(records.c.project_id == str(project_id), records.c.connection_id == str(connection_id),
               records.c.object_type == object_type)
        .order_by(records.c.seq).limit(_limit(limit))
    )
    if after is not None:
        query = query.where(records.c.seq > after)
    if remote_id:
        query = query.where(records.c.remote_id == remote_id)
    if not include_deleted:
        query = query.where(records.c.deleted.is_(False))
    return [_record(r) for r in await db.execute(query)]


async def get_record(db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID,
                     record_id: uuid.UUID) -> RecordRow | None:
    row = (await db.execute(
        select(records.c.seq, records.c.id, records.c.object_type, records.c.remote_id, records.c.data,
               records.c.remote_data, records.c.modified_at, records.c.remote_updated_at, records.c.deleted)
        .where(records.c.project_id == str(project_id), records.c.connection_id == str(connection_id),
               records.c.id == str(record_id))
    )).first()
    return None if row is None else _record(row)


@dataclass(frozen=True)
class EventRow:
    seq: int
    id: uuid.UUID
    type: str
    status: str
    connection_id: str | None
    method: str | None
    url: str | None
    detail: dict[str, Any] | None
    created_at: dt.datetime


def _event(r: Any) -> EventRow:
    return EventRow(int(r.seq), uuid.UUID(r.id), r.type, r.status, r.connection_id, r.method, r.url,
                    None if r.detail is None else json.loads(r.detail), r.created_at)


async def events_page(db: AsyncConnection, *, project_id: uuid.UUID, before: int | None = None, limit: int = 50,
                      type_prefix: str | None = None, status: str | None = None,
                      connection_id: uuid.UUID | None = None, requests_only: bool = False) -> list[EventRow]:
    """Newest first, a page at a time (keyset on ``ix_events_project``). ``requests_only``: the request log —
    the events recorded for an API call that reached a provider (writes, passthrough), which carry a method."""
    query = (select(events).where(events.c.project_id == str(project_id))
             .order_by(events.c.seq.desc()).limit(_limit(limit)))
    if before is not None:
        query = query.where(events.c.seq < before)
    if type_prefix:
        query = query.where(events.c.type.startswith(type_prefix, autoescape=True))
    if status:
        query = query.where(events.c.status == status)
    if connection_id is not None:
        query = query.where(events.c.connection_id == str(connection_id))
    if requests_only:
        query = query.where(events.c.method.is_not(None))
    return [_event(r) for r in await db.execute(query)]


async def get_event(db: AsyncConnection, *, project_id: uuid.UUID, event_id: uuid.UUID) -> EventRow | None:
    row = (await db.execute(select(events).where(events.c.project_id == str(project_id),
                                                 events.c.id == str(event_id)))).first()
    return None if row is None else _event(row)


@dataclass(frozen=True)
class Bucket:
    start: dt.datetime
    ok: int
    failed: int
    requests: int


async def activity(db: AsyncConnection, *, project_id: uuid.UUID, since: dt.datetime, bucket_seconds: int,
                   cap: int = 50_000) -> tuple[list[Bucket], bool]:
    """Events per time bucket since ``since``, every bucket present (zeros included) so a chart's x axis is even;
    and whether they are all counted. The database counts, grouped on the epoch bucket, at most the newest ``cap``
    events of the window (walked backwards on ``ix_events_project``), so a busy project's page stays fast; the
    flag is False when the cap cut the window short."""
    recent = (
        select(events.c.created_at, events.c.status, events.c.method)
        .where(and_(events.c.project_id == str(project_id), events.c.created_at >= since))
        .order_by(events.c.seq.desc()).limit(cap)
        .subquery()
    )
    if db.dialect.name == "sqlite":
        epoch = cast(func.strftime("%s", recent.c.created_at), Integer)
    else:
        epoch = cast(func.floor(func.extract("epoch", recent.c.created_at)), Integer)
    bucket = (epoch // bucket_seconds).label("bucket")
    bad = case((recent.c.status.in_(("fail", "error")), 1), else_=0)
    request = case((recent.c.method.is_not(None), 1), else_=0)
    rows = await db.execute(select(bucket, func.count(), func.sum(bad), func.sum(request)).group_by(bucket))
    counted = {int(b): (int(n), int(f or 0), int(q or 0)) for b, n, f, q in rows}
    first = int(since.timestamp()) // bucket_seconds
    last = int(dt.datetime.now(dt.UTC).timestamp()) // bucket_seconds
    out = []
    for index in range(first, last + 1):
        total, failed, requests = counted.get(index, (0, 0, 0))
        out.append(Bucket(dt.datetime.fromtimestamp(index * bucket_seconds, dt.UTC), total - failed, failed, requests))
    return out, sum(n for n, _, _ in counted.values()) < cap
