"""QuickBooks Online, as the rest of Ledgerbridge sees it: Intuit's OAuth2 endpoints, the realm a connection
reaches, passthrough with the connection's bearer token, and the local sandbox the demo and the tests use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledgerbridge.connectors.provider_spec import (
    DemoSandbox,
    OAuth2,
    Passthrough,
    ProviderSpec,
    Sandbox,
    account_from_callback,
    bearer,
    oauth_demo,
)
from ledgerbridge.connectors.quickbooks.notifications import NOTIFICATIONS

DEMO_REALM = "9130355377201453"
DEMO_COMPANY = "Ledgerbridge Demo Co"
DEMO_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")
RATE_PER_MINUTE = 500  # Intuit's quota per realm; the sandbox enforces the same


def sandbox_credentials(sandbox: Any, realm_id: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``realm_id`` of a QuickBooks sandbox served at ``base_url``."""
    client_id, client_secret = DEMO_CLIENT
    sandbox.register_client(client_id, client_secret)
    tokens = sandbox.issue_tokens(client_id, realm_id)
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "realm_id": realm_id,
        "api_base": f"{base_url}/v3",
        "token_url": f"{base_url}/oauth2/v1/tokens/bearer",
    }


def sandbox_endpoints(base_url: str) -> dict[str, str]:
    """OAuth overrides that aim a project's app at the sandbox served at ``base_url``."""
    base_url = base_url.rstrip("/")
    return {
        "authorize_url": f"{base_url}/connect/oauth2",
        "token_url": f"{base_url}/oauth2/v1/tokens/bearer",
        "revoke_url": f"{base_url}/oauth2/v1/tokens/revoke",
        "api_base": f"{base_url}/v3",
    }


def _app(sandbox: Any) -> Any:
    from ledgerbridge.sandbox.quickbooks import create_app

    return create_app(sandbox)


def _demo(data_dir: Path, time_scale: float) -> DemoSandbox:
    """One seeded company in a sandbox kept in the data dir."""
    from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app

    sandbox = QuickBooksSandbox(data_dir / "sandbox-quickbooks.sqlite", time_scale=time_scale)
    sandbox.create_realm(DEMO_REALM, company_name=DEMO_COMPANY)
    sandbox.seed_demo(DEMO_REALM)
    # Our budget keeps pace with the sandbox's scaled minute.
    scaled = {} if time_scale == 1.0 else {"rate_per_minute": int(RATE_PER_MINUTE * time_scale)}

    from ledgerbridge.sandbox.quickbooks.webhooks import demo as demo_notifications

    notifications, stop_notifications = demo_notifications(sandbox, DEMO_REALM)
    return oauth_demo(sandbox, DEMO_REALM, client=DEMO_CLIENT, app=create_app(sandbox), credentials=sandbox_credentials,
                      endpoints=sandbox_endpoints, extra=scaled, notifications=notifications, stop=stop_notifications)


SPEC = ProviderSpec(
    name="quickbooks",
    title="QuickBooks Online",
    description="Cloud accounting from Intuit, for small businesses.",
    connector="ledgerbridge.connectors.quickbooks:QuickBooksConnector",
    auth=OAuth2(
        authorize_url="https://appcenter.intuit.com/connect/oauth2",
        token_url="https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
        revoke_url="https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
        api_base="https://quickbooks.api.intuit.com/v3",
        scope="com.intuit.quickbooks.accounting",
        pkce=False,  # Intuit does not document PKCE for confidential clients
        # one realm per grant, named in the callback; confirmed by reading its company info with the new token
        granted_accounts=account_from_callback("realmId", probe=lambda realm: f"company/{realm}/companyinfo/{realm}",
                                               title="QuickBooks"),
        revoke_json=True,
    ),
    account_key="realm_id",
    passthrough=Passthrough(auth=bearer()),
    sandbox=Sandbox(demo=_demo, app=_app, credentials=sandbox_credentials, endpoints=sandbox_endpoints),
    notifications=NOTIFICATIONS,
)
