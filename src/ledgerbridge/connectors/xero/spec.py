"""Xero, as the rest of Ledgerbridge sees it: Xero's OAuth2 endpoints (PKCE; granted organisations listed at
``/connections``), the tenant a connection reaches, passthrough with the bearer token and the ``xero-tenant-id``
header, and the local sandbox the demo and the tests use."""

from __future__ import annotations

import base64
import json
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
from ledgerbridge.connectors.xero.notifications import NOTIFICATIONS

DEMO_ORGANISATION = "Ledgerbridge Demo Ltd"
DEMO_CLIENT = ("ledgerbridge-demo", "demo-secret-not-for-production")
RATE_PER_MINUTE = 60  # Xero's quota per tenant; the sandbox enforces the same
TENANT_HEADER = "xero-tenant-id"


def _jwt_claims(token: str) -> dict[str, Any]:
    """Claims of a JWT access token, unverified: only used to match ``authEventId``, not to trust anything."""
    try:
        body = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))  # type: ignore[no-any-return]
    except (IndexError, ValueError):
        return {}


async def granted_tenants(grant: Grant) -> list[str]:
    """The organisations this consent granted: Xero lists every tenant the app may reach at ``/connections``;
    those of this authorization event are the ones just granted."""
    assert grant.oauth.connections_url is not None
    response = await grant.http.get(grant.oauth.connections_url,
                                    headers={"Authorization": f"Bearer {grant.token['access_token']}"})
    if response.status_code != 200:
        raise GrantUnreadable("Xero did not list the organisations you granted.")
    event = _jwt_claims(grant.token["access_token"]).get("authentication_event_id")
    return [str(c["tenantId"]) for c in response.json() if event is None or c.get("authEventId") == event]


def _tenant_header(credentials: Mapping[str, Any]) -> dict[str, str]:
    return {TENANT_HEADER: str(credentials["tenant_id"])}


def sandbox_credentials(sandbox: Any, tenant_id: str, base_url: str) -> dict[str, Any]:
    """Credentials for a connection to ``tenant_id`` of a Xero sandbox served at ``base_url``."""
    client_id, client_secret = DEMO_CLIENT
    sandbox.register_client(client_id, client_secret)
    tokens = sandbox.issue_tokens(client_id, [tenant_id])
    return {
        "client_id": client_id,
        "client_secret": client_secret,
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": None,
        "tenant_id": tenant_id,
        "api_base": f"{base_url}/api.xro/2.0",
        "token_url": f"{base_url}/identity/connect/token",
    }


def sandbox_endpoints(base_url: str) -> dict[str, str]:
    """OAuth overrides that aim a project's app at the sandbox served at ``base_url``."""
    base_url = base_url.rstrip("/")
    return {
        "authorize_url": f"{base_url}/identity/connect/authorize",
        "token_url": f"{base_url}/identity/connect/token",
        "revoke_url": f"{base_url}/identity/connect/revocation",
        "api_base": f"{base_url}/api.xro/2.0",
        "connections_url": f"{base_url}/connections",
    }


def _app(sandbox: Any) -> Any:
    from ledgerbridge.sandbox.xero import create_app

    return create_app(sandbox)


def _demo(data_dir: Path, time_scale: float) -> DemoSandbox:
    """One seeded organisation in a sandbox kept in the data dir."""
    from ledgerbridge.sandbox.xero import XeroSandbox, create_app

    sandbox = XeroSandbox(data_dir / "sandbox-xero.sqlite", time_scale=time_scale)
    tenant = sandbox.create_tenant(name=DEMO_ORGANISATION)
    sandbox.seed_demo(tenant)
    # Our budget keeps pace with the sandbox's scaled minute.
    scaled = {} if time_scale == 1.0 else {"rate_per_minute": int(RATE_PER_MINUTE * time_scale)}

    from ledgerbridge.sandbox.xero.webhooks import demo as demo_notifications

    notifications, stop_notifications = demo_notifications(sandbox, tenant)
    return oauth_demo(sandbox, tenant, client=DEMO_CLIENT, app=create_app(sandbox), credentials=sandbox_credentials,
                      endpoints=sandbox_endpoints, extra=scaled, notifications=notifications, stop=stop_notifications)


SPEC = ProviderSpec(
    name="xero",
    title="Xero",
    description="Online accounting for small businesses and their advisers.",
    connector="ledgerbridge.connectors.xero:XeroConnector",
    auth=OAuth2(
        authorize_url="https://login.xero.com/identity/connect/authorize",
        token_url="https://identity.xero.com/connect/token",
        revoke_url="https://identity.xero.com/connect/revocation",
        api_base="https://api.xero.com/api.xro/2.0",
        scope="openid profile email offline_access accounting.transactions accounting.contacts "
        "accounting.settings accounting.journals.read",
        pkce=True,
        granted_accounts=granted_tenants,
        connections_url="https://api.xero.com/connections",
    ),
    account_key="tenant_id",
    passthrough=Passthrough(auth=bearer(_tenant_header), reserved_headers=frozenset({TENANT_HEADER})),
    sandbox=Sandbox(demo=_demo, app=_app, credentials=sandbox_credentials, endpoints=sandbox_endpoints),
    notifications=NOTIFICATIONS,
)
