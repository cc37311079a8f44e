"""The hosted connect page ("magic link"): pick a provider, consent at the provider, come back connected.

Every page here is authorised by the signed link alone (see :mod:`ledgerbridge.onboarding.magic_links`), and
nothing sealed is ever rendered: the provider's client id only appears in the redirect to the provider.

A provider linked with a form of keys (Tryton) takes its server URL from whoever holds the link, so its form is
offered, shown and accepted only where the project enabled that provider, and the URL must pass the egress policy
(:mod:`ledgerbridge.egress`): an internal address is a 422 naming the field, and nothing is connected or sent.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from fastapi import APIRouter, BackgroundTasks, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ledgerbridge import egress
from ledgerbridge.api import pages
from ledgerbridge.api.deps import RuntimeDep
from ledgerbridge.connect import connect
from ledgerbridge.connectors import specs
from ledgerbridge.connectors.provider_spec import KeyForm, ProviderSpec
from ledgerbridge.errors import FieldError
from ledgerbridge.onboarding import app_credentials, flow
from ledgerbridge.onboarding.magic_links import MagicLink, open_link
from ledgerbridge.onboarding.signing import TokenRejected
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy
from ledgerbridge.sync.engine import sync_connection

log = logging.getLogger("ledgerbridge.connect")

TEMPLATES = pages.TEMPLATES

router = APIRouter(prefix="/connect", tags=["Connect"], include_in_schema=False)

LinkParam = Annotated[str, Query(description="The signed magic link token")]


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status,
                                      headers=pages.page_headers(pages.csp()))


def _result(request: Request, *, ok: bool, heading: str, message: str, back_url: str | None = None,
            status: int = 200) -> HTMLResponse:
    return _page(request, "connect/result.html", status, ok=ok, heading=heading, message=message, back_url=back_url)


def with_params(url: str, **params: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode(parse_qsl(parts.query) + list(params.items()))))


async def _link_or_page(request: Request, runtime: Runtime, token: str) -> MagicLink | HTMLResponse:
    try:
        return await open_link(runtime, token)
    except TokenRejected as rejected:
        message = ("This link has expired. Ask for a new one." if rejected.reason == "expired"
                   else "This link is not valid. Ask for a new one.")
        return _result(request, ok=False, heading="Link refused", message=message, status=403)


async def _sync_in_background(runtime: Runtime, connection: tenancy.Connection) -> None:
    try:
        await sync_connection(runtime, connection)
    except Exception:  # the connection exists either way; its sync state records the failure for the dashboard
        log.exception("initial sync of connection %s failed", connection.id)


@router.get("", response_class=HTMLResponse)
async def connect_page(request: Request, runtime: RuntimeDep, link: LinkParam) -> Response:
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    async with runtime.engine.connect() as db:
        configured = await app_credentials.configured(db, project_id=opened.project_id)
    query = urlencode({"link": link})
    # OAuth providers the project has an app for, then the providers linked with a form of keys it enabled.
    providers = [{"name": s.name, "title": s.title, "href": f"/connect/{s.name}/start?{query}"}
                 for s in specs() if s.oauth is not None and s.name in configured]
    providers += [{"name": s.name, "title": s.title, "href": f"/connect/{s.name}/credentials?{query}"}
                  for s in specs() if s.key_form is not None and s.name in configured]
    return _page(request, "connect/choose.html", providers=providers, return_url=opened.return_url)


@router.get("/callback", name="connect_callback", response_class=HTMLResponse)
async def callback(request: Request, runtime: RuntimeDep, background: BackgroundTasks) -> Response:
    try:
        linked = await flow.complete(runtime, request.query_params, request.cookies)
    except flow.FlowFailed as failed:
        back = None if failed.return_url is None else with_params(failed.return_url, error=failed.code)
        return _result(request, ok=False, heading="Not connected", message=failed.message, back_url=back,
                       status=failed.status)
    for connection in linked.connections:
        background.add_task(_sync_in_background, runtime, connection)
    if linked.return_url:
        ids = ",".join(str(c.id) for c in linked.connections)
        return RedirectResponse(with_params(linked.return_url, status="connected", connection_ids=ids), 303)
    return _result(request, ok=True, heading="Connected", message="Your account is connected. You may close this page.")


@router.get("/{provider}/start")
async def start(request: Request, runtime: RuntimeDep, provider: str, link: LinkParam) -> Response:
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    try:
        started = await flow.start(runtime, opened, provider=provider,
                                   redirect_uri=str(request.url_for("connect_callback")))
    except flow.FlowFailed as failed:
        return _result(request, ok=False, heading="Cannot connect", message=failed.message, status=failed.status)
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


def _form_page(request: Request, provider: ProviderSpec, form: KeyForm, link: str, *, values: dict[str, str],
               errors: list[dict[str, str]], status: int = 200) -> HTMLResponse:
    return _page(request, "connect/credentials.html", status, title=provider.title, fields=form.fields,
                 secret_fields=form.secret_fields, values=values, errors=errors, link=link)


@router.get("/{provider}/credentials", response_class=HTMLResponse)
async def credentials_form(request: Request, runtime: RuntimeDep, provider: str, link: LinkParam) -> Response:
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    found = await _key_form(runtime, opened, provider)
    if found is None:
        return _result(request, ok=False, heading="Cannot connect", message="Unknown provider.", status=404)
    return _form_page(request, *found, link, values={}, errors=[])


@router.post("/{provider}/credentials", response_class=HTMLResponse)
async def credentials_submit(
    request: Request, runtime: RuntimeDep, background: BackgroundTasks, provider: str,
    link: Annotated[str, Form()],
) -> Response:
    # The signed link in the form is what authorises this POST (a forger has no link), so it doubles as CSRF token.
    opened = await _link_or_page(request, runtime, link)
    if isinstance(opened, HTMLResponse):
        return opened
    found = await _key_form(runtime, opened, provider)
    if found is None:
        return _result(request, ok=False, heading="Cannot connect", message="Unknown provider.", status=404)
    provider_spec, form = found
    submitted = await request.form()
    values = {f: str(submitted.get(f) or "").strip() for f in form.fields}
    problems = form.problems(values)
    if not problems:
        problems = await _egress_problems(runtime, form, values)
    if problems:
        shown = {k: v for k, v in values.items() if k not in form.secret_fields}
        return _form_page(request, provider_spec, form, link, values=shown,
                          errors=[p.as_dict() for p in problems], status=422)
    connection = await connect(runtime, project_id=opened.project_id, provider=provider, credentials=values,
                               account_id=values.get(provider_spec.account_key), linked_user_id=opened.linked_user_id)
    background.add_task(_sync_in_background, runtime, connection)
    if opened.return_url:
        return RedirectResponse(with_params(opened.return_url, status="connected", connection_ids=str(connection.id)),
                                303)
    return _result(request, ok=True, heading="Connected", message="Your account is connected.")


__all__ = ["TEMPLATES", "router"]
