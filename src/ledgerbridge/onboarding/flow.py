"""The OAuth2 authorization-code flow, from our side: build the authorize URL, take the callback, store tokens.

``state`` is the id of an ``oauth_flows`` row, signed and short-lived; the row (scoped to its project) holds the
PKCE verifier and the return URL sealed, so neither travels through the browser. The callback marks the row used
in the same statement that checks it, so a replayed ``state`` (even a valid one) is refused. The flow is also bound
to the browser that started it: starting sets a cookie only that browser holds (:class:`Started`), and a callback
without it is refused before the flow is claimed — so a victim lured onto an attacker's callback URL links
nothing, and the attacker cannot burn the victim's own flow. The accounts linked are the ones the new token is
confirmed to reach (QuickBooks: the callback's ``realmId`` read with the token; Xero: the token's own
``/connections``), before anything is stored: a forged account id links and overwrites nothing. Token exchange
and PKCE are authlib's; errors are answered with a :class:`FlowFailed` carrying a message meant for the user,
never a token.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from authlib.common.errors import AuthlibBaseError
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client

from ledgerbridge.connect import connect
from ledgerbridge.connectors import spec, specs
from ledgerbridge.connectors.provider_spec import Grant, GrantRefused, GrantUnreadable, OAuth2, ProviderSpec
from ledgerbridge.onboarding import app_credentials
from ledgerbridge.onboarding.magic_links import MagicLink
from ledgerbridge.onboarding.signing import Signer, TokenRejected
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import connection_status, events, oauth_flows, tenancy

log = logging.getLogger("ledgerbridge.onboarding")

STATE_KIND = "oauth-state"
BROWSER_KIND = "oauth-browser"
STATE_TTL_SECONDS = 600  # the user has ten minutes on the provider's consent page

DENIED_MESSAGES = {
    "access_denied": "You declined to give access, so nothing was connected.",
    "invalid_grant": "The provider did not accept the authorization (it may have expired or been used already). "
    "Please start again.",
}


class FlowFailed(Exception):
    """The flow stopped; ``message`` is safe to show the user, ``return_url`` is where they came from."""

    def __init__(self, code: str, message: str, *, return_url: str | None = None, status: int = 400,
                 link: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.return_url = return_url
        self.status = status
        self.link = link  # the magic link the flow started from, when known: the page offers to try again
        self.embed = ""  # how the connect page that started the flow was embedded ("", "1", "relay")


@dataclass(frozen=True)
class Started:
    """Where to send the browser, and the cookie that binds this flow to it (set it on the same response)."""

    url: str
    cookie_name: str
    cookie_value: str


def _cookie_name(flow_id: uuid.UUID) -> str:
    return f"lb_connect_{flow_id.hex[:16]}"  # one per flow, so two tabs connecting at once do not collide


@dataclass(frozen=True)
class Linked:
    connections: list[tenancy.Connection]
    return_url: str | None
    #: how the connect page that started the flow was embedded ("1": a frame or popup of the embedder, "relay": a
    #: popup of that frame); when it was, the callback answers with a page, not a redirect
    embed: str = ""
    link: str | None = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _oauth_spec(provider: str) -> ProviderSpec | None:
    """The provider's spec, if it is registered and linked with OAuth."""
    found = next((s for s in specs() if s.name == provider), None)
    return found if found is not None and found.oauth is not None else None


def _client(runtime: Runtime, provider: str, app: dict[str, Any], oauth: OAuth2,
            redirect_uri: str) -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        client_id=app["client_id"],
        client_secret=app["client_secret"],
        scope=oauth.scope,
        redirect_uri=redirect_uri,
        code_challenge_method="S256" if oauth.pkce else None,
        token_endpoint_auth_method="client_secret_basic",
        transport=runtime.http.transport(provider),
    )


async def start(runtime: Runtime, link: MagicLink, *, provider: str, redirect_uri: str, embed: str = "",
                token: str | None = None) -> Started:
    """The provider's authorize URL for this link's user; records the pending flow. ``token`` (the signed magic
    link) and ``embed`` travel sealed with the flow, so its last page can offer a retry and talk to an embedder."""
    provider_spec = _oauth_spec(provider)
    if provider_spec is None or provider_spec.oauth is None:
        raise FlowFailed("unknown_provider", f"Unknown provider {provider!r}.", return_url=link.return_url, status=404)
    async with runtime.engine.begin() as db:
        app = await app_credentials.load(db, runtime.sealer, project_id=link.project_id, provider=provider)
        if app is None:
            raise FlowFailed("not_configured", f"This project has not set up {provider_spec.title}.",
                             return_url=link.return_url, status=404)
        oauth = provider_spec.oauth.with_app(app)
        flow_id = uuid.uuid4()
        verifier = generate_token(64) if oauth.pkce else None
        await oauth_flows.create(
            db, project_id=link.project_id, flow_id=flow_id, linked_user_id=link.linked_user_id, provider=provider,
            expires_at=_now() + dt.timedelta(seconds=STATE_TTL_SECONDS),
            secret=runtime.sealer.seal({"verifier": verifier, "return_url": link.return_url,
                                        "redirect_uri": redirect_uri, "embed": embed, "link": token},
                                       bound_to=str(flow_id)),
        )
    state = Signer(runtime.settings, STATE_KIND).dumps(str(flow_id))
    client = _client(runtime, provider, app, oauth, redirect_uri)
    try:
        url, _ = client.create_authorization_url(oauth.authorize_url, state=state, code_verifier=verifier)
    finally:
        await client.aclose()
    browser = Signer(runtime.settings, BROWSER_KIND).dumps(str(flow_id))
    return Started(str(url), _cookie_name(flow_id), browser)


