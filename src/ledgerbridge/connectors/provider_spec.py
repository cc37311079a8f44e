"""What the rest of Ledgerbridge knows about a provider: one :class:`ProviderSpec`, exported by the provider's
package as ``SPEC`` (in ``connectors/<provider>/spec.py``) and registered with one line in
:mod:`ledgerbridge.connectors`.

Onboarding, the connect page, passthrough, the demo, the CLI and the dashboard read specs and never name a
provider. Nothing heavy is imported here: the connector class, the sandbox and optional dependencies are loaded
only when they are used.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from ledgerbridge.errors import FieldError

if TYPE_CHECKING:
    import httpx
    from starlette.types import ASGIApp

    from ledgerbridge.connectors.base import ConnectionContext, Connector
    from ledgerbridge.connectors.http import ProviderHttp


# --- auth: OAuth2 ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grant:
    """What an OAuth callback brought: the token, the callback's query, and a client aimed at the provider."""

    oauth: OAuth2
    token: Mapping[str, Any]
    params: Mapping[str, str]
    http: httpx.AsyncClient


class GrantUnreadable(Exception):
    """The provider did not say which accounts the user granted; the message is safe to show the user."""


class GrantRefused(Exception):
    """The account the callback named is not one the new token can reach (a forged or mixed-up callback): nothing
    may be stored. The message is safe to show the user."""


#: reads the accounts (companies, organisations) a grant covers, after the callback; every account it returns
#: must have been confirmed with the token itself, never taken from the callback's query on trust
AccountReader = Callable[[Grant], Awaitable[list[str]]]


_ACCOUNT_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def account_from_callback(param: str, *, probe: Callable[[str], str], title: str) -> AccountReader:
    """For providers that name the one granted account in the callback's query (QuickBooks' ``?realmId=…``).

    The query comes through the user's browser, so it is not trusted: the account is confirmed by reading
    ``probe(account)`` (a path under the API base) with the new token. The provider ties tokens to accounts, so a
    forged or swapped id is refused there (401/403) and :class:`GrantRefused` stops the flow before anything is
    stored.
    """

    async def read(grant: Grant) -> list[str]:
        account = grant.params.get(param, "")
        if not account:
            return []
        if not _ACCOUNT_ID.match(account):
            raise GrantRefused(f"{title} named a company this authorization does not cover, so nothing was connected.")
        response = await grant.http.get(f"{grant.oauth.api_base.rstrip('/')}/{probe(account)}",
                                        headers={"Authorization": f"Bearer {grant.token['access_token']}",
                                                 "Accept": "application/json"})
        if response.status_code in (401, 403, 404):
            raise GrantRefused(f"{title} named a company this authorization does not cover, so nothing was connected.")
        if response.status_code != 200:
            raise GrantUnreadable(f"{title} did not confirm the company you granted.")
        return [account]

    return read


@dataclass(frozen=True)
class OAuth2:
    """An authorization-code flow. Production endpoints; a project's own app may override any of
    :attr:`OVERRIDABLE` (the demo and the tests aim them at the sandboxes)."""

    authorize_url: str
    token_url: str
    revoke_url: str
    api_base: str
    scope: str
    pkce: bool
    granted_accounts: AccountReader
    #: where the provider lists the accounts a token may reach (when the callback does not name them)
    connections_url: str | None = None
    #: how the revoke endpoint wants the token: JSON ``{"token"}``, else an RFC 7009 form
    revoke_json: bool = False

    OVERRIDABLE: ClassVar[tuple[str, ...]] = (
        "authorize_url", "token_url", "revoke_url", "api_base", "connections_url", "scope")
    token_type: ClassVar[str] = "oauth2"  # as GET /connections reports it
    #: the credentials key holding the API base URL of a connection
    base_url_key: ClassVar[str] = "api_base"

    def with_app(self, app: Mapping[str, Any] | None) -> OAuth2:
        """These settings with a project app's overrides applied."""
        overrides = {key: app[key] for key in self.OVERRIDABLE if app and app.get(key)}
        return replace(self, **overrides)


# --- auth: a form of keys -------------------------------------------------------------------------------------


#: a name that can travel as one URL path segment as it is (a Tryton database): no ``/``, ``?``, ``#``, ``%``, ``..``
_PLAIN_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$")


