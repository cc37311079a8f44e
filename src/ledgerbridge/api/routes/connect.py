"""The hosted connect page ("magic link"): pick a provider, consent at the provider, come back connected.

Every page here is authorised by the signed link alone (see :mod:`ledgerbridge.onboarding.magic_links`), and
nothing sealed is ever rendered: the provider's client id only appears in the redirect to the provider.

A provider linked with a form of keys (Tryton) takes its server URL from whoever holds the link, so its form is
offered, shown and accepted only where the project enabled that provider, and the URL must pass the egress policy
(:mod:`ledgerbridge.egress`): an internal address is a 422 naming the field, and nothing is connected or sent. The
keys are tried (a login and a read of the company, :mod:`ledgerbridge.onboarding.key_check`) before anything is
saved.

Embedding (``embed=1``): the page may be framed by, or opened as a popup from, the origin of the link's
``return_url`` — the project chose it when it issued the signed link, so it is the allow-list — and only that
origin: it is the page's CSP ``frame-ancestors``, and the only ``targetOrigin`` its ``ledgerbridge:connection.*``
messages are posted to (``static/connect.js``). A link without a return URL cannot be framed at all. Inside a
frame, an OAuth provider's consent runs in a popup of its own (``embed=relay``): providers refuse to be framed,
and the flow's browser-binding cookie (SameSite=Lax) is only set in a top-level window; that popup hands its
outcome to the frame, which tells the embedder.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from fastapi import APIRouter, BackgroundTasks, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from ledgerbridge import egress
from ledgerbridge.api import pages
from ledgerbridge.api.deps import RuntimeDep
from ledgerbridge.api.marks import mark
from ledgerbridge.connect import connect
from ledgerbridge.connectors import specs
from ledgerbridge.connectors.provider_spec import KeyForm, ProviderSpec
from ledgerbridge.errors import FieldError
from ledgerbridge.onboarding import app_credentials, flow
from ledgerbridge.onboarding.key_check import KeysRefused, check_keys
from ledgerbridge.onboarding.magic_links import MagicLink, open_link
from ledgerbridge.onboarding.signing import TokenRejected
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import overview, projects, tenancy
from ledgerbridge.sync.engine import sync_connection

log = logging.getLogger("ledgerbridge.connect")

TEMPLATES = pages.TEMPLATES

router = APIRouter(prefix="/connect", tags=["Connect"], include_in_schema=False)

LinkParam = Annotated[str, Query(description="The signed magic link token")]
#: "1": the connect page is framed by (or a popup of) the embedder; "relay": an OAuth popup opened by that frame
EmbedParam = Annotated[str, Query(pattern="^(1|relay)?$")]

#: how a key form's fields are labelled and hinted for people (the field names are the credentials' keys)
FIELD_LABELS = {"url": "Server address", "database": "Database", "username": "User name", "password": "Password"}
FIELD_HINTS = {"url": "The address you open Tryton at, e.g. https://erp.example.com",
               "database": "Letters, digits, '_', '-' and '.'"}


def origin(url: str | None) -> str | None:
    """``scheme://host[:port]`` of an absolute http(s) URL, None otherwise."""
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


@dataclass(frozen=True)
class Frame:
    """Who the page may talk to: the embedder's origin (the link's return URL's) and how it is embedded."""

    parent: str | None
    embed: str  # "", "1" or "relay"

    def policy(self) -> str:
        allowed = (self.parent,) if self.parent else ()
        return pages.csp(frame_ancestors=("'self'", *allowed) if allowed else ("'none'",),
                         form_action=("'self'", *allowed))

    def context(self) -> dict[str, Any]:
        return {"parent_origin": self.parent or "", "embed": self.embed}


def _page(request: Request, name: str, status: int = 200, *, frame: Frame | None = None,
          **context: Any) -> HTMLResponse:
    frame = frame or Frame(None, "")
    return TEMPLATES.TemplateResponse(request, name, {**frame.context(), **context}, status_code=status,
                                      headers=pages.page_headers(frame.policy()))