def _flow_id(runtime: Runtime, state: str, cookies: Mapping[str, str]) -> uuid.UUID:
    """The flow named by a genuine, live ``state``, if this browser is the one that started it."""
    try:
        flow_id = uuid.UUID(Signer(runtime.settings, STATE_KIND).loads(state, max_age=STATE_TTL_SECONDS))
    except (TokenRejected, ValueError, TypeError) as exc:
        reason = exc.reason if isinstance(exc, TokenRejected) else "invalid"
        raise FlowFailed("invalid_state", f"This authorization link is {reason}. Please start again.") from exc
    try:
        bound = Signer(runtime.settings, BROWSER_KIND).loads(cookies.get(_cookie_name(flow_id), ""),
                                                             max_age=STATE_TTL_SECONDS)
    except TokenRejected:
        bound = None
    if bound != str(flow_id):
        raise FlowFailed("wrong_browser", "This authorization was started in another browser. Please open your "
                         "link again in this one.", status=403)
    return flow_id


async def _claim(runtime: Runtime, flow_id: uuid.UUID) -> oauth_flows.Flow:
    """The flow, marked used; refuses flows used before or expired."""
    async with runtime.engine.begin() as db:
        flow = await oauth_flows.claim(db, flow_id, now=_now())
    if flow is None:  # used before, or unknown: either way this request must not link anything
        raise FlowFailed("invalid_state", "This authorization was already used or has expired. Please start again.")
    return flow


def _credentials(provider_spec: ProviderSpec, oauth: OAuth2, app: dict[str, Any], token: dict[str, Any],
                 account: str) -> dict[str, Any]:
    expires_at = token.get("expires_at") or (time.time() + float(token.get("expires_in", 3600)))
    return {
        "client_id": app["client_id"],
        "client_secret": app["client_secret"],
        "access_token": token["access_token"],
        "refresh_token": token.get("refresh_token"),
        "expires_at": expires_at,
        provider_spec.account_key: account,
        "api_base": oauth.api_base,
        "token_url": oauth.token_url,
    }


async def _link(runtime: Runtime, flow: oauth_flows.Flow, credentials: dict[str, Any],
                account: str) -> tenancy.Connection:
    """Create the connection, or refresh the credentials of the project's existing one to the same company."""
    project_id, provider = flow.project_id, flow.provider
    async with runtime.engine.begin() as db:
        existing = await connection_status.connection_for_account(db, project_id=project_id, provider=provider,
                                                                  account_id=account)
        if existing is not None:
            await tenancy.save_credentials(db, runtime.sealer, project_id=project_id, connection_id=existing,
                                           credentials=credentials)
            await connection_status.set_status(db, project_id=project_id, connection_id=existing, status="valid")
            await events.record(db, project_id=project_id, connection_id=existing, type="connection.updated",
                                detail={"provider": provider, "connection_id": str(existing)})
            found = await tenancy.get_connection(db, project_id=project_id, connection_id=existing)
            assert found is not None
            return found
    return await connect(runtime, project_id=project_id, provider=provider, credentials=credentials,
                         account_id=account, linked_user_id=flow.linked_user_id)


async def complete(runtime: Runtime, params: Mapping[str, str], cookies: Mapping[str, str]) -> Linked:
    """Handle the provider's redirect back to us (``code`` + ``state``, or ``error`` + ``state``)."""
    flow = await _claim(runtime, _flow_id(runtime, params.get("state", ""), cookies))
    secret = runtime.sealer.open(flow.secret, bound_to=str(flow.id))
    try:
        return await _complete(runtime, flow, secret, params)
    except FlowFailed as failed:
        failed.link = secret.get("link")
        failed.embed = str(secret.get("embed") or "")
        raise


