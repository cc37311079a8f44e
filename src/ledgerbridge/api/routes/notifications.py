"""Change notifications from providers (their webhooks), and where a project sets the key they are signed with.

``POST /notifications/{provider}/{project_id}`` is the URL a project registers in its app at the provider (the
Intuit developer portal's webhooks page, Xero's app's webhooks page). Each notification is

1. verified with the app's key (:attr:`ProviderSpec.notifications`; a provider's own format and signature live in
   its ``connectors/<provider>/notifications.py``): a bad or missing signature is 401 and changes nothing — which
   is also how Xero's intent-to-receive handshake expects a receiver to answer;
2. read into notices, each kept once per connection of that account (duplicates and retries are dropped);
3. answered 200 at once (Intuit wants an answer within 3 seconds), the records being fetched afterwards
   (:mod:`ledgerbridge.sync.notified`), which records our own ``accounting.<object>.*`` events and webhooks.

``PUT /notifications/{provider}/key`` (x-api-key) stores the key, sealed, and answers the URL to register.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Sequence

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ledgerbridge import wire
from ledgerbridge.api.body import json_body
from ledgerbridge.api.deps import ProjectDep, RuntimeDep
from ledgerbridge.connectors import spec as provider_spec
from ledgerbridge.connectors.provider_spec import Notice, Notifications
from ledgerbridge.errors import BadRequest, NotFound, Unauthorized
from ledgerbridge.runtime import Runtime
from ledgerbridge.service.validation import parse
from ledgerbridge.store import provider_apps, tenancy
from ledgerbridge.sync import notified

router = APIRouter(tags=["notifications"])
log = logging.getLogger("ledgerbridge.notifications")


class NotificationKeyDto(BaseModel):
    key: str = Field(min_length=1, max_length=500,
                     description="The key the provider signs notifications with (QuickBooks: the app's verifier "
                                 "token; Xero: the app's webhook key).")


def _notifications(provider: str) -> Notifications:
    try:
        found = provider_spec(provider).notifications
    except KeyError:
        found = None
    if found is None:
        raise NotFound(f"{provider} sends no change notifications Ledgerbridge reads")
    return found


def notification_path(provider: str, project_id: uuid.UUID) -> str:
    return f"/notifications/{provider}/{project_id}"


@router.put("/notifications/{provider}/key", operation_id="setNotificationKey",
            summary="Set the key a provider signs this project's change notifications with")
async def set_key(provider: str, request: Request, runtime: RuntimeDep, project: ProjectDep) -> Response:
    """Stored sealed and never shown again; answers the path to register at the provider (after your base URL)."""
    spec = _notifications(provider)
    body = parse(NotificationKeyDto, await json_body(request))
    async with runtime.engine.begin() as db:
        await provider_apps.save_notification_key(db, runtime.sealer, project_id=project.id, provider=provider,
                                                  key=body.key)
    return Response(wire.dumps({"provider": provider, "key_name": spec.key_name,
                                "path": notification_path(provider, project.id)}), media_type="application/json")


async def _fetch_after_answer(runtime: Runtime, connection: tenancy.Connection, notices: Sequence[Notice]) -> None:
    # logged and released by receive; the response is long gone, and polling catches up
    with contextlib.suppress(Exception):
        await notified.receive(runtime, connection, notices)


@router.post("/notifications/{provider}/{project_id}", operation_id="receiveProviderNotification",
             summary="A provider's change notification (its webhook)")
async def receive(provider: str, project_id: str, request: Request, runtime: RuntimeDep,
                  background: BackgroundTasks) -> Response:
    spec = _notifications(provider)
    try:
        project = uuid.UUID(project_id)
    except ValueError:
        raise NotFound(f"No project {project_id}") from None
    body = await request.body()
    async with runtime.engine.connect() as db:
        key = await provider_apps.load_notification_key(db, runtime.sealer, project_id=project, provider=provider)
    if key is None:
        raise NotFound(f"No {spec.key_name} is set for {provider} notifications of project {project_id}")
    if not spec.verify(body, request.headers.get(spec.signature_header, ""), key):
        raise Unauthorized(f"The {spec.signature_header} signature does not match the body")
    try:
        notices = spec.parse(body)
    except ValueError as exc:
        raise BadRequest(f"Unreadable {provider} notification: {exc}") from None
    if notices:
        accounts = {notice.account_id for notice in notices}
        async with runtime.engine.connect() as db:
            connections = [c for c in await tenancy.list_connections(db, project_id=project)
                           if c.provider == provider and c.account_id in accounts and c.status == "valid"]
        for connection in connections:
            mine = [notice for notice in notices if notice.account_id == connection.account_id]
            fresh = await notified.claim(runtime, connection, mine)
            if fresh:
                background.add_task(_fetch_after_answer, runtime, connection, fresh)
    return Response(status_code=200)
