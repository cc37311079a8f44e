"""Building blocks for tests: a project with a key and a QuickBooks sandbox connection, and an API client."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from ledgerbridge.api import create_app
from ledgerbridge.connect import connect
from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials as quickbooks_credentials
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.store import tenancy
from ledgerbridge.sync.engine import sync_connection

QBO_BASE = "http://qbo"


@dataclass
class Tenant:
    project_id: uuid.UUID
    api_key: str
    connection: tenancy.Connection

    @property
    def headers(self) -> dict[str, str]:
        return {"x-api-key": self.api_key, "x-connection-token": self.connection.token}


async def connected_tenant(
    runtime: Runtime, *, provider: str, credentials: dict[str, Any], account_id: str, sync: bool = True
) -> Tenant:
    """A new project with an API key, a linked user and a connection to ``provider`` (synced unless told not)."""
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name=f"test {uuid.uuid4().hex[:6]}")
        key = await tenancy.create_api_key(db, project_id=project.id)
        user = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="user-1")
    connection = await connect(
        runtime, project_id=project.id, provider=provider, linked_user_id=user, account_id=account_id,
        credentials=credentials,
    )
    if sync:
        await sync_connection(runtime, connection)
    return Tenant(project.id, key, connection)


async def quickbooks_tenant(runtime: Runtime, sandbox: QuickBooksSandbox, realm: str, *, sync: bool = True) -> Tenant:
    return await connected_tenant(
        runtime, provider="quickbooks", credentials=quickbooks_credentials(sandbox, realm, QBO_BASE),
        account_id=realm, sync=sync,
    )


def api_client(runtime: Runtime) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://lb")


async def first(api: httpx.AsyncClient, tenant: Tenant, path: str, **match: Any) -> dict[str, Any]:
    """The first record of a list whose fields equal ``match``."""
    cursor = None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = (await api.get(path, headers=tenant.headers, params=params)).json()
        for row in page["data"]:
            if all(row.get(k) == v for k, v in match.items()):
                return row  # type: ignore[no-any-return]
        cursor = page["next_cursor"]
        if cursor is None:
            raise LookupError(f"nothing in {path} matches {match}")


async def everything(api: httpx.AsyncClient, tenant: Tenant, path: str) -> list[dict[str, Any]]:
    """Every record of a list, following the cursors."""
    rows: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = (await api.get(path, headers=tenant.headers, params=params)).json()
        rows += page["data"]
        cursor = page["next_cursor"]
        if cursor is None:
            return rows
