"""Routes: Panora's sync endpoints — status, resync, pull frequencies (x-api-key; status and resync act on the
x-connection-token's connection when one is sent, else on every connection of the key's project)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any

from fastapi import APIRouter, Header
from pydantic import BaseModel, ConfigDict, Field

from ledgerbridge import jobs
from ledgerbridge.api.deps import ProjectDep, RuntimeDep
from ledgerbridge.errors import NotFound
from ledgerbridge.store import tenancy
from ledgerbridge.sync import schedule, status

router = APIRouter(tags=["sync"])

Seconds = Annotated[int, Field(ge=0, le=366 * 86400, description="Frequency in seconds; 0 turns pulls off")]


class Vertical(enum.StrEnum):
    ticketing = "ticketing"
    marketingautomation = "marketingautomation"
    crm = "crm"
    filestorage = "filestorage"
    accounting = "accounting"
    ecommerce = "ecommerce"


class PullFrequencies(BaseModel):
    """Panora's UpdatePullFrequencyDto. Panora requires all five; a subset here leaves the others unchanged."""

    model_config = ConfigDict(extra="forbid")
    crm: Seconds | None = None
    accounting: Seconds | None = None
    filestorage: Seconds | None = None
    ecommerce: Seconds | None = None
    ticketing: Seconds | None = None


class ResyncStatus(BaseModel):
    """Panora's ResyncStatusDto, plus what was queued."""

    timestamp: dt.datetime
    vertical: str
    provider: str | None
    status: str
    connections: list[str]


async def _connections(
    runtime: Any, project: tenancy.Project, token: str | None
) -> list[tenancy.Connection]:
    async with runtime.engine.connect() as db:
        if token:
            found = await tenancy.connection_for_token(db, project_id=project.id, token=token)
            if found is None:  # unknown, or another project's: the same answer
                raise NotFound("No connection with this token in your project")
            return [found]
        return await tenancy.list_connections(db, project_id=project.id)


@router.get("/sync/status/{vertical}", operation_id="status", summary="Retrieve sync status of a certain vertical")
async def sync_status(
    vertical: Vertical,
    runtime: RuntimeDep,
    project: ProjectDep,
    x_connection_token: Annotated[str | None, Header(description="Limit to this connection")] = None,
) -> dict[str, Any]:
    connection_id = None
    if x_connection_token:
        connection_id = (await _connections(runtime, project, x_connection_token))[0].id
    if vertical != Vertical.accounting:
        return {"vertical": vertical.value, "connections": []}
    async with runtime.engine.connect() as db:
        found = await status.project_status(db, project_id=project.id, connection_id=connection_id)
    return {"vertical": vertical.value, "connections": found}


@router.post("/sync/resync", operation_id="resync", status_code=201, summary="Resync common objects across a vertical")
async def resync(
    runtime: RuntimeDep,
    project: ProjectDep,
    x_connection_token: Annotated[str | None, Header(description="Resync only this connection")] = None,
) -> ResyncStatus:
    """Queue a full sync (re-read everything, detect deletions) of the connection, or of every connection."""
    targets = await _connections(runtime, project, x_connection_token)
    for connection in targets:
        await jobs.defer_sync(runtime, connection.id, connection.project_id, full=True)
    providers = sorted({c.provider for c in targets})
    return ResyncStatus(
        timestamp=dt.datetime.now(dt.UTC),
        vertical="accounting",
        provider=providers[0] if len(providers) == 1 else None,
        status="success",
        connections=[str(c.id) for c in targets],
    )


@router.get("/sync/pull_frequencies", operation_id="getPullFrequency", summary="Get pull frequency for verticals")
async def get_pull_frequency(runtime: RuntimeDep, project: ProjectDep) -> dict[str, int]:
    async with runtime.engine.connect() as db:
        return await schedule.get(db, project_id=project.id)


@router.post(
    "/sync/pull_frequencies", operation_id="updatePullFrequency", status_code=201,
    summary="Update pull frequency for verticals",
)
async def update_pull_frequency(body: PullFrequencies, runtime: RuntimeDep, project: ProjectDep) -> dict[str, int]:
    values = {k: v for k, v in body.model_dump().items() if v is not None}
    async with runtime.engine.begin() as db:
        return await schedule.put(db, project_id=project.id, values=values)
