"""Per-provider OAuth settings: production endpoints, overridable per project (the demo and tests point them
at the sandboxes), and how each provider says which company was granted."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

#: providers linked with a form of keys/passwords instead of OAuth
KEY_BASED = {"tryton": ("url", "database", "username", "password")}


@dataclass(frozen=True)
class OAuthProvider:
    name: str
    title: str
    authorize_url: str
    token_url: str
    revoke_url: str
    api_base: str
    scope: str
    pkce: bool
    #: Xero lists granted tenants at ``connections_url``; QuickBooks names the realm in the callback (``realmId``)
    connections_url: str | None = None
    #: how the revoke endpoint wants the token: QuickBooks takes JSON, Xero (RFC 7009) a form
    revoke_json: bool = False


DEFAULTS: dict[str, OAuthProvider] = {
    "quickbooks": OAuthProvider(
        name="quickbooks",
        title="QuickBooks Online",
        authorize_url="https://appcenter.intuit.com/connect/oauth2",
        token_url="https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
        revoke_url="https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
        api_base="https://quickbooks.api.intuit.com/v3",
        scope="com.intuit.quickbooks.accounting",
        pkce=False,  # Intuit does not document PKCE for confidential clients
        revoke_json=True,
    ),
    "xero": OAuthProvider(
        name="xero",
        title="Xero",
        authorize_url="https://login.xero.com/identity/connect/authorize",
        token_url="https://identity.xero.com/connect/token",
        revoke_url="https://identity.xero.com/connect/revocation",
        api_base="https://api.xero.com/api.xro/2.0",
        scope="openid profile email offline_access accounting.transactions accounting.contacts "
        "accounting.settings accounting.journals.read",
        pkce=True,
        connections_url="https://api.xero.com/connections",
    ),
}

OVERRIDABLE = ("authorize_url", "token_url", "revoke_url", "api_base", "connections_url", "scope")


def oauth_provider(name: str, app: dict[str, Any] | None = None) -> OAuthProvider:
    """The provider's settings with the project's app overrides (any of :data:`OVERRIDABLE`) applied."""
    base = DEFAULTS[name]
    overrides = {key: app[key] for key in OVERRIDABLE if app and app.get(key)}
    return replace(base, **overrides)


def sandbox_endpoints(name: str, base_url: str) -> dict[str, str]:
    """Overrides that aim a provider at its Ledgerbridge sandbox served at ``base_url`` (demo and tests)."""
    base_url = base_url.rstrip("/")
    if name == "quickbooks":
        return {
            "authorize_url": f"{base_url}/connect/oauth2",
            "token_url": f"{base_url}/oauth2/v1/tokens/bearer",
            "revoke_url": f"{base_url}/oauth2/v1/tokens/revoke",
            "api_base": f"{base_url}/v3",
        }
    if name == "xero":
        return {
            "authorize_url": f"{base_url}/identity/connect/authorize",
            "token_url": f"{base_url}/identity/connect/token",
            "revoke_url": f"{base_url}/identity/connect/revocation",
            "api_base": f"{base_url}/api.xro/2.0",
            "connections_url": f"{base_url}/connections",
        }
    raise KeyError(name)
