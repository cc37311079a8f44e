"""The operator dashboard: server-rendered pages for projects, API keys, linked users, connections, events,
webhook endpoints and their delivery log; a connection's health and per-object sync, a data explorer (a record's
unified JSON beside its ``remote_data``), the event log and the request log (the events of API calls that
reached a provider), and charts of activity over time. Every list is a page (:mod:`ledgerbridge.store.overview`).

Sessions are server-side: the signed cookie (Starlette's SessionMiddleware, itsdangerous) carries only a random
session id; login stores its hash with the operator (``dashboard_sessions``), logout deletes it, and a password
change deletes all of the operator's. Failed logins are throttled per operator name and per client address (429).
Every POST carries a CSRF token in a hidden field — an HMAC of the session id — compared in constant time, or
gets a 403. An operator sees
only the projects granted to them: any other project id is a 404, exactly like one that does not exist; so is an
endpoint, key, connection or delivery id that belongs to another project (every lookup is scoped by project).
A webhook's signing secret is shown once, on the page that answers its creation, and never again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import uuid
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, BackgroundTasks, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.middleware.sessions import SessionMiddleware

from ledgerbridge import egress
from ledgerbridge.api import pages
from ledgerbridge.api.deps import RuntimeDep
from ledgerbridge.api.routes.connect import TEMPLATES, _sync_in_background
from ledgerbridge.api.routes.webhooks import WebhookDto, check_url
from ledgerbridge.errors import ValidationFailed
from ledgerbridge.objects import OBJECTS
from ledgerbridge.onboarding import flow, operators
from ledgerbridge.onboarding.magic_links import magic_link
from ledgerbridge.onboarding.signing import derived_key
from ledgerbridge.runtime import Runtime
from ledgerbridge.service.cursor import MAX_POSITION
from ledgerbridge.service.validation import field_errors
from ledgerbridge.store import api_keys, linked_users, overview, passes, projects, recent_events, tenancy
from ledgerbridge.store import webhooks as webhook_store
from ledgerbridge.webhooks import signing
from ledgerbridge.webhooks.catalog import EVENT_TYPES

SESSION_COOKIE = "lb_dashboard"
SESSION_MAX_AGE = 8 * 3600
RECENT_DELIVERIES = 20  # on the project page; an endpoint's own page pages through all of them
DELIVERY_PAGE = 50
RECENT_EVENTS = 10  # on the project page; the events page pages through all of them
EVENT_PAGE = 50
CONNECTION_PAGE = 25
RECORD_PAGE = 50
CHART_HOURS = 24

router = APIRouter(prefix="/dashboard", include_in_schema=False)
T = TypeVar("T")


def install(app: FastAPI, runtime: Runtime) -> None:
    """Sessions for the dashboard. The cookie is signed with a key derived from the server secret."""
    app.add_middleware(
        SessionMiddleware, secret_key=derived_key(runtime.settings, "dashboard-session").hex(),
        session_cookie=SESSION_COOKIE, max_age=SESSION_MAX_AGE, same_site="strict",
        https_only=runtime.settings.host not in ("127.0.0.1", "localhost"),
    )


def _session_id(request: Request) -> str:
    """The cookie's random id; a visitor without one gets a new one (it names a session only once logged in)."""
    session_id = request.session.get("sid")
    if not isinstance(session_id, str) or not session_id:
        session_id = request.session["sid"] = operators.new_session_id()
    return session_id


def _csrf_token(request: Request) -> str:
    runtime: Runtime = request.app.state.runtime
    key = derived_key(runtime.settings, "dashboard-csrf")
    return hmac.new(key, _session_id(request).encode(), hashlib.sha256).hexdigest()


async def _check_csrf(request: Request) -> None:
    sent = str((await request.form()).get("csrf") or "")
    if not sent or not request.session.get("sid") or not hmac.compare_digest(sent, _csrf_token(request)):
        raise HTTPException(status_code=403, detail="Missing or invalid CSRF token")


def _page(request: Request, name: str, status: int = 200, headers: dict[str, str] | None = None,
          **context: Any) -> HTMLResponse:
    context |= {"csrf": _csrf_token(request), "logged_in": getattr(request.state, "operator", None) is not None}
    return TEMPLATES.TemplateResponse(request, f"dashboard/{name}", context, status_code=status,
                                      headers={**pages.page_headers(pages.csp()), **(headers or {})})