async def _complete(runtime: Runtime, flow: oauth_flows.Flow, secret: dict[str, Any],
                    params: Mapping[str, str]) -> Linked:
    return_url = secret.get("return_url")
    project_id, provider = flow.project_id, flow.provider
    provider_spec = spec(provider)
    assert provider_spec.oauth is not None  # a flow is only started for an OAuth provider
    if params.get("error") or not params.get("code"):
        error = params.get("error") or "invalid_request"
        await _record_failure(runtime, project_id, provider, error)
        message = DENIED_MESSAGES.get(error, f"{provider_spec.title} answered: {error}.")
        raise FlowFailed(error, message, return_url=return_url)
    async with runtime.engine.connect() as db:
        app = await app_credentials.load(db, runtime.sealer, project_id=project_id, provider=provider)
    if app is None:
        raise FlowFailed("not_configured", "This project no longer has this provider set up.", return_url=return_url)
    oauth = provider_spec.oauth.with_app(app)
    client = _client(runtime, provider, app, oauth, secret["redirect_uri"])
    try:
        token = await client.fetch_token(oauth.token_url, code=params["code"], code_verifier=secret.get("verifier"),
                                         grant_type="authorization_code")
    except AuthlibBaseError as exc:
        await _record_failure(runtime, project_id, provider, exc.error or "token_error")
        message = DENIED_MESSAGES.get(exc.error or "",
                                      f"{provider_spec.title} refused the authorization ({exc.error}).")
        raise FlowFailed(exc.error or "token_error", message, return_url=return_url) from exc
    finally:
        await client.aclose()
    try:
        accounts = await oauth.granted_accounts(Grant(oauth, dict(token), params, runtime.http.client(provider)))
    except GrantRefused as exc:  # the callback named an account the token cannot reach: store nothing
        await _record_failure(runtime, project_id, provider, "account_not_granted")
        raise FlowFailed("account_not_granted", str(exc), return_url=return_url, status=403) from None
    except GrantUnreadable as exc:
        raise FlowFailed("provider_error", str(exc), return_url=return_url, status=502) from None
    if not accounts:
        await _record_failure(runtime, project_id, provider, "no_company")
        raise FlowFailed("no_company", f"No {provider_spec.title} company was granted.", return_url=return_url)
    linked = [await _link(runtime, flow, _credentials(provider_spec, oauth, app, dict(token), account), account)
              for account in accounts]
    return Linked(linked, return_url, embed=str(secret.get("embed") or ""), link=secret.get("link"))


async def _record_failure(runtime: Runtime, project_id: uuid.UUID, provider: str, error: str) -> None:
    async with runtime.engine.begin() as db:
        await events.record(db, project_id=project_id, connection_id=None, type="connection.failed",
                            status="error", detail={"provider": provider, "error": error})


async def disconnect(runtime: Runtime, *, project_id: uuid.UUID, connection_id: uuid.UUID) -> bool:
    """Revoke the grant at the provider (best effort) and mark the connection revoked, tokens wiped."""
    async with runtime.engine.connect() as db:
        found = await tenancy.get_connection(db, project_id=project_id, connection_id=connection_id)
        app = None if found is None else await app_credentials.load(
            db, runtime.sealer, project_id=project_id, provider=found.provider)
    if found is None:
        return False
    credentials = runtime.sealer.open(found.sealed_credentials, bound_to=str(found.id))
    provider_spec = _oauth_spec(found.provider)
    if provider_spec is not None and provider_spec.oauth is not None and credentials.get("refresh_token"):
        await _revoke(runtime, found, provider_spec.oauth.with_app(app), credentials)
    async with runtime.engine.begin() as db:
        await tenancy.save_credentials(db, runtime.sealer, project_id=project_id, connection_id=connection_id,
                                       credentials={})
        await connection_status.set_status(db, project_id=project_id, connection_id=connection_id, status="revoked")
        await events.record(db, project_id=project_id, connection_id=connection_id, type="connection.revoked",
                            detail={"provider": found.provider, "connection_id": str(connection_id)})
    return True


async def _revoke(runtime: Runtime, found: tenancy.Connection, oauth: OAuth2, credentials: dict[str, Any]) -> None:
    """Revoke the refresh token at the provider; a failure is logged, never raised (we forget the tokens anyway)."""
    auth = (credentials["client_id"], credentials["client_secret"])
    http = runtime.http.client(found.provider)
    token = credentials["refresh_token"]
    try:
        if oauth.revoke_json:
            response = await http.post(oauth.revoke_url, json={"token": token}, auth=auth)
        else:
            response = await http.post(oauth.revoke_url, data={"token": token, "token_type_hint": "refresh_token"},
                                       auth=auth)
        if response.status_code >= 400:
            log.warning("revoking %s connection %s: provider answered %s", found.provider, found.id,
                        response.status_code)
    except Exception as exc:
        log.warning("revoking %s connection %s failed: %s", found.provider, found.id, type(exc).__name__)
