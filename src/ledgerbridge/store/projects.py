"""Reading projects, for the server's administrator and the dashboard."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import projects
from ledgerbridge.store.tenancy import Project


async def all_projects(db: AsyncConnection) -> list[Project]:
    """Every project: for the server's own administrator (the CLI), never for a dashboard page."""
    rows = await db.execute(select(projects.c.id, projects.c.name).order_by(projects.c.created_at))
    return [Project(uuid.UUID(r.id), r.name) for r in rows]


async def get_project(db: AsyncConnection, project_id: uuid.UUID) -> Project | None:
    row = (await db.execute(select(projects.c.id, projects.c.name).where(projects.c.id == str(project_id)))).first()
    return None if row is None else Project(uuid.UUID(row.id), row.name)
