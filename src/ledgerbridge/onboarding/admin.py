"""Read and manage a project's keys, linked users and events, for the dashboard and the admin CLI.

Every function takes the project first and filters by it: there is no unscoped query here.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store import tenancy
from ledgerbridge.store.tables import api_keys, events, linked_users, projects


@dataclass(frozen=True)
class ApiKey:
    id: uuid.UUID
    name: str
    prefix: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class LinkedUser:
    id: uuid.UUID
    origin_user_id: str
    alias: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class Event:
    id: uuid.UUID
    type: str
    status: str
    connection_id: str | None
    detail: dict[str, Any] | None
    created_at: dt.datetime


async def all_projects(db: AsyncConnection) -> list[tenancy.Project]:
    """Every project: for the server's own administrator (the CLI), never for a dashboard page."""
    rows = await db.execute(select(projects.c.id, projects.c.name).order_by(projects.c.created_at))
    return [tenancy.Project(uuid.UUID(r.id), r.name) for r in rows]


async def get_project(db: AsyncConnection, project_id: uuid.UUID) -> tenancy.Project | None:
    row = (await db.execute(select(projects.c.id, projects.c.name).where(projects.c.id == str(project_id)))).first()
    return None if row is None else tenancy.Project(uuid.UUID(row.id), row.name)


async def list_api_keys(db: AsyncConnection, *, project_id: uuid.UUID) -> list[ApiKey]:
    rows = await db.execute(select(api_keys).where(api_keys.c.project_id == str(project_id))
                            .order_by(api_keys.c.created_at))
    return [ApiKey(uuid.UUID(r.id), r.name, r.prefix, r.created_at, r.revoked_at) for r in rows]


async def revoke_api_key(db: AsyncConnection, *, project_id: uuid.UUID, key_id: uuid.UUID) -> bool:
    result = await db.execute(
        update(api_keys)
        .where(api_keys.c.id == str(key_id), api_keys.c.project_id == str(project_id), api_keys.c.revoked_at.is_(None))
        .values(revoked_at=dt.datetime.now(dt.UTC))
    )
    return result.rowcount == 1


async def list_linked_users(db: AsyncConnection, *, project_id: uuid.UUID) -> list[LinkedUser]:
    rows = await db.execute(select(linked_users).where(linked_users.c.project_id == str(project_id))
                            .order_by(linked_users.c.created_at))
    return [LinkedUser(uuid.UUID(r.id), r.origin_user_id, r.alias, r.created_at) for r in rows]


async def linked_user_exists(db: AsyncConnection, *, project_id: uuid.UUID, linked_user_id: uuid.UUID) -> bool:
    found = await db.execute(select(linked_users.c.id).where(
        linked_users.c.id == str(linked_user_id), linked_users.c.project_id == str(project_id)))
    return found.first() is not None


async def recent_events(db: AsyncConnection, *, project_id: uuid.UUID, limit: int = 50) -> list[Event]:
    rows = await db.execute(select(events).where(events.c.project_id == str(project_id))
                            .order_by(events.c.seq.desc()).limit(limit))
    return [Event(uuid.UUID(r.id), r.type, r.status, r.connection_id,
                  None if r.detail is None else json.loads(r.detail), r.created_at) for r in rows]