def _result(request: Request, *, ok: bool, heading: str, message: str, back_url: str | None = None,
            status: int = 200, frame: Frame | None = None, retry_url: str | None = None,
            error: str = "", **context: Any) -> HTMLResponse:
    return _page(request, "connect/result.html", status, frame=frame, ok=ok, heading=heading, message=message,
                 back_url=back_url, retry_url=retry_url, error=error, **context)


def with_params(url: str, **params: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode(parse_qsl(parts.query) + list(params.items()))))


def _link_url(link: str, embed: str, path: str = "") -> str:
    query = {"link": link, **({"embed": embed} if embed else {})}
    return f"/connect{path}?{urlencode(query)}"


async def _link_or_page(request: Request, runtime: Runtime, token: str) -> MagicLink | HTMLResponse:
    try:
        return await open_link(runtime, token)
    except TokenRejected as rejected:
        message = ("This link has expired. Ask for a new one." if rejected.reason == "expired"
                   else "This link is not valid. Ask for a new one.")
        return _result(request, ok=False, heading="Link refused", message=message, status=403, error="link_refused")


async def _sync_in_background(runtime: Runtime, connection: tenancy.Connection) -> None:
    try:
        await sync_connection(runtime, connection)
    except Exception:  # the connection exists either way; its sync state records the failure for the dashboard
        log.exception("initial sync of connection %s failed", connection.id)


async def _project_name(runtime: Runtime, project_id: uuid.UUID) -> str:
    async with runtime.engine.connect() as db:
        project = await projects.get_project(db, project_id)
    return project.name if project is not None else ""


@router.get("", response_class=HTMLResponse)
async def connect_page(request: Request, runtime: RuntimeDep, link: LinkParam, embed: EmbedParam = "") -> Response:
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    async with runtime.engine.connect() as db:
        configured = await app_credentials.configured(db, project_id=opened.project_id)
    # The project's OAuth providers (it has an app there) and its enabled key-form providers, in registry order.
    providers = [
        {"name": s.name, "title": s.title, "description": s.description, "mark": mark(s.name, s.title),
         "kind": "oauth" if s.oauth is not None else "keys",
         "href": _link_url(link, embed, f"/{s.name}/start" if s.oauth is not None else f"/{s.name}/credentials")}
        for s in specs() if s.name in configured and (s.oauth is not None or s.key_form is not None)
    ]
    return _page(request, "connect/choose.html", frame=Frame(origin(opened.return_url), embed), providers=providers,
                 return_url=opened.return_url, project_name=await _project_name(runtime, opened.project_id),
                 link=link)


async def _connected(request: Request, runtime: Runtime, *, frame: Frame, link: str | None, provider: ProviderSpec,
                     connections: list[tenancy.Connection], company: str | None = None) -> HTMLResponse:
    status_url = None
    if link and connections:
        status_url = "/connect/status?" + urlencode({"link": link, "connection": str(connections[0].id)})
    return _result(request, ok=True, heading="Connected", frame=frame,
                   message=f"Your {provider.title} account is connected.", provider=provider,
                   connections=connections, company=company, status_url=status_url,
                   second_step="Your keys" if provider.key_form is not None else "Consent",
                   project_name=await _project_name(runtime, connections[0].project_id))


@router.get("/callback", name="connect_callback", response_class=HTMLResponse)
async def callback(request: Request, runtime: RuntimeDep, background: BackgroundTasks) -> Response:
    try:
        linked = await flow.complete(runtime, request.query_params, request.cookies)
    except flow.FlowFailed as failed:
        back = None if failed.return_url is None else with_params(failed.return_url, error=failed.code)
        retry = None if failed.link is None else _link_url(failed.link, "")
        return _result(request, ok=False, heading="Not connected", message=failed.message, back_url=back,
                       status=failed.status, frame=Frame(origin(failed.return_url), failed.embed),
                       retry_url=retry, error=failed.code)
    for connection in linked.connections:
        background.add_task(_sync_in_background, runtime, connection)
    ids = ",".join(str(c.id) for c in linked.connections)
    if linked.return_url and not linked.embed:
        return RedirectResponse(with_params(linked.return_url, status="connected", connection_ids=ids), 303)
    provider = next(s for s in specs() if s.name == linked.connections[0].provider)
    return await _connected(request, runtime, frame=Frame(origin(linked.return_url), linked.embed), link=linked.link,
                      provider=provider, connections=linked.connections)


