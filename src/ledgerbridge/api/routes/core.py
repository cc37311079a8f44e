"""Panora's core endpoints: projects, linked users, connections, events, field mappings, passthrough.

All take ``x-api-key`` and answer for that key's project only. Where Panora differs:

- ``GET /projects`` returns the key's own project (there are no dashboard users here); ``POST /projects``
  creates a new project and returns its first API key, once, as ``api_key`` (only its hash is stored).
- ``GET /connections`` never returns credentials: ``access_token``/``refresh_token`` are absent.
- ``GET /events`` includes project-level events and is newest first; ``page``/``limit`` as Panora (limit ≤ 100).
- Field mappings accept every unified accounting object; values and entities are the project's own.
- ``POST /passthrough`` only reaches the connection's own provider base URL, with its own auth; no
  ``overrideBaseUrl``, no multipart file reads.
"""

from __future__ import annotations

import base64
import re
import uuid
from typing import Annotated, Any, Literal
from urllib.parse import unquote

import httpx
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator
from sqlalchemy import select

from ledgerbridge import wire
from ledgerbridge.api.deps import ConnectionDep, ProjectDep, RuntimeDep
from ledgerbridge.errors import (
    BadRequest,
    FieldError,
    NotFound,
    ProviderDetail,
    ProviderUnavailable,
    ValidationFailed,
)
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import field_mappings as fm
from ledgerbridge.service.validation import parse
from ledgerbridge.store import events, tenancy
from ledgerbridge.store.tables import linked_users

router = APIRouter()
JSON = "application/json"
MAX_PAGE = 100


def _json(value: Any, status_code: int = 200) -> Response:
    return Response(wire.dumps(value), status_code=status_code, media_type=JSON)


async def json_body(request: Request) -> Any:
    """The body parsed with exact Decimals (FastAPI's own parsing would make floats of money)."""
    raw = await request.body()
    if not raw.strip():
        raise BadRequest("The request body is empty; send a JSON object")
    try:
        return wire.loads(raw)
    except ValueError as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}") from None


