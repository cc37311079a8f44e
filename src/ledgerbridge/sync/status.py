"""What ``GET /sync/status`` reports: per connection and object, the last outcome and any pass in progress."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import connections, sync_passes, sync_states


async def project_status(
    db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID | None = None
) -> list[dict[str, Any]]:
    """One entry per connection of the project (or just ``connection_id``), with its objects, in one query."""
    query = (
        select(
            connections.c.id, connections.c.provider, connections.c.last_sync_at,
            sync_states.c.object_type, sync_states.c.status, sync_states.c.records, sync_states.c.error,
            sync_states.c.finished_at, sync_passes.c.started_at, sync_passes.c.pages, sync_passes.c.full,
            sync_passes.c.records.label("pass_records"), sync_passes.c.last_full_at,
        )
        .select_from(
            connections.outerjoin(sync_states, sync_states.c.connection_id == connections.c.id).outerjoin(
                sync_passes,
                (sync_passes.c.connection_id == sync_states.c.connection_id)
                & (sync_passes.c.object_type == sync_states.c.object_type),
            )
        )
        .where(connections.c.project_id == str(project_id))
        .order_by(connections.c.created_at, sync_states.c.object_type)
    )
    if connection_id is not None:
        query = query.where(connections.c.id == str(connection_id))
    out: dict[str, dict[str, Any]] = {}
    for row in (await db.execute(query)).all():
        entry = out.setdefault(row.id, {
            "connection_id": row.id, "provider": row.provider,
            "last_sync_at": row.last_sync_at.isoformat() if row.last_sync_at else None, "objects": {},
        })
        if row.object_type is None:
            continue
        running = row.started_at is not None
        entry["objects"][row.object_type] = {
            "status": "running" if running else row.status,
            "records": row.pass_records if running else row.records,
            "pages": row.pages if running else None,
            "error": row.error,
            "finished_at": row.finished_at.isoformat() if row.finished_at else None,
            "last_full_reconcile_at": row.last_full_at.isoformat() if row.last_full_at else None,
        }
    for entry in out.values():
        states = [o["status"] for o in entry["objects"].values()]
        entry["status"] = (
            "never_synced" if not states else "running" if "running" in states
            else "fail" if "failed" in states else "success"
        )
    return list(out.values())
