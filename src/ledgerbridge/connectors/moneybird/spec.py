"""Moneybird, as the rest of Ledgerbridge sees it: its OAuth2 endpoints, the administration a connection reaches,
passthrough with the bearer token, and the local sandbox the demo and the tests use.

Moneybird's OpenAPI document declares only ``bearerAuth``: the OAuth endpoints (``/oauth/authorize``,
``/oauth/token``, ``/oauth/revoke``) are from providers.md and Moneybird's Doorkeeper-based server, not from the
contract (unverified). Scopes are Moneybird's (``sales_invoices documents settings …``). The administrations a
token reaches are listed at ``GET /api/v2/administrations.json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledgerbridge.connectors.provider_spec import (
    DemoSandbox,
    Grant,
    GrantUnreadable,
    OAuth2,
    Passthrough,
    ProviderSpec,
    Sandbox,
    bearer,
    oauth_demo,
)

DEMO_ADMINISTRATION = "Ledgerbridge Demo B.V."
DEMO_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")
SCOPE = "sales_invoices documents settings bank"
API_PREFIX = "/api/v2"


async def granted_administrations(grant: Grant) -> list[str]:
    """The administrations the new token reaches (Moneybird grants a user's administrations, not a choice)."""
    response = await grant.http.get(f"{grant.oauth.api_base.rstrip('/')}/administrations.json",
                                    headers={"Authorization": f"Bearer {grant.token['access_token']}",
                                             "Accept": "application/json"})
    if response.status_code != 200:
        raise GrantUnreadable("Moneybird did not list the administrations you granted.")
    return [str(a["id"]) for a in response.json()]


def sandbox_credentials(sandbox: Any, administration_id: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``administration_id`` of a Moneybird sandbox served at ``base_url``."""
    client_id, client_secret = DEMO_CLIENT
    sandbox.register_client(client_id, client_secret)
    tokens = sandbox.issue_tokens(client_id)
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "token_auth_method": "client_secret_post",
        "administration_id": administration_id,
        "api_base": f"{base_url}{API_PREFIX}",
        "token_url": f"{base_url}/oauth/token",
    }


def sandbox_endpoints(base_url: str) -> dict[str, str]:
    """OAuth overrides that aim a project's app at the sandbox served at ``base_url``."""
    base_url = base_url.rstrip("/")
    return {
        "authorize_url": f"{base_url}/oauth/authorize",
        "token_url": f"{base_url}/oauth/token",
        "revoke_url": f"{base_url}/oauth/revoke",
        "api_base": f"{base_url}{API_PREFIX}",
    }


def _app(sandbox: Any) -> Any:
    from ledgerbridge.sandbox.moneybird import create_app

    return create_app(sandbox)


def _demo(data_dir: Path, time_scale: float) -> DemoSandbox:
    """One seeded administration in a sandbox kept in the data dir."""
    from ledgerbridge.sandbox.moneybird import MoneybirdSandbox, create_app

    sandbox = MoneybirdSandbox(data_dir / "sandbox-moneybird.json", time_scale=time_scale)
    admin = sandbox.create_administration(DEMO_ADMINISTRATION)
    sandbox.seed_demo(admin)
    # Our budget keeps pace with the sandbox's scaled window.
    scaled = {} if time_scale == 1.0 else {"rate_per_minute": max(1, int(30 * time_scale))}

    return oauth_demo(sandbox, admin, client=DEMO_CLIENT, app=create_app(sandbox), credentials=sandbox_credentials,
                      endpoints=sandbox_endpoints, extra=scaled)


SPEC = ProviderSpec(
    name="moneybird",
    title="Moneybird",
    description="Invoicing and bookkeeping for Dutch businesses.",
    connector="ledgerbridge.connectors.moneybird:MoneybirdConnector",
    auth=OAuth2(
        authorize_url="https://moneybird.com/oauth/authorize",
        token_url="https://moneybird.com/oauth/token",
        revoke_url="https://moneybird.com/oauth/revoke",
        api_base="https://moneybird.com/api/v2",
        scope=SCOPE,
        pkce=False,
        granted_accounts=granted_administrations,
    ),
    account_key="administration_id",
    passthrough=Passthrough(auth=bearer()),
    sandbox=Sandbox(demo=_demo, app=_app, credentials=sandbox_credentials, endpoints=sandbox_endpoints),
)
