"""HTTP surface of the QBO sandbox: ``/v3/company/{realmId}/...`` plus the OAuth endpoints."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp

from ..faults import FaultInjectionMiddleware
from . import errors, oauth, reports, upload
from .query import parse
from .sandbox import QuickBooksSandbox
from .specs import ENTITY_BY_PATH
from .wire import envelope_time, loads, parse_instant

Handler = Callable[[Request, QuickBooksSandbox, str], Awaitable[Any]]


def _company(handler: Handler, *, idempotent_write: bool = False) -> Callable[[Request], Awaitable[Response]]:
    """Common pipeline for company routes: bearer auth → throttle → requestid replay → handler → Fault."""
    async def endpoint(request: Request) -> Response:
        sb: QuickBooksSandbox = request.app.state.sandbox
        realm = request.path_params["realm"]
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("bearer "):
            return errors.auth_failed_response("Authorization header missing")
        reason = sb.check_access_token(header[7:].strip(), realm)
        if reason:
            return errors.auth_failed_response(reason)
        if sb.store.realm_info(realm) is None:
            return errors.auth_failed_response("Token not authorized for this realm", 403)
        wait = sb.limiter.acquire(realm)
        if wait is not None:
            return errors.fault_response(errors.throttle(), {"Retry-After": sb.limiter.retry_after_header(wait)})
        try:
            requestid = request.query_params.get("requestid")
            if idempotent_write and requestid:
                seen = sb.store.remembered(realm, requestid)
                if seen is not None:  # same requestid → the original answer, no second write
                    return Response(seen[1], status_code=seen[0], media_type="application/json")
            try:
                body = await handler(request, sb, realm)
                response = errors.json_response({**body, "time": envelope_time(time.time())})
            except errors.QBOFault as fault:
                response = errors.fault_response(fault)
            if idempotent_write and requestid and response.status_code in (200, 400):
                sb.store.remember(realm, requestid, response.status_code, bytes(response.body).decode())
            return response
        finally:
            sb.limiter.release(realm)
    return endpoint


def _company_raw(handler: Callable[[Request, QuickBooksSandbox, str], Awaitable[Response]]
                 ) -> Callable[[Request], Awaitable[Response]]:
    """The company pipeline for a handler that answers something other than JSON (download's text/plain URL)."""
    async def json_handler(request: Request, sb: QuickBooksSandbox, realm: str) -> dict[str, Any]:
        raise _Answer(await handler(request, sb, realm))

    wrapped = _company(json_handler)

    async def endpoint(request: Request) -> Response:
        try:
            return await wrapped(request)
        except _Answer as answer:
            return answer.response
    return endpoint


class _Answer(Exception):
    """Carries a ready response out of the JSON pipeline (after auth and throttling have run)."""

    def __init__(self, response: Response) -> None:
        self.response = response


def _entity(request: Request) -> str:
    name = ENTITY_BY_PATH.get(request.path_params["entity"].lower())
    if name is None:
        raise errors.unsupported_operation(request.url.path)
    return name


async def _body_json(request: Request) -> Any:
    raw = await request.body()
    try:
        return loads(raw or b"{}")
    except ValueError as exc:
        raise errors.QBOFault("2010", "Request has invalid or unsupported property", f"Invalid JSON: {exc}") from None


async def write_entity(request: Request, sb: QuickBooksSandbox, realm: str) -> dict[str, Any]:
    entity = _entity(request)
    body = await _body_json(request)
    operation = request.query_params.get("operation")
    if operation not in (None, "update", "delete", "void"):
        raise errors.unsupported_operation(f"{request.url.path}?operation={operation}")
    doc = sb.write(realm, entity, body, operation=operation, include=request.query_params.get("include"))
    return {entity: doc}


async def read_entity(request: Request, sb: QuickBooksSandbox, realm: str) -> dict[str, Any]:
    entity = _entity(request)
    entity_id = request.path_params["id"]
    if entity == "CompanyInfo" and entity_id == realm:
        entity_id = "1"  # GET /companyinfo/{realmId}
    return {entity: sb.read(realm, entity, entity_id)}


async def query(request: Request, sb: QuickBooksSandbox, realm: str) -> dict[str, Any]:
    text = request.query_params.get("query")
    if request.method == "POST":
        text = (await request.body()).decode()
    if not text:
        raise errors.query_parse("empty query")
    return {"QueryResponse": sb.run_query(realm, parse(text))}


async def cdc(request: Request, sb: QuickBooksSandbox, realm: str) -> dict[str, Any]:
    names = [n.strip() for n in request.query_params.get("entities", "").split(",") if n.strip()]
    since = request.query_params.get("changedSince", "")
    if not names:
        raise errors.required("entities")
    entities = []
    for name in names:
        canonical = ENTITY_BY_PATH.get(name.lower())
        if canonical is None:
            raise errors.QBOFault("2010", "Request has invalid or unsupported property", f"Unknown entity {name}",
                                  "entities")
        entities.append(canonical)
    try:
        instant = parse_instant(since)
    except ValueError:
        raise errors.required("changedSince") from None
    if instant < time.time() - 30 * 86400:
        raise errors.QBOFault("2080", "Invalid changedSince", "changedSince can not be older than 30 days",
                              "changedSince")
    return {"CDCResponse": [{"QueryResponse": sb.changes(realm, entities, instant)}]}


async def report(request: Request, sb: QuickBooksSandbox, realm: str) -> dict[str, Any]:
    return reports.report(sb, realm, request.path_params["name"], dict(request.query_params))


async def unsupported(request: Request, sb: QuickBooksSandbox, realm: str) -> dict[str, Any]:
    raise errors.unsupported_operation(request.url.path)


def create_app(sandbox: QuickBooksSandbox | None = None) -> ASGIApp:
    sb = sandbox or QuickBooksSandbox()
    company = "/v3/company/{realm}"
    routes = [
        Route("/.well-known/openid_configuration", oauth.discovery),
        Route("/op/v1/jwks", oauth.jwks),
        Route("/v1/openid_connect/userinfo", oauth.userinfo),
        Route("/connect/oauth2", oauth.consent, methods=["GET", "POST"]),
        Route("/oauth2/v1/tokens/bearer", oauth.token, methods=["POST"]),
        Route("/oauth2/v1/tokens/revoke", oauth.revoke, methods=["POST"]),
        Route(company + "/query", _company(query), methods=["GET", "POST"]),
        Route(company + "/cdc", _company(cdc), methods=["GET"]),
        Route(company + "/reports/{name}", _company(report), methods=["GET"]),
        Route(company + "/upload", _company(upload.upload, idempotent_write=True), methods=["POST"]),
        Route(company + "/download/{id}", _company_raw(upload.download), methods=["GET"]),
        Route(company + "/tempfile/{id}", upload.temp_file, methods=["GET"]),
        Route(company + "/{entity}", _company(write_entity, idempotent_write=True), methods=["POST"]),
        Route(company + "/{entity}/{id}", _company(read_entity), methods=["GET"]),
        Route(company + "/{rest:path}", _company(unsupported), methods=["GET", "POST"]),
    ]
    inner = Starlette(routes=routes)
    inner.state.sandbox = sb
    app = FaultInjectionMiddleware(inner, sb.faults, render_error=errors.render_injected)
    app.state = inner.state  # type: ignore[attr-defined]  # callers expect app.state.sandbox
    return app
