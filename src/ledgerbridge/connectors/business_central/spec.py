"""Microsoft Dynamics 365 Business Central, as the rest of Ledgerbridge sees it: Entra ID's OAuth2 endpoints
(authorization code with PKCE, ``common`` tenant), the company a connection reaches (the companies of the signed-in
tenant's ``production`` environment are listed after consent), passthrough with the bearer token, and the local
sandbox the demo and the tests use.

A connection's account is the company id (a GUID). The Entra tenant is read from the access token's ``tid``
claim unless the credentials name it (``tenant_id``), and the environment is ``production`` unless they name
another (``environment``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledgerbridge.connectors.business_central.client import DEFAULT_ENVIRONMENT, PER_MINUTE, token_tenant
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

DEMO_COMPANY = "CRONUS UK Ltd."
DEMO_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")


async def granted_companies(grant: Grant) -> list[str]:
    """The companies the consent reaches: those Business Central lists for the token's tenant."""
    tenant = token_tenant(str(grant.token.get("access_token") or ""))
    if tenant is None:
        raise GrantUnreadable("Microsoft did not say which tenant you signed in to.")
    url = f"{grant.oauth.api_base.rstrip('/')}/{tenant}/{DEFAULT_ENVIRONMENT}/api/v1.0/companies"
    response = await grant.http.get(url, headers={"Authorization": f"Bearer {grant.token['access_token']}",
                                                  "Accept": "application/json"})
    if response.status_code != 200:
        raise GrantUnreadable("Business Central did not list the companies you granted.")
    return [str(c["id"]).lower() for c in response.json().get("value") or []]


def sandbox_credentials(sandbox: Any, company_id: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``company_id`` of a Business Central sandbox served at ``base_url``."""
    client_id, client_secret = DEMO_CLIENT
    sandbox.register_client(client_id, client_secret)
    tenant = next(t for t, found in sandbox.state.data["companies"].items() if company_id in found["companies"])
    tokens = sandbox.issue_tokens(client_id, tenant)
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "company_id": company_id,
        "tenant_id": tenant,
        "environment": DEFAULT_ENVIRONMENT,
        "api_base": f"{base_url}/v2.0",
        "token_url": f"{base_url}/{tenant}/oauth2/v2.0/token",
    }


def sandbox_endpoints(base_url: str) -> dict[str, str]:
    """OAuth overrides that aim a project's app at the sandbox served at ``base_url``."""
    base_url = base_url.rstrip("/")
    return {
        "authorize_url": f"{base_url}/common/oauth2/v2.0/authorize",
        "token_url": f"{base_url}/common/oauth2/v2.0/token",
        "revoke_url": f"{base_url}/common/oauth2/v2.0/logout",
        "api_base": f"{base_url}/v2.0",
    }


def _app(sandbox: Any) -> Any:
    from ledgerbridge.sandbox.business_central import create_app

    return create_app(sandbox)


def _demo(data_dir: Path, time_scale: float) -> DemoSandbox:
    """One seeded company in a sandbox kept in the data dir."""
    from ledgerbridge.sandbox.business_central import BusinessCentralSandbox, create_app

    sandbox = BusinessCentralSandbox(data_dir / "sandbox-business-central.json", time_scale=time_scale)
    _, company = sandbox.create_tenant(DEMO_COMPANY)
    sandbox.seed_demo(company)
    scaled = {} if time_scale == 1.0 else {"rate_per_minute": int(PER_MINUTE * time_scale)}

    return oauth_demo(sandbox, company, client=DEMO_CLIENT, app=create_app(sandbox), credentials=sandbox_credentials,
                      endpoints=sandbox_endpoints, extra=scaled)


SPEC = ProviderSpec(
    name="business_central",
    title="Microsoft Dynamics 365 Business Central",
    description="ERP and accounting for growing businesses, from Microsoft.",
    connector="ledgerbridge.connectors.business_central:BusinessCentralConnector",
    auth=OAuth2(
        authorize_url="https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
        token_url="https://login.microsoftonline.com/common/oauth2/v2.0/token",
        # Entra has no RFC 7009 revocation endpoint; a disconnect forgets the tokens (and this call is logged).
        revoke_url="https://login.microsoftonline.com/common/oauth2/v2.0/logout",
        api_base="https://api.businesscentral.dynamics.com/v2.0",
        scope="https://api.businesscentral.dynamics.com/.default offline_access",
        pkce=True,
        granted_accounts=granted_companies,
    ),
    account_key="company_id",
    passthrough=Passthrough(auth=bearer()),
    sandbox=Sandbox(demo=_demo, app=_app, credentials=sandbox_credentials, endpoints=sandbox_endpoints),
)