@dataclass(frozen=True)
class KeyForm:
    """A provider linked by typing its keys (server URL, database, user, password) into the connect page; the
    values become the connection's credentials as they are.

    The server URL is chosen by whoever holds the connect link, so the form is offered only on the connect pages
    of projects that enabled the provider, and the URL must pass the egress policy (:mod:`ledgerbridge.egress`,
    checked by the connect page); fields that end up in URL paths must be plain names.
    """

    fields: tuple[str, ...]
    #: fields that must be http(s) URLs
    url_fields: tuple[str, ...] = ()
    #: fields that must be plain names (they are put into URL paths, so they must not be able to change them)
    name_fields: tuple[str, ...] = ()
    #: fields never shown back on the form (after a refused submission)
    secret_fields: tuple[str, ...] = ()
    #: the credentials key holding the provider's base URL
    base_url_key: str = "url"

    token_type: ClassVar[str] = "basic"

    def problems(self, values: Mapping[str, str]) -> list[FieldError]:
        errors = [FieldError(name, "is required") for name in self.fields if not values.get(name)]
        for name in self.url_fields:
            value = values.get(name)
            if not value:
                continue
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                errors.append(FieldError(name, "must be an http(s) URL"))
            elif parts.username is not None or parts.query or parts.fragment:
                errors.append(FieldError(name, "must be a plain server URL, without credentials, query or fragment"))
        for name in self.name_fields:
            value = values.get(name)
            if value and (not _PLAIN_NAME.match(value) or ".." in value):
                errors.append(FieldError(name, "must be a plain name: letters, digits, '_', '-' and '.'"))
        return errors


# --- passthrough ----------------------------------------------------------------------------------------------

#: (connection context, provider HTTP) → (httpx auth, headers every passthrough request carries)
PassthroughAuth = Callable[
    ["ConnectionContext", "ProviderHttp"], Awaitable[tuple["httpx.Auth | None", dict[str, str]]]
]


def bearer(headers: Callable[[Mapping[str, Any]], dict[str, str]] | None = None) -> PassthroughAuth:
    """OAuth2 bearer tokens that refresh themselves, plus ``headers(credentials)`` (a tenant header, say)."""

    async def authenticate(context: ConnectionContext, http: ProviderHttp) -> tuple[httpx.Auth | None, dict[str, str]]:
        from ledgerbridge.connectors.oauth import RefreshingAuth

        auth = RefreshingAuth(context, transport=http.transport(context.provider))
        return auth, ({} if headers is None else headers(context.credentials))

    return authenticate


@dataclass(frozen=True)
class Passthrough:
    """How ``POST /passthrough`` authenticates to the provider."""

    auth: PassthroughAuth
    #: headers the provider reads to pick the account: set from the connection only, never by the caller
    reserved_headers: frozenset[str] = frozenset()


# --- sandbox --------------------------------------------------------------------------------------------------


def _nothing() -> None:
    return None


@dataclass
class DemoSandbox:
    """A provider sandbox started and seeded for ``ledgerbridge demo``."""

    #: the seeded account the demo connects to (a realm, a tenant, a database…)
    account_id: str
    #: the sandbox's URL (where the demo serves :attr:`app`) → credentials of a connection to the account
    credentials: Callable[[str], dict[str, Any]]
    #: served by the demo under ``/sandbox/<provider>`` when given (else the sandbox serves itself)
    app: ASGIApp | None = None
    #: (sandbox URL, our OAuth callback URL) → a project's provider-app settings aimed at the sandbox, for the
    #: hosted connect page; registers the callback with the sandbox
    oauth_app: Callable[[str, str], dict[str, Any]] | None = None
    stop: Callable[[], None] = _nothing
    #: our notification receiver's URL → the key to verify with: the sandbox starts sending change notifications
    #: there, signed with that key, as the provider would to the URL configured for the app
    notifications: Callable[[str], str] | None = None


def oauth_demo(
    sandbox: Any,
    account_id: str,
    *,
    client: tuple[str, str],
    app: ASGIApp,
    credentials: Callable[[Any, str, str], dict[str, Any]],
    endpoints: Callable[[str], dict[str, str]],
    extra: Mapping[str, Any] | None = None,
    notifications: Callable[[str], str] | None = None,
    stop: Callable[[], None] = _nothing,
) -> DemoSandbox:
    """The demo of an OAuth2 provider's sandbox: connections to ``account_id`` (``credentials(sandbox, account,
    url)`` plus ``extra``), and the provider app of the hosted connect page — the demo ``client`` with
    ``endpoints(url)``, whose callback is registered with the sandbox."""

    def oauth_app(url: str, callback: str) -> dict[str, Any]:
        sandbox.register_client(*client, redirect_uris=[callback])
        return {"client_id": client[0], "client_secret": client[1], **endpoints(url)}

    return DemoSandbox(
        account_id=account_id,
        credentials=lambda url: {**credentials(sandbox, account_id, url), **(extra or {})},
        app=app,
        oauth_app=oauth_app,
        notifications=notifications,
        stop=stop,
    )