async def _operator(request: Request, runtime: Runtime) -> uuid.UUID | None:
    """The operator whose live session the cookie names; None when logged out, revoked or expired."""
    session_id = request.session.get("sid")
    operator = None
    if isinstance(session_id, str) and session_id:
        async with runtime.engine.connect() as db:
            operator = await operators.session_operator(db, session_id)
    request.state.operator = operator
    return operator


async def _project(request: Request, runtime: Runtime, project_id: uuid.UUID) -> tenancy.Project:
    """The project, if this session's operator may see it; 401/404 otherwise (404 whether foreign or unknown)."""
    operator = await _operator(request, runtime)
    if operator is None:
        raise HTTPException(status_code=401, detail="Log in first")
    async with runtime.engine.connect() as db:
        project = await projects.get_project(db, project_id)
        if project is None or not await operators.can_see(db, operator_id=operator, project_id=project_id):
            raise HTTPException(status_code=404, detail="No such project")
    return project


async def _posted(request: Request, runtime: Runtime, project_id: uuid.UUID) -> tenancy.Project:
    """For a form post: the CSRF token checked, then the project as :func:`_project` finds it."""
    await _check_csrf(request)
    return await _project(request, runtime, project_id)


def _found(value: T | None, what: str) -> T:
    """``value``, or a 404 naming what is missing (absent or another project's: the same answer)."""
    if value is None or value is False:
        raise HTTPException(status_code=404, detail=f"No such {what} in this project")
    return value


def _to_project(project_id: uuid.UUID, note: str | None = None) -> RedirectResponse:
    suffix = f"?note={note}" if note else ""
    return RedirectResponse(f"/dashboard/projects/{project_id}{suffix}", status_code=303)


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request) -> Response:
    return _page(request, "login.html")


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request, runtime: RuntimeDep, username: Annotated[str, Form()],
                password: Annotated[str, Form()]) -> Response:
    await _check_csrf(request)
    settings = runtime.settings
    address = request.client.host if request.client else "unknown"
    window = settings.login_window_seconds
    async with runtime.engine.connect() as db:
        if await operators.login_throttled(db, username=username, address=address,
                                           max_failures=settings.login_max_failures, window=window):
            return _page(request, "login.html", 429, headers={"Retry-After": str(window)},
                         error="Too many failed logins: try again later.")
        operator = await operators.authenticate(db, username=username, password=password)
    async with runtime.engine.begin() as db:
        if operator is None:
            await operators.login_failed(db, username=username, address=address, window=window)
            return _page(request, "login.html", 401, error="Wrong username or password.")
        await operators.login_succeeded(db, username=username, address=address)
        session_id = await operators.start_session(db, operator_id=operator, max_age=SESSION_MAX_AGE)
    request.session.clear()  # a fresh session id (and so CSRF token) at login: no fixation
    request.session["sid"] = session_id
    return RedirectResponse("/dashboard", status_code=303)


@router.post("/logout")
async def logout(request: Request, runtime: RuntimeDep) -> Response:
    await _check_csrf(request)
    async with runtime.engine.begin() as db:
        await operators.end_session(db, _session_id(request))
    request.session.clear()
    return RedirectResponse("/dashboard/login", status_code=303)


@router.get("", response_class=HTMLResponse)
async def home(request: Request, runtime: RuntimeDep) -> Response:
    operator = await _operator(request, runtime)
    if operator is None:
        return RedirectResponse("/dashboard/login", status_code=303)
    async with runtime.engine.connect() as db:
        projects = await operators.visible_projects(db, operator_id=operator)
    return _page(request, "projects.html", projects=projects)


def _chart(buckets: list[overview.Bucket]) -> str:
    """The charts' data for ``static/dashboard.js`` (a JSON data block: the CSP allows no inline script)."""
    return json.dumps({"t": [int(b.start.timestamp()) for b in buckets], "ok": [b.ok for b in buckets],
                       "failed": [b.failed for b in buckets], "requests": [b.requests for b in buckets]})