@router.get("/status", response_class=HTMLResponse)
async def status(request: Request, runtime: RuntimeDep, link: LinkParam, connection: uuid.UUID) -> Response:
    """The connection's progress, for the success page to poll (htmx): its company once synced, and the first
    sync's objects. 286 (htmx: stop polling) once the first sync is over."""
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    async with runtime.engine.connect() as db:
        found = await tenancy.get_connection(db, project_id=opened.project_id, connection_id=connection)
        if found is None or found.linked_user_id != opened.linked_user_id:  # only this link's own connections
            return HTMLResponse("", status_code=404)
        company = await overview.company_name(db, project_id=opened.project_id, connection_id=connection)
        counts = await overview.record_counts(db, project_id=opened.project_id, connection_id=connection)
    done = found.last_sync_at is not None
    return TEMPLATES.TemplateResponse(
        request, "connect/status.html", {"company": company, "records": sum(counts.values()), "done": done},
        status_code=286 if done else 200, headers=pages.page_headers(pages.csp()))


@router.get("/{provider}/start")
async def start(request: Request, runtime: RuntimeDep, provider: str, link: LinkParam,
                embed: EmbedParam = "") -> Response:
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    try:
        started = await flow.start(runtime, opened, provider=provider, embed=embed, token=link,
                                   redirect_uri=str(request.url_for("connect_callback")))
    except flow.FlowFailed as failed:
        return _result(request, ok=False, heading="Cannot connect", message=failed.message, status=failed.status,
                       frame=Frame(origin(opened.return_url), embed), retry_url=_link_url(link, embed),
                       error=failed.code)
    response = RedirectResponse(started.url, status_code=303)
    # Lax: sent on the provider's top-level redirect back to /connect/callback, never on cross-site subrequests.
    response.set_cookie(started.cookie_name, started.cookie_value, max_age=flow.STATE_TTL_SECONDS, path="/connect",
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return response


async def _key_form(runtime: Runtime, link: MagicLink, provider: str) -> tuple[ProviderSpec, KeyForm] | None:
    """The provider's spec and its form, if it is linked with a form of keys and the link's project enabled it
    (otherwise it answers exactly like a provider that does not exist)."""
    found = next((s for s in specs() if s.name == provider), None)
    if found is None or found.key_form is None:
        return None
    async with runtime.engine.connect() as db:
        enabled = await app_credentials.enabled_key_providers(db, project_id=link.project_id)
    return (found, found.key_form) if provider in enabled else None


async def _egress_problems(runtime: Runtime, form: KeyForm, values: dict[str, str]) -> list[FieldError]:
    """The form's URLs that the egress policy refuses (resolved now; the connector's requests are checked again)."""
    policy = egress.EgressPolicy.from_settings(runtime.settings)
    problems = []
    for name in form.url_fields:
        try:
            await policy.check(values[name])
        except egress.EgressRefused as refused:
            problems.append(FieldError(name, str(refused)))
    return problems


def _fields(form: KeyForm) -> list[dict[str, Any]]:
    return [{"name": f, "label": FIELD_LABELS.get(f, f.replace("_", " ").capitalize()), "hint": FIELD_HINTS.get(f),
             "secret": f in form.secret_fields, "url": f in form.url_fields, "plain": f in form.name_fields}
            for f in form.fields]


def _form_page(request: Request, runtime: Runtime, provider: ProviderSpec, form: KeyForm, link: str, *,
               frame: Frame, values: dict[str, str], errors: list[dict[str, str]], refused: str | None = None,
               status: int = 200, project_name: str = "") -> HTMLResponse:
    return _page(request, "connect/credentials.html", status, frame=frame, title=provider.title,
                 provider=provider, mark=mark(provider.name, provider.title), fields=_fields(form), values=values,
                 errors=errors, by_field={e["field"]: e["message"] for e in errors}, refused=refused, link=link,
                 back_url=_link_url(link, frame.embed), project_name=project_name)


@router.get("/{provider}/credentials", response_class=HTMLResponse)
async def credentials_form(request: Request, runtime: RuntimeDep, provider: str, link: LinkParam,
                           embed: EmbedParam = "") -> Response:
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    found = await _key_form(runtime, opened, provider)
    if found is None:
        return _result(request, ok=False, heading="Cannot connect", message="Unknown provider.", status=404,
                       error="unknown_provider")
    return _form_page(request, runtime, *found, link, frame=Frame(origin(opened.return_url), embed), values={},
                      errors=[], project_name=await _project_name(runtime, opened.project_id))


@dataclass(frozen=True)
class _Checked:
    values: dict[str, str]
    problems: list[FieldError]
    refused: str | None = None
    company: str | None = None


async def _check_submitted(request: Request, runtime: Runtime, opened: MagicLink, provider: ProviderSpec,
                           form: KeyForm) -> _Checked:
    """The submitted keys: field by field, then the egress policy, then a login at the provider."""
    submitted = await request.form()
    values = {f: str(submitted.get(f) or "").strip() for f in form.fields}
    problems = form.problems(values)
    if not problems:
        problems = await _egress_problems(runtime, form, values)
    if problems:
        return _Checked(values, problems)
    try:
        company = await check_keys(runtime, project_id=opened.project_id, provider=provider.name,
                                   title=provider.title, credentials=values)
    except KeysRefused as refused:
        return _Checked(values, [], refused.message)
    return _Checked(values, [], company=company)


@router.post("/{provider}/check")
async def credentials_check(request: Request, runtime: RuntimeDep, provider: str,
                            link: Annotated[str, Form()]) -> Response:
    """The form's "Test" button: the same checks as connecting, nothing saved; JSON for ``static/connect.js``."""
    try:
        opened = await open_link(runtime, link)
    except TokenRejected:
        return JSONResponse({"ok": False, "message": "This link is not valid any more. Ask for a new one."}, 403)
    found = await _key_form(runtime, opened, provider)
    if found is None:
        return JSONResponse({"ok": False, "message": "Unknown provider."}, 404)
    checked = await _check_submitted(request, runtime, opened, *found)
    if checked.problems or checked.refused:
        return JSONResponse({"ok": False, "message": checked.refused or "Some fields need fixing.",
                             "errors": [p.as_dict() for p in checked.problems]}, 422)
    return JSONResponse({"ok": True, "company": checked.company or ""})


@router.post("/{provider}/credentials", response_class=HTMLResponse)
async def credentials_submit(
    request: Request, runtime: RuntimeDep, background: BackgroundTasks, provider: str,
    link: Annotated[str, Form()], embed: Annotated[str, Form(pattern="^(1|relay)?$")] = "",
) -> Response:
    # The signed link in the form is what authorises this POST (a forger has no link), so it doubles as CSRF token.
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    found = await _key_form(runtime, opened, provider)
    if found is None:
        return _result(request, ok=False, heading="Cannot connect", message="Unknown provider.", status=404,
                       error="unknown_provider")
    provider_spec, form = found
    frame = Frame(origin(opened.return_url), embed)
    checked = await _check_submitted(request, runtime, opened, provider_spec, form)
    if checked.problems or checked.refused:
        shown = {k: v for k, v in checked.values.items() if k not in form.secret_fields}
        return _form_page(request, runtime, provider_spec, form, link, frame=frame, values=shown,
                          errors=[p.as_dict() for p in checked.problems], refused=checked.refused, status=422,
                          project_name=await _project_name(runtime, opened.project_id))
    values = checked.values
    connection = await connect(runtime, project_id=opened.project_id, provider=provider, credentials=values,
                               account_id=values.get(provider_spec.account_key), linked_user_id=opened.linked_user_id)
    background.add_task(_sync_in_background, runtime, connection)
    if opened.return_url and not embed:
        return RedirectResponse(with_params(opened.return_url, status="connected", connection_ids=str(connection.id)),
                                303)
    return await _connected(request, runtime, frame=frame, link=link, provider=provider_spec, connections=[connection],
                      company=checked.company)


__all__ = ["TEMPLATES", "router"]