@dataclass(frozen=True)
class Sandbox:
    """The provider's local stand-in, for the demo and the tests."""

    #: (data dir, time scale) → a started, seeded sandbox; restarting on the same data dir keeps its data
    demo: Callable[[Path, float], DemoSandbox]
    #: a sandbox object → the ASGI app serving it
    app: Callable[[Any], ASGIApp] | None = None
    #: (sandbox object, account, URL it is served at) → credentials of a connection to that account
    credentials: Callable[[Any, str, str], dict[str, Any]] | None = None
    #: URL a sandbox is served at → the :class:`OAuth2` overrides that aim a provider app at it
    endpoints: Callable[[str], dict[str, str]] | None = None
    #: takes long to start (a real server): the demo leaves it out unless asked
    slow: bool = False


# --- optional dependencies ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Extra:
    """A pip extra (``pip install 'ledgerbridge[name]'``) the provider's sandbox needs."""

    name: str
    #: importable once the extra is installed
    modules: tuple[str, ...]

    def installed(self) -> bool:
        return all(importlib.util.find_spec(module) is not None for module in self.modules)


# --- change notifications (webhooks from the provider) ---------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """One change a provider notified: which record of which account, to fetch again."""

    account_id: str  # the realm, tenant… (a connection's ``account_id``)
    objects: tuple[str, ...]  # unified objects the record may be (a Xero credit note: credit_note or vendor_credit)
    remote_key: str
    #: unique per change, the same when the provider sends it again (deduplication)
    dedupe_key: str
    #: when the provider says the change happened, if it says (lets a change feed be asked from then)
    changed_at: dt.datetime | None = None


@dataclass(frozen=True)
class Notifications:
    """How a provider pushes change notifications: the header carrying the signature, how it is checked with
    the app's key (verifier token, webhook key…), and how a verified body becomes :class:`Notice` s."""

    signature_header: str
    #: (raw body, signature header value, key) → whether the signature is the provider's
    verify: Callable[[bytes, str, str], bool]
    #: raw body → notices (ValueError when unreadable); an empty list for a handshake
    parse: Callable[[bytes], list[Notice]]
    #: what the provider calls the key, for people
    key_name: str = "key"
    #: the unified objects whose every change, deletions included, the provider notifies: while notifications
    #: flow, polling them may back off to the project's pull frequency (the others stay polled more often)
    objects: frozenset[str] = frozenset()


# --- the spec -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProviderSpec:
    name: str  # the provider slug in the API (``provider_slug``, demo.json, CLI arguments)
    title: str  # for people: the connect page, messages
    #: ``"module:Class"`` of the connector, imported on first use
    connector: str
    auth: OAuth2 | KeyForm
    #: the credentials key naming the provider account a connection reaches (realm_id, tenant_id, database…)
    account_key: str
    passthrough: Passthrough
    sandbox: Sandbox | None = None
    extra: Extra | None = None
    notifications: Notifications | None = None
    #: one line for people choosing it on the connect page
    description: str = ""

    def connector_class(self) -> type[Connector]:
        module_name, _, class_name = self.connector.partition(":")
        return getattr(importlib.import_module(module_name), class_name)  # type: ignore[no-any-return]

    @property
    def oauth(self) -> OAuth2 | None:
        return self.auth if isinstance(self.auth, OAuth2) else None

    @property
    def key_form(self) -> KeyForm | None:
        return self.auth if isinstance(self.auth, KeyForm) else None

    def installed(self) -> bool:
        """Whether everything the provider's sandbox needs is importable."""
        return self.extra is None or self.extra.installed()

    def base_url(self, credentials: Mapping[str, Any]) -> str | None:
        """The provider API base URL a connection's credentials name (None when they name none)."""
        value = credentials.get(self.auth.base_url_key)
        return str(value) if value else None

    def api_base(self, credentials: Mapping[str, Any]) -> str | None:
        """Where passthrough requests go: the credentials' base URL, else the provider's production API."""
        return self.base_url(credentials) or (self.auth.api_base if isinstance(self.auth, OAuth2) else None)
