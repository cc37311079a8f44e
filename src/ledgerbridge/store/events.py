"""The event log: what happened in a project, written in the same transaction as the change it records.

Every event a webhook endpoint of the project subscribes to also gets its outbox rows here, in that same
transaction (:mod:`ledgerbridge.store.webhooks`): a change and its webhook are committed together or not at all,
and :func:`ledgerbridge.webhooks.delivery.deliver_due` sends them afterwards.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.store import render, webhooks
from ledgerbridge.store.records import Upserted
from ledgerbridge.store.rows import insert_rows
from ledgerbridge.store.tables import connections, events


def _time(value: dt.datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def envelope(
    *, event_id: uuid.UUID, type: str, project_id: uuid.UUID, connection_id: uuid.UUID | None,
    created_at: dt.datetime, data: str,
) -> str:
    """The webhook body: ``{id_event, type, id_project, id_connection, created_at, data}``, with ``data`` spliced
    in as JSON (an object, not Panora's JSON-in-a-string). ``id_event`` is what receivers dedupe on."""
    return (
        '{"id_event":"' + str(event_id) + '","type":' + wire.dumps(type)
        + ',"id_project":"' + str(project_id) + '","id_connection":'
        + ("null" if connection_id is None else '"' + str(connection_id) + '"')
        + ',"created_at":"' + _time(created_at) + '","data":' + data + "}"
    )


async def record(
    connection: AsyncConnection,
    *,
    project_id: uuid.UUID,
    connection_id: uuid.UUID | None,
    type: str,
    status: str = "success",
    method: str | None = None,
    url: str | None = None,
    detail: dict[str, Any] | None = None,
    data: str | None = None,
) -> uuid.UUID:
    """Append one event, plus its outbox rows for the project's subscribed endpoints.

    ``detail`` must never hold a secret: callers pass ids and outcomes only. ``data`` is the webhook's ``data``
    as JSON text (e.g. the rendered unified record); by default it is ``detail``.
    """
    event_id = uuid.uuid4()
    now = dt.datetime.now(dt.UTC)
    await connection.execute(
        insert(events).values(
            id=str(event_id),
            project_id=str(project_id),
            connection_id=None if connection_id is None else str(connection_id),
            type=type,
            status=status,
            method=method,
            url=url,
            detail=None if detail is None else wire.dumps(detail),
            created_at=now,
        )
    )
    endpoints = await webhooks.subscribers(connection, project_id=project_id)
    if endpoints:
        body = envelope(
            event_id=event_id, type=type, project_id=project_id, connection_id=connection_id, created_at=now,
            data=data if data is not None else wire.dumps(detail or {}),
        )
        await webhooks.enqueue(
            connection, project_id=project_id, outgoing=[webhooks.Outgoing(event_id, type, body)],
            endpoints=endpoints, now=now,
        )
    return event_id


def change_type(item: Upserted) -> str | None:
    """``accounting.<object>.created|updated|deleted`` for a stored change, None when nothing changed."""
    if item.change == "unchanged":
        return None
    if item.row.deleted:
        return f"accounting.{item.object_type}.deleted"
    return f"accounting.{item.object_type}.{item.change}"


async def record_changes(
    connection: AsyncConnection,
    *,
    project_id: uuid.UUID,
    connection_id: uuid.UUID,
    upserted: Sequence[Upserted],
) -> list[uuid.UUID]:
    """One event per created, updated or deleted record of a sync page (unchanged ones are skipped), and their
    outbox rows, in three statements whatever the page size (one array per column on PostgreSQL, see
    :mod:`ledgerbridge.store.rows`). Call it in the page's own transaction.

    The webhook ``data`` is the unified record as the API serves it (without remote_data), not a database row.
    """
    now = dt.datetime.now(dt.UTC)
    rows = []
    outgoing = []
    for item in upserted:
        type_ = change_type(item)
        if type_ is None:
            continue
        event_id = uuid.uuid4()
        rows.append({
            "id": str(event_id), "project_id": str(project_id), "connection_id": str(connection_id), "type": type_,
            "status": "success", "method": None, "url": None, "created_at": now,
            "detail": wire.dumps({"id": str(item.id), "remote_id": item.row.remote_id, "object": item.object_type}),
        })
        outgoing.append((event_id, type_, item))
    if not rows:
        return []
    await insert_rows(connection, events, rows)
    endpoints = await webhooks.subscribers(connection, project_id=project_id)
    if endpoints:
        await webhooks.enqueue(
            connection,
            project_id=project_id,
            outgoing=[
                webhooks.Outgoing(
                    event_id, type_,
                    envelope(event_id=event_id, type=type_, project_id=project_id, connection_id=connection_id,
                             created_at=now, data=render.record(item.row, with_remote_data=False)),
                )
                for event_id, type_, item in outgoing
                if any(webhooks.subscribed(scope, type_) for _, scope in endpoints)
            ],
            endpoints=endpoints,
            now=now,
        )
    return [event_id for event_id, _, _ in outgoing]


async def page(
    connection: AsyncConnection, *, project_id: uuid.UUID, page: int, limit: int
) -> tuple[list[Any], int]:
    """Panora's ``GET /events``: newest first, offset pages; with each event its connection's provider and linked
    user (one joined query). Project-level events (no connection) are included, unlike Panora."""
    query = (
        select(events, connections.c.provider, connections.c.linked_user_id)
        .select_from(events.outerjoin(connections, connections.c.id == events.c.connection_id))
        .where(events.c.project_id == str(project_id))
        .order_by(events.c.seq.desc())
        .offset((page - 1) * limit)
        .limit(limit)
    )
    rows = list((await connection.execute(query)).all())
    total = (
        await connection.execute(select(func.count()).select_from(events).where(events.c.project_id == str(project_id)))
    ).scalar_one()
    return rows, int(total)
