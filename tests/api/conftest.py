"""Fixtures shared by the API tests: a QuickBooks sandbox and a tenant connected to it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from tests.factories import Tenant
from tests.providers import QuickBooksHarness


@pytest.fixture
async def qbo(transports: dict[str, httpx.AsyncBaseTransport]) -> AsyncIterator[QuickBooksHarness]:
    harness = QuickBooksHarness()
    transports.update(harness.transports())
    yield harness


@pytest.fixture
async def qbo_tenant(runtime: Runtime, qbo: QuickBooksHarness) -> Tenant:
    return await qbo.tenant(runtime)