async def _project_view(request: Request, runtime: Runtime, project: tenancy.Project, status: int = 200,
                        **extra: Any) -> HTMLResponse:
    since = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0) - dt.timedelta(hours=CHART_HOURS - 1)
    async with runtime.engine.connect() as db:
        keys = await api_keys.list_api_keys(db, project_id=project.id)
        users = await linked_users.list_linked_users(db, project_id=project.id)
        connections, connection_count = await overview.connections_page(db, project_id=project.id,
                                                                         limit=CONNECTION_PAGE)
        events = await recent_events.recent_events(db, project_id=project.id, limit=RECENT_EVENTS)
        endpoints = await webhook_store.list_endpoints(db, project_id=project.id)
        deliveries = await webhook_store.list_deliveries(db, project_id=project.id, limit=RECENT_DELIVERIES)
        buckets, complete = await overview.activity(db, project_id=project.id, since=since, bucket_seconds=3600)
    stats = {"connections": connection_count,
             "healthy": sum(1 for c in connections if c.health == "healthy"),
             "attention": sum(1 for c in connections if c.health in ("failing", "needs re-auth")),
             "events": sum(b.ok + b.failed for b in buckets), "failed": sum(b.failed for b in buckets),
             "requests": sum(b.requests for b in buckets)}
    return _page(request, "project.html", status, project=project, keys=keys, users=users,
                 connections=connections, connection_count=connection_count, events=events, endpoints=endpoints,
                 deliveries=deliveries, urls={str(e.id): e.url for e in endpoints}, event_types=EVENT_TYPES,
                 note=request.query_params.get("note"), stats=stats, chart=_chart(buckets), complete=complete,
                 tab="overview",
                 **extra)


@router.get("/projects/{project_id}", response_class=HTMLResponse)
async def project_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID) -> Response:
    return await _project_view(request, runtime, await _project(request, runtime, project_id))


# -- connections, their records, events and requests -------------------------------------------------------------
@router.get("/projects/{project_id}/connections", response_class=HTMLResponse)
async def connections_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID,
                           page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    project = await _project(request, runtime, project_id)
    async with runtime.engine.connect() as db:
        rows, total = await overview.connections_page(db, project_id=project.id, limit=CONNECTION_PAGE,
                                                      offset=(page - 1) * CONNECTION_PAGE)
    return _page(request, "connections.html", project=project, connections=rows, total=total, page=page,
                 pages=max(1, -(-total // CONNECTION_PAGE)), tab="connections")


async def _connection(runtime: Runtime, project: tenancy.Project, connection_id: uuid.UUID) -> tenancy.Connection:
    async with runtime.engine.connect() as db:
        return _found(await tenancy.get_connection(db, project_id=project.id, connection_id=connection_id),
                      "connection")


@router.get("/projects/{project_id}/connections/{connection_id}", response_class=HTMLResponse)
async def connection_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID,
                          connection_id: uuid.UUID) -> Response:
    project = await _project(request, runtime, project_id)
    connection = await _connection(runtime, project, connection_id)
    async with runtime.engine.connect() as db:
        summaries, _ = await overview.connections_page(db, project_id=project.id, connection_id=connection.id)
        states = await passes.status(db, project_id=project.id, connection_id=connection.id)
        counts = await overview.record_counts(db, project_id=project.id, connection_id=connection.id)
        company = await overview.company_name(db, project_id=project.id, connection_id=connection.id)
        events = await overview.events_page(db, project_id=project.id, connection_id=connection.id, limit=10)
    objects = [{"name": r.object_type, "status": r.status, "records": counts.get(r.object_type, 0),
                "last_pass": r.records, "error": r.error, "finished_at": r.finished_at,
                "running": r.started_at is not None}
               for r in states if r.object_type is not None]
    synced = connection.last_sync_at
    lag = None if synced is None else (dt.datetime.now(dt.UTC) - synced).total_seconds()
    return _page(request, "connection.html", project=project, connection=connection, summary=summaries[0],
                 objects=objects, company=company, lag=lag, events=events, total=sum(counts.values()),
                 note=request.query_params.get("note"), tab="connections")


@router.post("/projects/{project_id}/connections/{connection_id}/disconnect")
async def disconnect(request: Request, runtime: RuntimeDep, project_id: uuid.UUID,
                     connection_id: uuid.UUID) -> Response:
    """Revoke the grant at the provider and forget the tokens (the records stay, marked by the revoked status)."""
    project = await _posted(request, runtime, project_id)
    _found(await flow.disconnect(runtime, project_id=project.id, connection_id=connection_id), "connection")
    return RedirectResponse(f"/dashboard/projects/{project.id}/connections/{connection_id}?note=disconnected", 303)


_SYNCED = [spec.name for spec in OBJECTS if not spec.report]


@router.get("/projects/{project_id}/connections/{connection_id}/records", response_class=HTMLResponse)
async def records_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, connection_id: uuid.UUID,
                       object: Annotated[str, Query(max_length=50)] = "invoice",
                       remote_id: Annotated[str, Query(max_length=255)] = "",
                       after: Annotated[int | None, Query(ge=0, le=MAX_POSITION)] = None) -> Response:
    """The data explorer: one object's records of a connection, a page at a time (``after``: the last row's seq)."""
    project = await _project(request, runtime, project_id)
    connection = await _connection(runtime, project, connection_id)
    if object not in _SYNCED:
        raise HTTPException(status_code=422, detail=f"object: must be one of {', '.join(_SYNCED)}")
    async with runtime.engine.connect() as db:
        rows = await overview.records_page(db, project_id=project.id, connection_id=connection.id,
                                           object_type=object, after=after, limit=RECORD_PAGE,
                                           remote_id=remote_id.strip() or None)
        counts = await overview.record_counts(db, project_id=project.id, connection_id=connection.id)
    next_after = rows[-1].seq if len(rows) == RECORD_PAGE else None
    return _page(request, "records.html", project=project, connection=connection, rows=rows, object=object,
                 objects=_SYNCED, counts=counts, remote_id=remote_id, after=after, next_after=next_after,
                 tab="connections")


@router.get("/projects/{project_id}/connections/{connection_id}/records/{record_id}", response_class=HTMLResponse)
async def record_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, connection_id: uuid.UUID,
                      record_id: uuid.UUID) -> Response:
    project = await _project(request, runtime, project_id)
    connection = await _connection(runtime, project, connection_id)
    async with runtime.engine.connect() as db:
        record = _found(await overview.get_record(db, project_id=project.id, connection_id=connection.id,
                                                  record_id=record_id), "record")
    return _page(request, "record.html", project=project, connection=connection, record=record,
                 unified=json.dumps(record.data, indent=2, sort_keys=True),
                 remote=None if record.remote_data is None else json.dumps(record.remote_data, indent=2),
                 tab="connections")


