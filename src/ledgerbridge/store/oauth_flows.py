"""Pending OAuth authorizations: one row per redirect to a provider, claimed once by its callback."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import and_, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import oauth_flows


@dataclass(frozen=True)
class Flow:
    id: uuid.UUID
    project_id: uuid.UUID
    linked_user_id: uuid.UUID | None
    provider: str
    secret: str  # sealed


async def create(db: AsyncConnection, *, project_id: uuid.UUID, flow_id: uuid.UUID, linked_user_id: uuid.UUID,
                 provider: str, secret: str, expires_at: dt.datetime) -> None:
    await db.execute(insert(oauth_flows).values(
        id=str(flow_id), project_id=str(project_id), linked_user_id=str(linked_user_id), provider=provider,
        expires_at=expires_at, secret=secret,
    ))


async def claim(db: AsyncConnection, flow_id: uuid.UUID, *, now: dt.datetime) -> Flow | None:
    """The flow, marked used in the same statement that checks it is unused and live; None otherwise."""
    claimed = await db.execute(
        update(oauth_flows)
        .where(and_(oauth_flows.c.id == str(flow_id), oauth_flows.c.used_at.is_(None), oauth_flows.c.expires_at > now))
        .values(used_at=now)
    )
    if claimed.rowcount != 1:
        return None
    row = (await db.execute(select(oauth_flows).where(oauth_flows.c.id == str(flow_id)))).one()
    return Flow(uuid.UUID(row.id), uuid.UUID(row.project_id),
                None if row.linked_user_id is None else uuid.UUID(row.linked_user_id), row.provider, row.secret)
