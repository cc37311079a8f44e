"""``/passthrough``: one request to the connection's own provider, under its API base URL, with its own auth
(the provider's spec says how). No ``overrideBaseUrl``, no multipart file reads."""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import unquote

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator

from ledgerbridge import wire
from ledgerbridge.api.body import JSON, json_body, json_response
from ledgerbridge.api.deps import ConnectionDep, RuntimeDep
from ledgerbridge.connectors import spec, specs
from ledgerbridge.errors import FieldError, ProviderDetail, ProviderUnavailable, ValidationFailed
from ledgerbridge.runtime import Runtime
from ledgerbridge.service.validation import parse
from ledgerbridge.store import events, tenancy

router = APIRouter()

# Headers a caller may not set: auth and account selection are the connection's (each provider's spec names
# the headers it picks an account by), framing is httpx's.
_BLOCKED_HEADERS = frozenset({
    "authorization", "proxy-authorization", "cookie", "host", "content-length", "transfer-encoding", "connection",
    "x-api-key", "x-connection-token", "forwarded", "x-forwarded-for", "x-forwarded-host",
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


def _blocked_headers() -> frozenset[str]:
    return _BLOCKED_HEADERS.union(*(s.passthrough.reserved_headers for s in specs()))


async def _provider_auth(
    runtime: Runtime, connection: tenancy.Connection,
) -> tuple[str, httpx.Auth | None, dict[str, str]]:
    """(base URL, auth, fixed headers) of a connection, as its provider's spec says."""
    provider = spec(connection.provider)
    context = runtime.connector(connection).context  # shares the cached connector's credentials (and refreshes)
    auth, headers = await provider.passthrough.auth(context, runtime.http)
    base = provider.api_base(context.credentials)
    if base is None:
        raise ValidationFailed("This connection has no provider URL to pass requests to",
                               errors=[FieldError("x-connection-token", "the connection has no credentials")])
    return base, auth, headers


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
    headers = {k: v for k, v in (body.headers or {}).items() if k.lower() not in _blocked_headers()}
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
    return json_response({
        "status": response.status_code,
        "statusText": response.reason_phrase,
        "headers": {k: v for k, v in response.headers.items() if k.lower() not in _HIDDEN_RESPONSE_HEADERS},
        "data": _response_data(response),
    })