def _event_filters(type: str, status: str, connection: str) -> dict[str, str]:
    return {k: v for k, v in (("type", type), ("status", status), ("connection", connection)) if v}


async def _log(request: Request, runtime: Runtime, project_id: uuid.UUID, *, requests_only: bool, type: str,
               status: str, connection: str, before: int | None) -> HTMLResponse:
    project = await _project(request, runtime, project_id)
    try:
        connection_id = uuid.UUID(connection) if connection else None
    except ValueError:
        raise HTTPException(status_code=422, detail="connection: must be a connection id") from None
    async with runtime.engine.connect() as db:
        rows = await overview.events_page(db, project_id=project.id, before=before, limit=EVENT_PAGE,
                                          type_prefix=type.strip() or None, status=status or None,
                                          connection_id=connection_id, requests_only=requests_only)
        connections, _ = await overview.connections_page(db, project_id=project.id, limit=overview.MAX_PAGE)
    filters = _event_filters(type, status, connection)
    older = rows[-1].seq if len(rows) == EVENT_PAGE else None
    return _page(request, "events.html", project=project, rows=rows, filters=filters, before=before,
                 older_query=urlencode({**filters, "before": older}) if older else None,
                 newest_query=urlencode(filters), connections=connections, requests_only=requests_only,
                 tab="requests" if requests_only else "events")


TypeFilter = Annotated[str, Query(max_length=100)]
StatusFilter = Annotated[str, Query(pattern="^(success|fail|error)?$")]
ConnectionFilter = Annotated[str, Query(max_length=36)]
Before = Annotated[int | None, Query(ge=1, le=MAX_POSITION)]


@router.get("/projects/{project_id}/events", response_class=HTMLResponse)
async def events_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, type: TypeFilter = "",
                      status: StatusFilter = "", connection: ConnectionFilter = "", before: Before = None) -> Response:
    """Every event, newest first, filtered by type prefix, status and connection, a page at a time."""
    return await _log(request, runtime, project_id, requests_only=False, type=type, status=status,
                      connection=connection, before=before)


@router.get("/projects/{project_id}/requests", response_class=HTMLResponse)
async def requests_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, type: TypeFilter = "",
                        status: StatusFilter = "", connection: ConnectionFilter = "",
                        before: Before = None) -> Response:
    """The request log: API calls that reached a provider (writes and passthrough), newest first."""
    return await _log(request, runtime, project_id, requests_only=True, type=type, status=status,
                      connection=connection, before=before)


