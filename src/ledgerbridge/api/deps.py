"""Auth and tenancy as typed dependencies: resolved once per request, never re-checked by hand in a route.

Answers are remembered for a moment (:mod:`ledgerbridge.store.credentials`): a read costs one round trip, not two.
"""

from __future__ import annotations

import weakref
from typing import Annotated

from fastapi import Depends, Header, Request

from ledgerbridge.errors import NotFound, Unauthorized
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy
from ledgerbridge.store.credentials import Caller, CredentialCache

_CACHES: weakref.WeakKeyDictionary[Runtime, CredentialCache] = weakref.WeakKeyDictionary()


async def get_runtime(request: Request) -> Runtime:
    # async: FastAPI runs a plain `def` dependency in a worker thread (a thread hop on every request)
    return request.app.state.runtime  # type: ignore[no-any-return]


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def credentials(runtime: Runtime) -> CredentialCache:
    """The runtime's cache of resolved keys and tokens (one per runtime: tests run several side by side)."""
    cache = _CACHES.get(runtime)
    if cache is None:
        cache = _CACHES[runtime] = CredentialCache(runtime.engine)
    return cache


async def project_from_api_key(
    runtime: RuntimeDep, x_api_key: Annotated[str | None, Header(description="Your project's API key")] = None
) -> tenancy.Project:
    if not x_api_key:
        raise Unauthorized("Missing x-api-key header")
    caller = await credentials(runtime).resolve(x_api_key, "")
    if caller is None:
        raise Unauthorized("Invalid API key")
    return caller.project


ProjectDep = Annotated[tenancy.Project, Depends(project_from_api_key)]


async def caller_for_request(
    runtime: RuntimeDep,
    x_api_key: Annotated[str | None, Header(description="Your project's API key")] = None,
    x_connection_token: Annotated[str | None, Header(description="The connection token")] = None,
) -> Caller:
    """The key's project and the token's connection, checked together in one query (this is on every call)."""
    if not x_api_key:
        raise Unauthorized("Missing x-api-key header")
    caller = await credentials(runtime).resolve(x_api_key, x_connection_token or "")
    if caller is None:
        raise Unauthorized("Invalid API key")
    if not x_connection_token:
        raise NotFound("Missing x-connection-token header: no connection selected")
    if caller.connection is None:  # unknown, or another project's: the same answer, so tokens can't be probed
        raise NotFound("No connection with this token in your project")
    return caller


CallerDep = Annotated[Caller, Depends(caller_for_request)]


async def connection_for_project(caller: CallerDep) -> tenancy.Connection:
    assert caller.connection is not None  # caller_for_request answered 404 otherwise
    return caller.connection


ConnectionDep = Annotated[tenancy.Connection, Depends(connection_for_project)]
