"""The request gate: what a request must show before the app reads a byte of its body.

FastAPI reads and parses a route's typed body (or form) *before* it solves the route's dependencies, so the API
key would be checked only after an unauthenticated caller's body had been read into memory and parsed. This
ASGI middleware runs first, on the request line and headers alone:

1. **Size.** A declared ``Content-Length`` above the route's limit is refused at once with 413. The body is then
   counted while it is read (whatever ``Content-Length`` said, or without one: chunked), and reading stops with
   413 as soon as the count passes the limit, so no more than the limit is ever buffered.
2. **Credentials.** On a route that needs an API key, a request that carries a body must present a valid
   ``x-api-key`` first; otherwise it is answered 401 without its body being read at all.

Limits: ``request_max_bytes`` (1 MiB by default) everywhere, except ``POST /accounting/attachments`` and the
demo's mounted sandboxes, which take an attachment of ``attachment_max_bytes`` as a base64 ``data:`` URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi.routing import APIRoute, iter_route_contexts
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Mount, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ledgerbridge.api import deps
from ledgerbridge.errors import BadRequest, LedgerbridgeError, Unauthorized
from ledgerbridge.runtime import Runtime

ATTACHMENTS_PATH = "/accounting/attachments"
_ENVELOPE = 64 * 1024  # the JSON around an attachment's data: URL (name, ids, …)
_KEYED = {deps.project_from_api_key, deps.caller_for_request, deps.connection_for_project}


class PayloadTooLarge(LedgerbridgeError):
    status_code = 413
    error = "Payload Too Large"


def attachment_body_limit(attachment_max_bytes: int) -> int:
    """A body that carries the largest accepted attachment as base64 (4 bytes per 3) in a data: URL."""
    return -(-attachment_max_bytes // 3) * 4 + _ENVELOPE


@dataclass(frozen=True)
class _Route:
    pattern: re.Pattern[str]
    methods: frozenset[str] | None  # None: a mount, any method
    needs_api_key: bool
    mount: bool


def _route_table(routes: list[BaseRoute]) -> list[_Route]:
    """Every route the app serves, in the order the router tries them (included routers flattened)."""
    table = []
    for context in iter_route_contexts(routes):
        route, path = context.original_route, context.path or ""
        if isinstance(route, Mount):
            pattern, _, _ = compile_path(path.rstrip("/") + "/{path:path}")
            table.append(_Route(pattern, None, needs_api_key=False, mount=True))
            continue
        pattern, _, _ = compile_path(path)
        methods = frozenset(context.methods) if context.methods else None
        table.append(_Route(pattern, methods, needs_api_key=_needs_api_key(route), mount=False))
    return table


def _needs_api_key(route: BaseRoute) -> bool:
    if not isinstance(route, APIRoute):
        return False
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        if dependant.call in _KEYED:
            return True
        pending.extend(dependant.dependencies)
    return False


def _refusal(error: LedgerbridgeError) -> JSONResponse:
    # Connection: close — the body was not read, so the connection cannot carry another request.
    return JSONResponse(error.body(), status_code=error.status_code, headers={"Connection": "close"})


class RequestGate:
    def __init__(self, app: ASGIApp, *, runtime: Runtime, routes: list[BaseRoute]) -> None:
        self.app = app
        self.runtime = runtime
        self.routes = routes
        self.default_limit = runtime.settings.request_max_bytes
        self.large_limit = max(self.default_limit, attachment_body_limit(runtime.settings.attachment_max_bytes))
        self._table: list[_Route] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        declared = headers.get("content-length")
        if declared is not None and not declared.isdigit():
            await _refusal(BadRequest("Content-Length is not a number"))(scope, receive, send)
            return
        if (declared is None or declared == "0") and "transfer-encoding" not in headers:
            # HTTP/1.1 framing: no body follows. Still counted, should a server deliver one anyway.
            await self.app(scope, _counted(receive, self.default_limit), send)
            return
        route = self._route(scope)
        limit = self._limit(scope, route)
        if declared is not None and int(declared) > limit:
            await _refusal(_too_large(limit))(scope, receive, send)
            return
        if route is not None and route.needs_api_key:
            refused = await self._check_api_key(headers.get("x-api-key"))
            if refused is not None:
                await _refusal(refused)(scope, receive, send)
                return
        await self.app(scope, _counted(receive, limit), send)

    def _route(self, scope: Scope) -> _Route | None:
        if self._table is None:  # built at the first request: by then every router and mount is included
            self._table = _route_table(self.routes)
        path, method = scope["path"], scope["method"]
        for route in self._table:
            if route.pattern.match(path) and (route.methods is None or method in route.methods):
                return route
        return None

    def _limit(self, scope: Scope, route: _Route | None) -> int:
        if route is not None and route.mount:  # the demo's sandboxes stand in for providers: they take uploads
            return self.large_limit
        if scope["method"] == "POST" and scope["path"].rstrip("/") == ATTACHMENTS_PATH:
            return self.large_limit
        return self.default_limit

    async def _check_api_key(self, api_key: str | None) -> LedgerbridgeError | None:
        """The same answers as :mod:`ledgerbridge.api.deps` gives, before the body is touched."""
        if not api_key:
            return Unauthorized("Missing x-api-key header")
        caller = await deps.credentials(self.runtime).resolve(api_key, "")
        return Unauthorized("Invalid API key") if caller is None else None


def _headers(scope: Scope) -> dict[str, str]:
    return {name.decode("latin-1").lower(): value.decode("latin-1").strip() for name, value in scope["headers"]}


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"The request body is larger than this route accepts ({limit} bytes)")


def _counted(receive: Receive, limit: int) -> Receive:
    """``receive`` that stops the read with 413 once more than ``limit`` body bytes have arrived. It raises
    Starlette's HTTPException: FastAPI lets that one through its body parsing (any other error becomes a 400)."""
    seen = 0

    async def receive_counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise HTTPException(status_code=413, detail=_too_large(limit).message)
        return message

    return receive_counted
