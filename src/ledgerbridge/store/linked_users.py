"""Reading a project's linked users (creating is :func:`ledgerbridge.store.tenancy.create_linked_user`)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import linked_users


@dataclass(frozen=True)
class LinkedUser:
    id: uuid.UUID
    origin_user_id: str
    alias: str | None
    created_at: dt.datetime
    project_id: uuid.UUID


async def list_linked_users(
    db: AsyncConnection, *, project_id: uuid.UUID, ids: Sequence[uuid.UUID] | None = None,
    origin_user_id: str | None = None,
) -> list[LinkedUser]:
    """The project's linked users, oldest first; only those of ``ids`` or ``origin_user_id`` when given."""
    query = select(linked_users).where(linked_users.c.project_id == str(project_id))
    if ids is not None:
        query = query.where(linked_users.c.id.in_([str(i) for i in ids]))
    if origin_user_id is not None:
        query = query.where(linked_users.c.origin_user_id == origin_user_id)
    rows = await db.execute(query.order_by(linked_users.c.created_at, linked_users.c.id))
    return [LinkedUser(uuid.UUID(r.id), r.origin_user_id, r.alias, r.created_at, uuid.UUID(r.project_id))
            for r in rows]


async def linked_user_exists(db: AsyncConnection, *, project_id: uuid.UUID, linked_user_id: uuid.UUID) -> bool:
    found = await db.execute(select(linked_users.c.id).where(
        linked_users.c.id == str(linked_user_id), linked_users.c.project_id == str(project_id)))
    return found.first() is not None
