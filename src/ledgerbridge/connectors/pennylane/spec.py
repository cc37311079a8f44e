"""Pennylane, as the rest of Ledgerbridge sees it: Pennylane's OAuth2 endpoints (Doorkeeper; PKCE), the one
company a token reaches (read back from ``GET /me``), passthrough with the bearer token, and the local sandbox
the demo and the tests use."""

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

DEMO_COMPANY = "Atelier Lumière SARL"
DEMO_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")
RATE_PER_MINUTE = 300  # 25 requests every 5 seconds per token; the sandbox enforces the same
API_PATH = "/api/external/v2"
SCOPE = "customer_invoices:all supplier_invoices:all customers:all suppliers:all products:all ledger"


async def granted_company(grant: Grant) -> list[str]:
    """A Pennylane token reaches one company: the one ``GET /me`` names, read with the new token itself."""
    response = await grant.http.get(f"{grant.oauth.api_base.rstrip('/')}/me",
                                    headers={"Authorization": f"Bearer {grant.token['access_token']}",
                                             "Accept": "application/json"})
    if response.status_code != 200:
        raise GrantUnreadable("Pennylane did not say which company you granted.")
    return [str(response.json()["company"]["id"])]


def sandbox_credentials(sandbox: Any, company_id: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``company_id`` of a Pennylane sandbox served at ``base_url``."""
    client_id, client_secret = DEMO_CLIENT
    sandbox.register_client(client_id, client_secret)
    tokens = sandbox.issue_tokens(client_id, int(company_id))
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "company_id": str(company_id),
        "api_base": f"{base_url}{API_PATH}",
        "token_url": f"{base_url}/oauth/oauth/token",
    }


def sandbox_endpoints(base_url: str) -> dict[str, str]:
    """OAuth overrides that aim a project's app at the sandbox served at ``base_url``."""
    base_url = base_url.rstrip("/")
    return {
        "authorize_url": f"{base_url}/oauth/authorize",
        "token_url": f"{base_url}/oauth/oauth/token",
        "revoke_url": f"{base_url}/oauth/revoke",
        "api_base": f"{base_url}{API_PATH}",
    }


def _app(sandbox: Any) -> Any:
    from ledgerbridge.sandbox.pennylane import create_app

    return create_app(sandbox)


def _demo(data_dir: Path, time_scale: float) -> DemoSandbox:
    """One seeded company in a sandbox kept in the data dir."""
    from ledgerbridge.sandbox.pennylane import PennylaneSandbox, create_app

    sandbox = PennylaneSandbox(data_dir / "sandbox-pennylane.json", time_scale=time_scale)
    company = sandbox.create_company(DEMO_COMPANY)
    sandbox.seed_demo(company)
    scaled = {} if time_scale == 1.0 else {"rate_per_minute": int(RATE_PER_MINUTE * time_scale)}

    return oauth_demo(sandbox, str(company), client=DEMO_CLIENT, app=create_app(sandbox),
                      credentials=sandbox_credentials, endpoints=sandbox_endpoints, extra=scaled)


SPEC = ProviderSpec(
    name="pennylane",
    title="Pennylane",
    description="Accounting and finance platform for French companies.",
    connector="ledgerbridge.connectors.pennylane:PennylaneConnector",
    auth=OAuth2(
        authorize_url="https://app.pennylane.com/oauth/authorize",
        token_url="https://app.pennylane.com/oauth/oauth/token",
        revoke_url="https://app.pennylane.com/oauth/revoke",
        api_base=f"https://app.pennylane.com{API_PATH}",
        scope=SCOPE,
        pkce=True,
        granted_accounts=granted_company,
    ),
    account_key="company_id",
    passthrough=Passthrough(auth=bearer()),
    sandbox=Sandbox(demo=_demo, app=_app, credentials=sandbox_credentials, endpoints=sandbox_endpoints),
)
