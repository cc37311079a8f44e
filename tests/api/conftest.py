from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from tests.factories import Tenant, api_client, quickbooks_tenant


@pytest.fixture
def qbo(transports: dict[str, httpx.AsyncBaseTransport]) -> tuple[QuickBooksSandbox, str]:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    return sandbox, realm


@pytest.fixture
async def tenant(runtime: Runtime, qbo: tuple[QuickBooksSandbox, str]) -> Tenant:
    return await quickbooks_tenant(runtime, *qbo)


@pytest.fixture
async def api(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(runtime) as client:
        yield client
