"""Sage Business Cloud Accounting (v3.1), as the rest of Ledgerbridge sees it: Sage's OAuth2 endpoints
(five-minute access tokens, rotating refresh tokens), the business a connection reaches (``X-Business``; the
businesses a consent covers are listed at ``GET /businesses``), passthrough with the bearer token, and the local
sandbox the demo and the tests use."""

from __future__ import annotations

from collections.abc import Mapping
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

DEMO_BUSINESS = "Ledgerbridge Demo Ltd"
DEMO_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")
BUSINESS_HEADER = "X-Business"
RATE_PER_MINUTE = 100  # Sage publishes none; the sandbox enforces this one and our budget keeps under it


async def granted_businesses(grant: Grant) -> list[str]:
    """The businesses the token reaches: Sage's core API lists them at ``{api_base}/businesses``."""
    response = await grant.http.get(f"{grant.oauth.api_base.rstrip('/')}/businesses",
                                    headers={"Authorization": f"Bearer {grant.token['access_token']}"})
    if response.status_code != 200:
        raise GrantUnreadable("Sage did not list the businesses you granted.")
    body = response.json()
    items = body.get("$items", []) if isinstance(body, dict) else body
    return [str(b["id"]) for b in items if isinstance(b, dict) and b.get("id")]


def _business_header(credentials: Mapping[str, Any]) -> dict[str, str]:
    return {BUSINESS_HEADER: str(credentials["business_id"])}


def sandbox_credentials(sandbox: Any, business_id: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``business_id`` of a Sage sandbox served at ``base_url``."""
    client_id, client_secret = DEMO_CLIENT
    sandbox.register_client(client_id, client_secret)
    tokens = sandbox.issue_tokens(client_id)
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "token_auth_method": "client_secret_post",  # Sage takes the client's credentials in the form
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "business_id": business_id,
        "api_base": f"{base_url}/v3.1",
        "token_url": f"{base_url}/token",
    }


def sandbox_endpoints(base_url: str) -> dict[str, str]:
    base_url = base_url.rstrip("/")
    return {
        "authorize_url": f"{base_url}/oauth2/auth/central?filter=apiv3.1",
        "token_url": f"{base_url}/token",
        "revoke_url": f"{base_url}/revoke",
        "api_base": f"{base_url}/v3.1",
    }


def _app(sandbox: Any) -> Any:
    from ledgerbridge.sandbox.sage import create_app

    return create_app(sandbox)


def _demo(data_dir: Path, time_scale: float) -> DemoSandbox:
    """One seeded business in a sandbox kept in the data dir."""
    from ledgerbridge.sandbox.sage import SageSandbox, create_app

    sandbox = SageSandbox(data_dir / "sandbox-sage.json", time_scale=time_scale)
    business = sandbox.create_business(DEMO_BUSINESS)
    sandbox.seed_demo(business)
    scaled = {} if time_scale == 1.0 else {"rate_per_minute": int(RATE_PER_MINUTE * time_scale)}

    return oauth_demo(sandbox, business, client=DEMO_CLIENT, app=create_app(sandbox), credentials=sandbox_credentials,
                      endpoints=sandbox_endpoints, extra=scaled)


SPEC = ProviderSpec(
    name="sage",
    title="Sage Accounting",
    description="Cloud accounting and invoicing from Sage.",
    connector="ledgerbridge.connectors.sage:SageConnector",
    auth=OAuth2(
        authorize_url="https://www.sageone.com/oauth2/auth/central?filter=apiv3.1",
        token_url="https://oauth.accounting.sage.com/token",
        revoke_url="https://oauth.accounting.sage.com/revoke",
        api_base="https://api.accounting.sage.com/v3.1",
        scope="full_access",
        pkce=False,
        granted_accounts=granted_businesses,
    ),
    account_key="business_id",
    passthrough=Passthrough(auth=bearer(_business_header), reserved_headers=frozenset({BUSINESS_HEADER})),
    sandbox=Sandbox(demo=_demo, app=_app, credentials=sandbox_credentials, endpoints=sandbox_endpoints),
)
