"""Auth and tenancy as typed dependencies: resolved once per request, never re-checked by hand in a route."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from ledgerbridge.errors import NotFound, Unauthorized
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime  # type: ignore[no-any-return]


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def project_from_api_key(
    runtime: RuntimeDep, x_api_key: Annotated[str | None, Header(description="Your project's API key")] = None
) -> tenancy.Project:
    if not x_api_key:
        raise Unauthorized("Missing x-api-key header")
    async with runtime.engine.connect() as db:
        project = await tenancy.project_for_api_key(db, x_api_key)
    if project is None:
        raise Unauthorized("Invalid API key")
    return project


ProjectDep = Annotated[tenancy.Project, Depends(project_from_api_key)]


async def connection_for_project(
    runtime: RuntimeDep,
    x_api_key: Annotated[str | None, Header(description="Your project's API key")] = None,
    x_connection_token: Annotated[str | None, Header(description="The connection token")] = None,
) -> tenancy.Connection:
    """The key's project and the token's connection, checked together in one query (this is on every call)."""
    if not x_api_key:
        raise Unauthorized("Missing x-api-key header")
    async with runtime.engine.connect() as db:
        found = await tenancy.resolve_credentials(db, api_key=x_api_key, token=x_connection_token or "")
    if found is None:
        raise Unauthorized("Invalid API key")
    if not x_connection_token:
        raise NotFound("Missing x-connection-token header: no connection selected")
    _project, connection = found
    if connection is None:  # unknown, or another project's: the same answer, so tokens can't be probed
        raise NotFound("No connection with this token in your project")
    return connection


ConnectionDep = Annotated[tenancy.Connection, Depends(connection_for_project)]
