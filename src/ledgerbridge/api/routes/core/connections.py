"""``/connections``: the project's connections with their tokens; credentials never leave."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import APIRouter
from fastapi.responses import Response

from ledgerbridge.api.body import json_response
from ledgerbridge.api.deps import ProjectDep, RuntimeDep
from ledgerbridge.connectors import spec
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy

router = APIRouter()


def _account_url(base_url: str | None) -> str | None:
    """The provider API base a connection talks to, without any user, password, query or fragment in it."""
    if not base_url:
        return None
    url = httpx.URL(base_url)
    return str(url.copy_with(username=None, password=None, query=None, fragment=None))


def _connection(runtime: Runtime, c: tenancy.Connection) -> dict[str, Any]:
    credentials = runtime.sealer.open(c.sealed_credentials, bound_to=str(c.id))
    provider = spec(c.provider)
    return {
        "id_connection": str(c.id), "status": c.status, "provider_slug": c.provider, "vertical": "accounting",
        "account_url": _account_url(provider.base_url(credentials)),
        "token_type": provider.auth.token_type,
        "expiration_timestamp": None, "created_at": c.created_at, "connection_token": c.token,
        "id_project": str(c.project_id),
        "id_linked_user": None if c.linked_user_id is None else str(c.linked_user_id),
        "last_sync_at": c.last_sync_at,
    }


@router.get("/connections", operation_id="listConnections", tags=["connections"], summary="List Connections")
async def list_connections(runtime: RuntimeDep, project: ProjectDep) -> Response:
    """The project's connections with their ``connection_token``; credentials are never returned."""
    async with runtime.engine.connect() as db:
        found = await tenancy.list_connections(db, project_id=project.id)
    return json_response([_connection(runtime, c) for c in found])