@router.get("/projects/{project_id}/events/{event_id}", response_class=HTMLResponse)
async def event_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, event_id: uuid.UUID) -> Response:
    project = await _project(request, runtime, project_id)
    async with runtime.engine.connect() as db:
        event = _found(await overview.get_event(db, project_id=project.id, event_id=event_id), "event")
    return _page(request, "event.html", project=project, event=event,
                 detail=json.dumps(event.detail, indent=2, sort_keys=True) if event.detail is not None else None,
                 tab="requests" if event.method else "events")


@router.post("/projects/{project_id}/keys", response_class=HTMLResponse)
async def create_key(request: Request, runtime: RuntimeDep, project_id: uuid.UUID,
                     name: Annotated[str, Form()] = "dashboard") -> Response:
    project = await _posted(request, runtime, project_id)
    async with runtime.engine.begin() as db:
        key = await tenancy.create_api_key(db, project_id=project.id, name=name.strip() or "dashboard")
    return _page(request, "secret.html", project=project, label="New API key",
                 note="Copy it now: it is shown only this once.", secret=key)


@router.post("/projects/{project_id}/keys/{key_id}/revoke")
async def revoke_key(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, key_id: uuid.UUID) -> Response:
    project = await _posted(request, runtime, project_id)
    async with runtime.engine.begin() as db:
        _found(await api_keys.revoke_api_key(db, project_id=project.id, key_id=key_id), "active key")
    return _to_project(project.id, "key-revoked")


@router.post("/projects/{project_id}/linked-users")
async def create_linked_user(request: Request, runtime: RuntimeDep, project_id: uuid.UUID,
                             origin_user_id: Annotated[str, Form()], alias: Annotated[str, Form()] = "") -> Response:
    project = await _posted(request, runtime, project_id)
    if not origin_user_id.strip():
        raise HTTPException(status_code=422, detail="origin_user_id is required")
    async with runtime.engine.begin() as db:
        await tenancy.create_linked_user(db, project_id=project.id, origin_user_id=origin_user_id.strip(),
                                         alias=alias.strip() or None)
    return _to_project(project.id, "linked-user-created")


@router.post("/projects/{project_id}/linked-users/{user_id}/magic-link", response_class=HTMLResponse)
async def new_magic_link(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, user_id: uuid.UUID) -> Response:
    project = await _posted(request, runtime, project_id)
    async with runtime.engine.connect() as db:
        _found(await linked_users.linked_user_exists(db, project_id=project.id, linked_user_id=user_id), "linked user")
    url = await magic_link(runtime, project_id=project.id, linked_user_id=user_id,
                           base_url=str(request.base_url).rstrip("/"))
    return _page(request, "secret.html", project=project, label="Magic link",
                 note="Send this to the user; it expires in 24 hours.", secret=url)


@router.post("/projects/{project_id}/connections/{connection_id}/resync")
async def resync(request: Request, runtime: RuntimeDep, background: BackgroundTasks, project_id: uuid.UUID,
                 connection_id: uuid.UUID) -> Response:
    project = await _posted(request, runtime, project_id)
    async with runtime.engine.connect() as db:
        connection = _found(await tenancy.get_connection(db, project_id=project.id, connection_id=connection_id),
                            "connection")
    background.add_task(_sync_in_background, runtime, connection)
    return _to_project(project.id, "resync-started")


# -- webhooks ---------------------------------------------------------------------------------------------------
def _to_endpoint(project_id: uuid.UUID, endpoint_id: uuid.UUID | str, note: str) -> RedirectResponse:
    return RedirectResponse(f"/dashboard/projects/{project_id}/webhooks/{endpoint_id}?note={note}", status_code=303)


def _scope(text: str) -> list[str]:
    """The form's scope box: event types or globs separated by commas, spaces or new lines."""
    return [item for item in text.replace(",", " ").split() if item]