def _uuid(value: str | None, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound(f"No {what} with id {value}") from None


MAX_PAGE_NUMBER = 1_000_000  # the offset it implies must fit a 64-bit integer in every database
Page = Annotated[int, Query(ge=1, le=MAX_PAGE_NUMBER)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


# --- projects ----------------------------------------------------------------------------------------------


class CreateProjectDto(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    id_user: str | None = Field(default=None, description="Accepted for Panora compatibility; not used.")
    id_organization: str | None = None


def _project(project_id: uuid.UUID, name: str) -> dict[str, Any]:
    return {"id_project": str(project_id), "name": name, "sync_mode": "pull", "pull_frequency": None,
            "redirect_url": None, "id_user": None, "id_connector_set": None}


@router.get("/projects", operation_id="getProjects", tags=["projects"], summary="Retrieve projects")
async def get_projects(project: ProjectDep) -> Response:
    """The API key's own project (a key belongs to exactly one)."""
    return _json([_project(project.id, project.name)])


@router.post("/projects", operation_id="createProject", tags=["projects"], summary="Create a project",
             status_code=201)
async def create_project(runtime: RuntimeDep, _project_: ProjectDep, body: CreateProjectDto) -> Response:
    """Any valid key may create a project; the answer carries the new project's API key, shown only this once."""
    async with runtime.engine.begin() as db:
        created = await tenancy.create_project(db, name=body.name)
        key = await tenancy.create_api_key(db, project_id=created.id)
    return _json({**_project(created.id, created.name), "api_key": key}, 201)


# --- linked users ------------------------------------------------------------------------------------------


class CreateLinkedUserDto(BaseModel):
    linked_user_origin_id: str = Field(min_length=1, max_length=255)
    alias: str | None = Field(default=None, max_length=255)


class CreateBatchLinkedUserDto(BaseModel):
    linked_user_origin_ids: list[Annotated[str, Field(min_length=1, max_length=255)]] = Field(
        min_length=1, max_length=1000)
    alias: str | None = Field(default=None, max_length=255)


def _linked_user(row: Any) -> dict[str, Any]:
    return {"id_linked_user": row.id, "linked_user_origin_id": row.origin_user_id, "alias": row.alias,
            "id_project": row.project_id}


async def _linked_users(runtime: Runtime, project_id: uuid.UUID, *where: Any) -> list[Any]:
    async with runtime.engine.connect() as db:
        return list(await db.execute(
            select(linked_users).where(linked_users.c.project_id == str(project_id), *where)
            .order_by(linked_users.c.created_at, linked_users.c.id)
        ))


async def _create_linked_users(runtime: Runtime, project_id: uuid.UUID, origin_ids: list[str],
                               alias: str | None) -> list[Any]:
    async with runtime.engine.begin() as db:
        ids = [
            str(await tenancy.create_linked_user(db, project_id=project_id, origin_user_id=origin, alias=alias))
            for origin in dict.fromkeys(origin_ids)
        ]
    rows = {r.id: r for r in await _linked_users(runtime, project_id, linked_users.c.id.in_(ids))}
    return [rows[i] for i in ids]


@router.post("/linked_users", operation_id="createLinkedUser", tags=["linkedUsers"], status_code=201,
             summary="Create Linked Users")
async def create_linked_user(runtime: RuntimeDep, project: ProjectDep, body: CreateLinkedUserDto) -> Response:
    """Idempotent on ``linked_user_origin_id``: creating the same user again returns the existing one."""
    rows = await _create_linked_users(runtime, project.id, [body.linked_user_origin_id], body.alias)
    return _json(_linked_user(rows[0]), 201)


@router.post("/linked_users/batch", operation_id="importBatch", tags=["linkedUsers"], status_code=201,
             summary="Add Batch Linked Users")
async def import_batch(runtime: RuntimeDep, project: ProjectDep, body: CreateBatchLinkedUserDto) -> Response:
    rows = await _create_linked_users(runtime, project.id, body.linked_user_origin_ids, body.alias)
    return _json([_linked_user(r) for r in rows], 201)


@router.get("/linked_users", operation_id="listLinkedUsers", tags=["linkedUsers"], summary="List Linked Users")
async def list_linked_users(runtime: RuntimeDep, project: ProjectDep) -> Response:
    return _json([_linked_user(r) for r in await _linked_users(runtime, project.id)])


@router.get("/linked_users/fromRemoteId", operation_id="remoteId", tags=["linkedUsers"],
            summary="Retrieve a Linked User From A Remote Id")
async def linked_user_from_remote_id(
    runtime: RuntimeDep, project: ProjectDep, remoteId: Annotated[str, Query(min_length=1)]
) -> Response:
    rows = await _linked_users(runtime, project.id, linked_users.c.origin_user_id == remoteId)
    if not rows:
        raise NotFound(f"No linked user with origin id {remoteId}")
    return _json(_linked_user(rows[0]))


@router.get("/linked_users/{id}", operation_id="retrieveLinkedUser", tags=["linkedUsers"],
            summary="Retrieve Linked Users")
async def retrieve_linked_user(id: str, runtime: RuntimeDep, project: ProjectDep) -> Response:
    rows = await _linked_users(runtime, project.id, linked_users.c.id == str(_uuid(id, "linked user")))
    if not rows:
        raise NotFound(f"No linked user with id {id}")
    return _json(_linked_user(rows[0]))


# --- connections -------------------------------------------------------------------------------------------


def _base_url(credentials: dict[str, Any]) -> str | None:
    """The provider API base a connection talks to (``api_base`` for OAuth providers, ``url`` for Tryton)."""
    value = credentials.get("api_base") or credentials.get("url")
    if not value:
        return None
    url = httpx.URL(str(value))
    return str(url.copy_with(username=None, password=None, query=None, fragment=None))


def _connection(runtime: Runtime, c: tenancy.Connection) -> dict[str, Any]:
    credentials = runtime.sealer.open(c.sealed_credentials, bound_to=str(c.id))
    return {
        "id_connection": str(c.id), "status": c.status, "provider_slug": c.provider, "vertical": "accounting",
        "account_url": _base_url(credentials),
        "token_type": "basic" if c.provider == "tryton" else "oauth2",
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
    return _json([_connection(runtime, c) for c in found])


# --- events ------------------------------------------------------------------------------------------------


@router.get("/events", operation_id="getPanoraCoreEvents", tags=["events"], summary="List Events")
async def list_events(
    runtime: RuntimeDep, project: ProjectDep, page: Page = 1, limit: Limit = 10
) -> Response:
    async with runtime.engine.connect() as db:
        rows, _total = await events.page(db, project_id=project.id, page=page, limit=limit)
    return _json([
        {"id_event": r.id, "id_connection": r.connection_id, "id_project": r.project_id, "type": r.type,
         "status": r.status, "direction": "0", "method": r.method, "url": r.url, "provider": r.provider,
         "timestamp": r.created_at, "id_linked_user": r.linked_user_id,
         "detail": None if r.detail is None else wire.loads(r.detail)}
        for r in rows
    ])


# --- field mappings ----------------------------------------------------------------------------------------


class DefineTargetFieldDto(BaseModel):
    object_type_owner: str = Field(description="A unified object: invoice, contact, … (or accounting.invoice).")
    name: str = Field(description="The slug the values appear under in field_mappings.")
    description: str | None = Field(default=None, max_length=500)
    data_type: Literal["string", "number"]

    @field_validator("object_type_owner")
    @classmethod
    def _object(cls, value: str) -> str:
        return fm.object_type(value)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not fm.SLUG.match(value):
            raise ValueError("must be a letter or _ then letters, digits or _ (at most 100)")
        return value


class MapFieldToProviderDto(BaseModel):
    attributeId: str
    source_custom_field_id: str = Field(description="Path in the provider record, e.g. "
                                                    "CustomField[DefinitionId=1].StringValue")
    source_provider: str
    linked_user_id: str | None = None

    @field_validator("source_custom_field_id")
    @classmethod
    def _path(cls, value: str) -> str:
        fm.parse_path(value)
        return value


class CustomFieldCreateDto(DefineTargetFieldDto):
    source_custom_field_id: str
    source_provider: str
    linked_user_id: str | None = None

    _path = field_validator("source_custom_field_id")(MapFieldToProviderDto._path.__func__)  # type: ignore[attr-defined]


def _custom_field(d: fm.Definition) -> dict[str, Any]:
    first = d.mappings[0] if d.mappings else {}
    return {
        "id_attribute": str(d.id), "status": "mapped" if d.mappings else "defined",
        "ressource_owner_type": f"accounting.{d.object_type}", "slug": d.slug, "description": d.description,
        "data_type": d.data_type, "remote_id": first.get("remote_id"), "source": first.get("provider"),
        "id_entity": None, "id_project": str(d.project_id), "scope": "project", "id_consumer": None,
        "created_at": d.created_at, "modified_at": d.modified_at, "mappings": d.mappings,
    }


async def _map(
    runtime: Runtime, project_id: uuid.UUID, definition_id: uuid.UUID, *, provider: str, path: str,
    linked_user_id: str | None, token: str | None,
) -> fm.Definition:
    async with runtime.engine.begin() as db:
        definition = await fm.get_definition(db, project_id=project_id, definition_id=definition_id)
        if definition is None:
            raise NotFound(f"No custom field with id {definition_id}")
        if token:
            connection = await tenancy.connection_for_token(db, project_id=project_id, token=token)
            if connection is None:
                raise NotFound("No connection with this token in your project")
            if connection.provider != provider:
                raise ValidationFailed("The connection is not of this provider", errors=[
                    FieldError("source_provider", f"the connection's provider is {connection.provider}")])
            targets = [connection.id]
        else:
            user = None if linked_user_id is None else _uuid(linked_user_id, "linked user")
            targets = await fm.target_connections(db, project_id=project_id, provider=provider, linked_user_id=user)
            if not targets:
                raise NotFound(f"No {provider} connection in your project"
                               + ("" if user is None else f" for linked user {linked_user_id}"))
        await fm.map_field(db, project_id=project_id, definition_id=definition.id, connection_ids=targets,
                           remote_field=path)
    async with runtime.engine.connect() as db:
        return next(d for d in await fm.definitions(db, project_id=project_id) if d.id == definition.id)


Token = Annotated[str | None, Header(description="Map at this connection only (else every connection of the "
                                                 "provider, of linked_user_id when given).")]


@router.post("/field_mappings/define", operation_id="definitions", tags=["fieldMappings"], status_code=201,
             summary="Define target Field")
async def define_field(runtime: RuntimeDep, project: ProjectDep, body: DefineTargetFieldDto) -> Response:
    async with runtime.engine.begin() as db:
        definition = await fm.define(db, project_id=project.id, object_type=body.object_type_owner,
                                     slug=body.name, description=body.description, data_type=body.data_type)
    return _json(_custom_field(definition), 201)


@router.post("/field_mappings/map", operation_id="map", tags=["fieldMappings"], status_code=201,
             summary="Map Custom Field")
async def map_field(runtime: RuntimeDep, project: ProjectDep, body: MapFieldToProviderDto,
                    x_connection_token: Token = None) -> Response:
    definition = await _map(runtime, project.id, _uuid(body.attributeId, "custom field"),
                            provider=body.source_provider, path=body.source_custom_field_id,
                            linked_user_id=body.linked_user_id, token=x_connection_token)
    return _json(_custom_field(definition), 201)


@router.post("/field_mappings", operation_id="defineCustomField", tags=["fieldMappings"], status_code=201,
             summary="Create Custom Field")
async def define_and_map(runtime: RuntimeDep, project: ProjectDep, body: CustomFieldCreateDto,
                         x_connection_token: Token = None) -> Response:
    """Define and map in one call; a failed mapping leaves the definition in place (map it again)."""
    async with runtime.engine.begin() as db:
        definition = await fm.define(db, project_id=project.id, object_type=body.object_type_owner,
                                     slug=body.name, description=body.description, data_type=body.data_type)
    definition = await _map(runtime, project.id, definition.id, provider=body.source_provider,
                            path=body.source_custom_field_id, linked_user_id=body.linked_user_id,
                            token=x_connection_token)
    return _json(_custom_field(definition), 201)


@router.get("/field_mappings/attributes", operation_id="getFieldMappings", tags=["fieldMappings"],
            summary="Retrieve field mappings")
async def get_attributes(runtime: RuntimeDep, project: ProjectDep) -> Response:
    async with runtime.engine.connect() as db:
        return _json([_custom_field(d) for d in await fm.definitions(db, project_id=project.id)])


@router.get("/field_mappings/values", operation_id="getFieldMappingValues", tags=["fieldMappings"],
            summary="Retrieve field mappings values")
async def get_values(runtime: RuntimeDep, project: ProjectDep, page: Page = 1, limit: Limit = MAX_PAGE) -> Response:
    async with runtime.engine.connect() as db:
        return _json(await fm.values_page(db, project_id=project.id, page=page, limit=limit))


@router.get("/field_mappings/entities", operation_id="getFieldMappingsEntities", tags=["fieldMappings"],
            summary="Retrieve field mapping entities")
async def get_entities(runtime: RuntimeDep, project: ProjectDep, page: Page = 1,
                       limit: Limit = MAX_PAGE) -> Response:
    async with runtime.engine.connect() as db:
        return _json(await fm.entities_page(db, project_id=project.id, page=page, limit=limit))


# --- passthrough -------------------------------------------------------------------------------------------

# Headers a caller may not set: auth and tenant selection are the connection's, framing is httpx's.
_BLOCKED_HEADERS = frozenset({
    "authorization", "proxy-authorization", "cookie", "host", "content-length", "transfer-encoding", "connection",
    "xero-tenant-id", "x-api-key", "x-connection-token", "forwarded", "x-forwarded-for", "x-forwarded-host",
})
_HIDDEN_RESPONSE_HEADERS = frozenset({"set-cookie", "authorization", "www-authenticate"})


_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_HEADER_VALUE = re.compile(r"[\x20-\x7e]*")


class PassThroughRequestDto(BaseModel):
    method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"]
    path: str = Field(min_length=1, max_length=2000, description="Relative to the provider's API base URL.")
    data: Any = None
    headers: dict[str, str] | None = None
    request_format: Any = Field(default=None, description="Only JSON (null or \"JSON\") is accepted.")
    overrideBaseUrl: Any = Field(default=None, description="Refused: requests go to the connection's provider only.")

    @field_validator("request_format")
    @classmethod
    def _format(cls, value: Any) -> Any:
        if value not in (None, "JSON", "json"):
            raise ValueError("only JSON requests are passed through (no multipart, no file uploads)")
        return value

    @field_validator("headers")
    @classmethod
    def _headers(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        # HTTP header names are tokens, values visible ASCII and spaces: anything else could not be sent as is.
        bad = [name for name, text in (value or {}).items()
               if not _HEADER_NAME.fullmatch(name) or not _HEADER_VALUE.fullmatch(text)]
        if bad:
            raise ValueError(f"not valid HTTP headers: {', '.join(repr(name) for name in bad)}")
        return value

    @field_validator("overrideBaseUrl")
    @classmethod
    def _no_override(cls, value: Any) -> Any:
        if value not in (None, "", {}):
            raise ValueError("not allowed: passthrough only reaches the connection's own provider")
        return value


def resolve_path(base: str, path: str) -> httpx.URL:
    """``path`` under ``base``, or ValueError: no scheme, no other host, no ``..`` escape, no control characters."""
    if "\\" in path or path.startswith("//"):
        raise ValueError("must be a relative path under the provider's API base")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in path):
        raise ValueError("must not contain control characters")
    route = path.split("?", 1)[0].split("#", 1)[0]
    first = route.lstrip("/").split("/", 1)[0]
    if "://" in path or ":" in first:
        raise ValueError("must be a relative path, not an absolute URL")
    decoded = unquote(unquote(route))  # %2e%2e and %252e%252e are .. too
    if any(segment in ("..", ".") for segment in decoded.replace("\\", "/").split("/")):
        raise ValueError("must not contain . or .. segments")
    base_url = httpx.URL(base)
    try:
        url = httpx.URL(str(base_url).rstrip("/") + "/" + path.lstrip("/"))
    except httpx.InvalidURL as exc:
        raise ValueError(f"is not a valid URL path: {exc}") from None
    prefix = base_url.path.rstrip("/") + "/"
    if (url.scheme, url.host, url.port) != (base_url.scheme, base_url.host, base_url.port) or not (
        url.path.startswith(prefix) or url.path == base_url.path
    ):
        raise ValueError("must stay under the provider's API base")
    return url


async def _provider_auth(
    runtime: Runtime, connection: tenancy.Connection,
) -> tuple[str, httpx.Auth | None, dict[str, str]]:
    """(base URL, auth, fixed headers) of a connection. TODO(connectors): a ``Connector.passthrough()`` hook
    would keep this provider knowledge in each connector's folder."""
    context = runtime.connector(connection).context  # shares the cached connector's credentials (and refreshes)
    credentials = context.credentials
    if connection.provider == "tryton":
        from ledgerbridge.connectors.tryton.client import TrytonRpc

        rpc = TrytonRpc(runtime.http, credentials)
        user_id, session = await rpc.login()
        token = base64.b64encode(f"{rpc.username}:{user_id}:{session}".encode()).decode()
        return str(credentials["url"]), None, {"Authorization": f"Session {token}"}
    from ledgerbridge.connectors.oauth import RefreshingAuth

    auth = RefreshingAuth(context, transport=runtime.http.transport(connection.provider))
    if connection.provider == "xero":
        base = str(credentials.get("api_base") or "https://api.xero.com/api.xro/2.0")
        return base, auth, {"xero-tenant-id": str(credentials["tenant_id"])}
    return str(credentials["api_base"]), auth, {}


def _response_data(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return wire.loads(response.content)
    except ValueError:
        return response.text


@router.post(
    "/passthrough", operation_id="request", tags=["passthrough"], summary="Make a passthrough request",
    openapi_extra={
        "requestBody": {"required": True, "content": {JSON: {"schema": PassThroughRequestDto.model_json_schema()}}},
    },
)
async def passthrough(request: Request, runtime: RuntimeDep, connection: ConnectionDep) -> Response:
    """Send one request to the connection's provider, under its API base URL and with its credentials.

    Answers ``{status, statusText, headers, data}`` with the provider's own status inside (the call itself is
    200 whenever the provider answered). Logged as a ``passthrough.request`` event (method and path only).
    """
    body = parse(PassThroughRequestDto, await json_body(request))
    base, auth, fixed = await _provider_auth(runtime, connection)
    try:
        url = resolve_path(base, body.path)
    except ValueError as exc:
        raise ValidationFailed("The passthrough path is not allowed", errors=[FieldError("path", str(exc))]) from None
    headers = {k: v for k, v in (body.headers or {}).items() if k.lower() not in _BLOCKED_HEADERS}
    headers.setdefault("Accept", JSON)
    headers.update(fixed)
    content = None
    if body.data is not None and body.method != "GET":
        content = wire.dumps(body.data).encode()
        headers["Content-Type"] = JSON
    client = runtime.http.client(connection.provider)
    outgoing = client.build_request(body.method, url, headers=headers, content=content)
    status = "fail"
    code: int | None = None
    try:
        response = await client.send(outgoing, auth=auth, follow_redirects=False)
        code = response.status_code
        status = "success" if response.is_success else "fail"
    except httpx.HTTPError as exc:
        raise ProviderUnavailable(ProviderDetail(connection.provider, message=f"passthrough failed: {exc!r}")) from exc
    finally:
        async with runtime.engine.begin() as db:
            await events.record(
                db, project_id=connection.project_id, connection_id=connection.id, type="passthrough.request",
                status=status, method=body.method, url=body.path[:500],
                detail={"provider": connection.provider, "status": code},
            )
    return _json({
        "status": response.status_code,
        "statusText": response.reason_phrase,
        "headers": {k: v for k, v in response.headers.items() if k.lower() not in _HIDDEN_RESPONSE_HEADERS},
        "data": _response_data(response),
    })


