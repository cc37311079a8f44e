"""Webhook endpoints (Panora's ``/webhooks`` and ``verifyEvent``) and their delivery log.

Differences from Panora, on purpose: the secret is shown once, when the endpoint is created (afterwards lists
show a masked placeholder — it is stored sealed, never in clear); every subscribed endpoint gets each
event, not only the first; scopes are checked against the event types that exist; signatures carry a
timestamp (``t=…,v1=…``, see :mod:`ledgerbridge.webhooks.signing`); an endpoint's URL must pass the egress policy
(:mod:`ledgerbridge.egress`: no loopback, private, link-local or metadata address unless the operator allows it),
when it is registered and again at every delivery.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import httpx
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from ledgerbridge import egress, wire
from ledgerbridge.api.body import json_body
from ledgerbridge.api.deps import ProjectDep, RuntimeDep
from ledgerbridge.errors import BadRequest, FieldError, NotFound, ValidationFailed
from ledgerbridge.service.cursor import MAX_POSITION
from ledgerbridge.service.validation import parse
from ledgerbridge.settings import Settings
from ledgerbridge.store import webhooks as store
from ledgerbridge.webhooks import signing
from ledgerbridge.webhooks.catalog import EVENT_TYPES, known_pattern

router = APIRouter(tags=["webhooks"])
MASKED = "whsec_********"  # lists never show the secret: it is sealed at rest and shown once
JSON = "application/json"


class WebhookDto(BaseModel):
    url: str = Field(min_length=1, max_length=2000, description="Where events are POSTed (http or https), at a "
                     "public address: loopback, private, link-local and metadata addresses are refused (422) unless "
                     "the operator allows them (LEDGERBRIDGE_EGRESS_ALLOW_NETWORKS).")
    description: str | None = Field(default=None, max_length=500)
    scope: list[str] = Field(min_length=1, description=f"Event types or globs of them: {', '.join(EVENT_TYPES)}")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str, info: ValidationInfo) -> str:
        try:
            url = httpx.URL(value)
        except httpx.InvalidURL as exc:
            raise ValueError(f"not a URL: {exc}") from None
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError("must be an absolute http:// or https:// URL")
        if url.userinfo:
            raise ValueError("must not carry credentials; use the signature to authenticate Ledgerbridge")
        # What can be told without DNS (an address in any spelling, localhost), wherever this model validates:
        # the API, the dashboard's form, the CLI. The policy is the caller's (validation context) or else the
        # process's settings, from the environment like every server's and the CLI's.
        policy = (info.context or {}).get("egress") or egress.EgressPolicy.from_settings(Settings())
        try:
            policy.check_static(url)
        except egress.EgressRefused as refused:
            raise ValueError(str(refused)) from None
        return value

    @field_validator("scope")
    @classmethod
    def _scope(cls, value: list[str]) -> list[str]:
        unknown = [item for item in value if not known_pattern(item)]
        if unknown:
            raise ValueError(f"unknown event types {unknown}; known: {', '.join(EVENT_TYPES)}")
        return list(dict.fromkeys(value))


class WebhookStatusDto(BaseModel):
    active: bool


class SecretRotationDto(BaseModel):
    previous_secret_valid_for: int = Field(
        default=24 * 3600, ge=0, le=7 * 24 * 3600,
        description="Seconds during which deliveries are also signed with the old secret (0: stop at once).",
    )


class SignatureVerificationDto(BaseModel):
    payload: dict[str, Any] | str = Field(description="The body received: the parsed JSON object or its raw text.")
    signature: str = Field(min_length=1, description="The Ledgerbridge-Signature header received.")
    secret: str = Field(min_length=1)



async def check_url(settings: Settings, url: str) -> None:
    """The full egress check of a webhook URL when it is registered (its name resolved): 422 naming ``url``.

    A name that does not resolve yet is accepted (a receiver may be registered before its DNS is set up): every
    delivery checks again, and a refused or unresolvable name is never sent anything.
    """
    try:
        await egress.EgressPolicy.from_settings(settings).check(url)
    except egress.Unresolvable:
        return
    except egress.EgressRefused as refused:
        raise ValidationFailed("The request has invalid fields", errors=[FieldError("url", str(refused))]) from None


def _render(endpoint: store.Endpoint, *, secret: str | None = None) -> dict[str, Any]:
    return {
        "id_webhook_endpoint": str(endpoint.id),
        "endpoint_description": endpoint.description,
        "url": endpoint.url,
        "secret": secret if secret is not None else MASKED,
        "active": endpoint.active,
        "created_at": endpoint.created_at,
        "scope": endpoint.scope,
        "id_project": str(endpoint.project_id),
        "last_update": endpoint.modified_at,
    }


def _json(value: Any, status_code: int = 200) -> Response:
    return Response(wire.dumps(value), status_code=status_code, media_type=JSON)


def _uuid(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(f"No {what} with id {value}") from None


@router.get("/webhooks", operation_id="listWebhooks", summary="List webhooks")
async def list_webhooks(runtime: RuntimeDep, project: ProjectDep) -> Response:
    async with runtime.engine.connect() as db:
        endpoints = await store.list_endpoints(db, project_id=project.id)
    return _json([_render(e) for e in endpoints])


@router.post("/webhooks", operation_id="createWebhookPublic", summary="Create webhook", status_code=201)
async def create_webhook(runtime: RuntimeDep, project: ProjectDep, body: WebhookDto) -> Response:
    """Returns the signing ``secret`` — the only time it is shown."""
    await check_url(runtime.settings, body.url)
    secret = signing.new_secret()
    async with runtime.engine.begin() as db:
        endpoint = await store.create_endpoint(
            db, runtime.sealer, project_id=project.id, url=body.url, description=body.description,
            scope=body.scope, secret=secret,
        )
    return _json(_render(endpoint, secret=secret), 201)


@router.put("/webhooks/{id}", operation_id="updateStatus", summary="Update webhook status")
async def update_status(id: str, runtime: RuntimeDep, project: ProjectDep, body: WebhookStatusDto) -> Response:
    async with runtime.engine.begin() as db:
        endpoint = await store.set_active(db, project_id=project.id, endpoint_id=_uuid(id, "webhook"),
                                          active=body.active)
    if endpoint is None:
        raise NotFound(f"No webhook with id {id}")
    return _json(_render(endpoint))


@router.delete("/webhooks/{id}", operation_id="delete", summary="Delete Webhook")
async def delete_webhook(id: str, runtime: RuntimeDep, project: ProjectDep) -> Response:
    endpoint_id = _uuid(id, "webhook")
    async with runtime.engine.begin() as db:
        endpoint = await store.get_endpoint(db, project_id=project.id, endpoint_id=endpoint_id)
        if endpoint is None:
            raise NotFound(f"No webhook with id {id}")
        await store.delete_endpoint(db, project_id=project.id, endpoint_id=endpoint_id)
    return _json(_render(endpoint))


@router.post("/webhooks/{id}/rotate-secret", operation_id="rotateWebhookSecret",
             summary="Replace a webhook's signing secret")
async def rotate_secret(id: str, runtime: RuntimeDep, project: ProjectDep,
                        body: SecretRotationDto | None = None) -> Response:
    """Returns the new ``secret`` — the only time it is shown. Until ``previous_secret_expires_at`` every delivery
    carries two ``v1`` signatures, under the new and the old secret, so receivers can switch without a gap."""
    body = body or SecretRotationDto()
    endpoint_id = _uuid(id, "webhook")
    secret = signing.new_secret()
    now = dt.datetime.now(dt.UTC)
    async with runtime.engine.begin() as db:
        rotated = await store.rotate_secret(
            db, runtime.sealer, project_id=project.id, endpoint_id=endpoint_id, secret=secret,
            overlap=dt.timedelta(seconds=body.previous_secret_valid_for), now=now,
        )
    if rotated is None:
        raise NotFound(f"No webhook with id {id}")
    endpoint, until = rotated
    return _json({**_render(endpoint, secret=secret), "previous_secret_expires_at": until})


@router.post(
    "/webhooks/verifyEvent", operation_id="verifyEvent", status_code=201,
    summary="Verify payload signature of the webhook",
    openapi_extra={
        "requestBody": {"required": True, "content": {JSON: {"schema": SignatureVerificationDto.model_json_schema()}}},
    },
)
async def verify_event(request: Request, _project: ProjectDep) -> Response:
    """Answers the payload when ``signature`` matches it under ``secret`` (and is under 5 minutes old), else 400.

    ``payload`` is the raw body text, or the parsed object as Panora's clients pass it — parsed and re-encoded by
    any JSON library (JavaScript's, Python's…): it is checked against the ``c1`` signature over the canonical
    form, which such a round trip does not change (see :mod:`ledgerbridge.webhooks.signing`).
    """
    body = parse(SignatureVerificationDto, await json_body(request))
    try:
        signing.verify_event(body.payload, body.signature, body.secret)
    except signing.InvalidSignature as exc:
        raise BadRequest(f"Invalid signature: {exc}") from None
    payload = wire.loads(body.payload) if isinstance(body.payload, str) else body.payload
    return _json(payload, 201)


def _delivery(row: Any) -> dict[str, Any]:
    return {
        "id_delivery": row.id,
        "id_webhook_endpoint": row.endpoint_id,
        "id_event": row.event_id,
        "type": row.event_type,
        "status": row.status,
        "attempts": row.attempts,
        "next_attempt_at": row.next_attempt_at,
        "last_attempt_at": row.last_attempt_at,
        "last_status_code": row.last_status_code,
        "last_error": row.last_error,
        "created_at": row.created_at,
        "delivered_at": row.delivered_at,
    }


@router.get("/webhooks/{id}/deliveries", operation_id="listWebhookDeliveries",
            summary="Delivery log of a webhook, newest first")
async def list_deliveries(
    id: str,
    runtime: RuntimeDep,
    project: ProjectDep,
    status: Annotated[str | None, Query(pattern="^(pending|delivered|failed)$")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    before: Annotated[int | None, Query(ge=1, le=MAX_POSITION,
                                        description="Deliveries older than this position (paging).")] = None,
) -> Response:
    endpoint_id = _uuid(id, "webhook")
    async with runtime.engine.connect() as db:
        if await store.get_endpoint(db, project_id=project.id, endpoint_id=endpoint_id) is None:
            raise NotFound(f"No webhook with id {id}")
        rows = await store.list_deliveries(db, project_id=project.id, endpoint_id=endpoint_id, status=status,
                                           limit=limit, before=before)
    return _json({
        "data": [_delivery(r) for r in rows],
        "next_before": rows[-1].seq if len(rows) == limit else None,
    })


@router.post("/webhooks/deliveries/{delivery_id}/retry", operation_id="retryWebhookDelivery",
             summary="Queue a delivery again now (same event id)", status_code=202)
async def retry_delivery(delivery_id: str, runtime: RuntimeDep, project: ProjectDep) -> Response:
    async with runtime.engine.begin() as db:
        found = await store.redeliver(db, project_id=project.id, delivery_id=_uuid(delivery_id, "delivery"),
                                      now=dt.datetime.now(dt.UTC))
    if not found:
        raise NotFound(f"No delivery with id {delivery_id}")
    return _json({"id_delivery": delivery_id, "status": store.PENDING}, 202)