@router.post("/projects/{project_id}/webhooks", response_class=HTMLResponse)
async def create_webhook(request: Request, runtime: RuntimeDep, project_id: uuid.UUID,
                         url: Annotated[str, Form()] = "", scope: Annotated[str, Form()] = "",
                         description: Annotated[str, Form()] = "") -> Response:
    project = await _posted(request, runtime, project_id)
    # The API's own model validates, so the form and POST /webhooks accept exactly the same endpoints.
    # The runtime's egress policy (the one deliveries use), the name resolved as POST /webhooks resolves it.
    policy = egress.EgressPolicy.from_settings(runtime.settings)
    try:
        body = WebhookDto.model_validate({"url": url.strip(), "scope": _scope(scope),
                                          "description": description.strip() or None}, context={"egress": policy})
        await check_url(runtime.settings, body.url)
    except (ValidationError, ValidationFailed) as exc:
        problems = [f"{e.field}: {e.message}" for e in (field_errors(exc) if isinstance(exc, ValidationError)
                                                         else exc.errors)]
        return await _project_view(request, runtime, project, 422, webhook_errors=problems,
                                   webhook_form={"url": url, "scope": scope, "description": description})
    secret = signing.new_secret()
    async with runtime.engine.begin() as db:
        endpoint = await webhook_store.create_endpoint(
            db, runtime.sealer, project_id=project.id, url=body.url, description=body.description,
            scope=body.scope, secret=secret,
        )
    return _page(request, "secret.html", project=project, label=f"Signing secret for {endpoint.url}",
                 note="Copy it now into your receiver: it is shown only this once. Verify each delivery's "
                      "Ledgerbridge-Signature header with it.", secret=secret)


async def _endpoint(runtime: Runtime, project: tenancy.Project, endpoint_id: uuid.UUID) -> webhook_store.Endpoint:
    async with runtime.engine.connect() as db:
        return _found(await webhook_store.get_endpoint(db, project_id=project.id, endpoint_id=endpoint_id), "webhook")


@router.get("/projects/{project_id}/webhooks/{endpoint_id}", response_class=HTMLResponse)
async def webhook_page(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, endpoint_id: uuid.UUID,
                       status: Annotated[str | None, Query(pattern="^(pending|delivered|failed)$")] = None,
                       before: Annotated[int | None, Query(ge=1, le=MAX_POSITION)] = None) -> Response:
    """One endpoint and its delivery log, newest first, a page at a time (``before`` is the last row's seq)."""
    project = await _project(request, runtime, project_id)
    endpoint = await _endpoint(runtime, project, endpoint_id)
    async with runtime.engine.connect() as db:
        deliveries = await webhook_store.list_deliveries(db, project_id=project.id, endpoint_id=endpoint.id,
                                                         status=status, limit=DELIVERY_PAGE, before=before)
    older = deliveries[-1].seq if len(deliveries) == DELIVERY_PAGE else None
    return _page(request, "webhook.html", project=project, endpoint=endpoint, deliveries=deliveries,
                 only=status, older=older, note=request.query_params.get("note"))


@router.post("/projects/{project_id}/webhooks/{endpoint_id}/active")
async def set_webhook_active(request: Request, runtime: RuntimeDep, project_id: uuid.UUID, endpoint_id: uuid.UUID,
                             active: Annotated[bool, Form()]) -> Response:
    project = await _posted(request, runtime, project_id)
    async with runtime.engine.begin() as db:
        _found(await webhook_store.set_active(db, project_id=project.id, endpoint_id=endpoint_id, active=active),
               "webhook")
    return _to_project(project.id, "webhook-activated" if active else "webhook-deactivated")


@router.post("/projects/{project_id}/webhooks/{endpoint_id}/delete")
async def delete_webhook(request: Request, runtime: RuntimeDep, project_id: uuid.UUID,
                         endpoint_id: uuid.UUID) -> Response:
    project = await _posted(request, runtime, project_id)
    async with runtime.engine.begin() as db:
        _found(await webhook_store.delete_endpoint(db, project_id=project.id, endpoint_id=endpoint_id), "webhook")
    return _to_project(project.id, "webhook-deleted")


@router.post("/projects/{project_id}/webhooks/deliveries/{delivery_id}/retry")
async def retry_delivery(request: Request, runtime: RuntimeDep, project_id: uuid.UUID,
                         delivery_id: uuid.UUID) -> Response:
    """Queue the delivery now (same event id, so the receiver can still dedupe); the dispatcher sends it."""
    project = await _posted(request, runtime, project_id)
    async with runtime.engine.begin() as db:
        delivery = _found(await webhook_store.get_delivery(db, project_id=project.id, delivery_id=delivery_id),
                          "delivery")
        await webhook_store.redeliver(db, project_id=project.id, delivery_id=delivery_id,
                                      now=dt.datetime.now(dt.UTC))
    return _to_endpoint(project.id, delivery.endpoint_id, "delivery-queued")
