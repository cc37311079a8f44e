"""FreeAgent, as the rest of Ledgerbridge sees it: FreeAgent's OAuth2 endpoints (``/v2/approve_app``,
``/v2/token_endpoint``; PKCE S256 as the collection's auth block has it), the company a connection reaches (one
login, one company: read from ``GET /v2/company`` with the new token), passthrough with the bearer token, and the
local sandbox the demo and the tests use."""

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

DEMO_COMPANY = "Ledgerbridge Demo Trading Ltd"
DEMO_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")
RATE_PER_MINUTE = 120  # FreeAgent's limit per user (providers.md); the sandbox enforces the same


async def granted_company(grant: Grant) -> list[str]:
    """The company the token reaches: FreeAgent grants one company per approval; ``/company`` names it."""
    response = await grant.http.get(f"{grant.oauth.api_base.rstrip('/')}/company",
                                    headers={"Authorization": f"Bearer {grant.token['access_token']}",
                                             "Accept": "application/json"})
    if response.status_code != 200:
        raise GrantUnreadable("FreeAgent did not say which company you granted.")
    company = response.json().get("company") or {}
    account = company.get("subdomain") or str(company.get("url") or "").rstrip("/").rsplit("/", 1)[-1]
    return [str(account)] if account else []


def sandbox_credentials(sandbox: Any, company: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``company`` of a FreeAgent sandbox served at ``base_url``."""
    client_id, client_secret = DEMO_CLIENT
    sandbox.register_client(client_id, client_secret)
    tokens = sandbox.issue_tokens(client_id, company)
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "company": company,
        "api_base": f"{base_url}/v2",
        "token_url": f"{base_url}/v2/token_endpoint",
    }


def sandbox_endpoints(base_url: str) -> dict[str, str]:
    """OAuth overrides that aim a project's app at the sandbox served at ``base_url``."""
    base_url = base_url.rstrip("/")
    return {
        "authorize_url": f"{base_url}/v2/approve_app",
        "token_url": f"{base_url}/v2/token_endpoint",
        # FreeAgent documents no revocation endpoint; the token endpoint stands in so the setting is never empty.
        "revoke_url": f"{base_url}/v2/token_endpoint",
        "api_base": f"{base_url}/v2",
    }


def _app(sandbox: Any) -> Any:
    from ledgerbridge.sandbox.freeagent import create_app

    return create_app(sandbox)


def _demo(data_dir: Path, time_scale: float) -> DemoSandbox:
    """One seeded company in a sandbox kept in the data dir."""
    from ledgerbridge.sandbox.freeagent import FreeAgentSandbox, create_app

    sandbox = FreeAgentSandbox(data_dir / "sandbox-freeagent.json", time_scale=time_scale)
    company = sandbox.create_company(DEMO_COMPANY)
    sandbox.seed_demo(company)
    scaled = {} if time_scale == 1.0 else {"rate_per_minute": int(RATE_PER_MINUTE * time_scale)}

    return oauth_demo(sandbox, company, client=DEMO_CLIENT, app=create_app(sandbox), credentials=sandbox_credentials,
                      endpoints=sandbox_endpoints, extra=scaled)


SPEC = ProviderSpec(
    name="freeagent",
    title="FreeAgent",
    description="Accounting for freelancers and small businesses in the UK.",
    connector="ledgerbridge.connectors.freeagent:FreeAgentConnector",
    auth=OAuth2(
        authorize_url="https://api.freeagent.com/v2/approve_app",
        token_url="https://api.freeagent.com/v2/token_endpoint",
        revoke_url="https://api.freeagent.com/v2/token_endpoint",
        api_base="https://api.freeagent.com/v2",
        scope="",
        pkce=True,
        granted_accounts=granted_company,
    ),
    account_key="company",
    passthrough=Passthrough(auth=bearer()),
    sandbox=Sandbox(demo=_demo, app=_app, credentials=sandbox_credentials, endpoints=sandbox_endpoints),
)
