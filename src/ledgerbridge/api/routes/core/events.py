"""``/events``: the project's event log, newest first (project-level events included)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from ledgerbridge import wire
from ledgerbridge.api.body import json_response
from ledgerbridge.api.deps import ProjectDep, RuntimeDep
from ledgerbridge.api.routes.core.params import Limit, Page
from ledgerbridge.store import events

router = APIRouter()


@router.get("/events", operation_id="getPanoraCoreEvents", tags=["events"], summary="List Events")
async def list_events(
    runtime: RuntimeDep, project: ProjectDep, page: Page = 1, limit: Limit = 10
) -> Response:
    async with runtime.engine.connect() as db:
        rows, _total = await events.page(db, project_id=project.id, page=page, limit=limit)
    return json_response([
        {"id_event": r.id, "id_connection": r.connection_id, "id_project": r.project_id, "type": r.type,
         "status": r.status, "direction": "0", "method": r.method, "url": r.url, "provider": r.provider,
         "timestamp": r.created_at, "id_linked_user": r.linked_user_id,
         "detail": None if r.detail is None else wire.loads(r.detail)}
        for r in rows
    ])


