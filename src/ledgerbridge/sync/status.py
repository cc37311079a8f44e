"""What ``GET /sync/status`` reports: per connection and object, the last outcome and any pass in progress."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store import passes


async def project_status(
    db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID | None = None
) -> list[dict[str, Any]]:
    """One entry per connection of the project (or just ``connection_id``), with its objects, in one query."""
    out: dict[str, dict[str, Any]] = {}
    for row in await passes.status(db, project_id=project_id, connection_id=connection_id):
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
