"""Dashboard operators and the projects each one may see."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import operator_projects, operators, projects
from ledgerbridge.store.tenancy import Project


async def create(db: AsyncConnection, *, operator_id: uuid.UUID, username: str, password_hash: str) -> bool:
    """False, and nothing written, when the username is taken."""
    try:
        async with db.begin_nested():
            await db.execute(insert(operators).values(id=str(operator_id), username=username,
                                                      password_hash=password_hash, created_at=dt.datetime.now(dt.UTC)))
    except IntegrityError:
        return False
    return True


async def password_hash(db: AsyncConnection, username: str) -> tuple[uuid.UUID, str] | None:
    row = (await db.execute(select(operators.c.id, operators.c.password_hash)
                            .where(operators.c.username == username))).first()
    return None if row is None else (uuid.UUID(row.id), row.password_hash)


async def set_password_hash(db: AsyncConnection, *, operator_id: uuid.UUID, password_hash: str) -> None:
    await db.execute(update(operators).where(operators.c.id == str(operator_id)).values(password_hash=password_hash))


async def operator_id_for(db: AsyncConnection, username: str) -> uuid.UUID | None:
    found = (await db.execute(select(operators.c.id).where(operators.c.username == username))).scalar()
    return None if found is None else uuid.UUID(found)


async def grant(db: AsyncConnection, *, operator_id: uuid.UUID, project_id: uuid.UUID) -> None:
    await db.execute(insert(operator_projects).values(operator_id=str(operator_id), project_id=str(project_id)))


async def can_see(db: AsyncConnection, *, operator_id: uuid.UUID, project_id: uuid.UUID) -> bool:
    found = await db.execute(select(operator_projects.c.project_id).where(
        operator_projects.c.operator_id == str(operator_id), operator_projects.c.project_id == str(project_id)))
    return found.first() is not None


async def visible_projects(db: AsyncConnection, *, operator_id: uuid.UUID) -> list[Project]:
    rows = await db.execute(
        select(projects.c.id, projects.c.name)
        .join(operator_projects, operator_projects.c.project_id == projects.c.id)
        .where(operator_projects.c.operator_id == str(operator_id))
        .order_by(projects.c.created_at)
    )
    return [Project(uuid.UUID(r.id), r.name) for r in rows]
