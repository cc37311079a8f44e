"""Providers that lose answers: the QuickBooks and Xero sandboxes with their quotas lifted, reached through a
transport that enforces the client's timeouts (so an answer held past it is lost, as over the wire), and a
Ledgerbridge whose provider calls time out quickly and are tried once (so every injected fault reaches the
caller, who retries)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.faults import EnforcedTimeouts, FaultPlan
from ledgerbridge.settings import Settings
from tests.conftest import SECRET
from tests.factories import Tenant
from tests.providers import TEST_EGRESS, Harness, QuickBooksHarness, XeroHarness

#: how long Ledgerbridge waits for a provider's answer here: an answer held back by a fault is lost after this
CLIENT_TIMEOUT = 0.3
UNLIMITED = 1_000_000


class LossyQuickBooks(QuickBooksHarness):
    def __init__(self) -> None:
        super().__init__()
        from ledgerbridge.sandbox.quickbooks.ratelimit import RateLimiter

        self.sandbox.limiter = RateLimiter(UNLIMITED, 1000)

    def credentials(self) -> tuple[dict[str, Any], str]:
        credentials, account = super().credentials()
        return {**credentials, "rate_per_minute": UNLIMITED, "max_concurrent": 100}, account


class LossyXero(XeroHarness):
    def __init__(self) -> None:
        super().__init__()
        from ledgerbridge.sandbox.xero.ratelimit import RateLimiter

        self.sandbox.limiter = RateLimiter(self.sandbox.store.now, per_minute=UNLIMITED, concurrent=1000,
                                           per_day=UNLIMITED)

    def credentials(self) -> tuple[dict[str, Any], str]:
        credentials, account = super().credentials()
        return {**credentials, "rate_per_minute": UNLIMITED, "max_concurrent": 100}, account


LOSSY: dict[str, type[Harness]] = {"quickbooks": LossyQuickBooks, "xero": LossyXero}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, secret_key=SECRET, egress_allow_networks=TEST_EGRESS,
                    provider_timeout_seconds=CLIENT_TIMEOUT, provider_attempts=1)


@pytest.fixture(params=sorted(LOSSY))
async def lossy(request: pytest.FixtureRequest,
                transports: dict[str, httpx.AsyncBaseTransport]) -> AsyncIterator[Harness]:
    harness = LOSSY[request.param]()
    transports.update({name: EnforcedTimeouts(t) for name, t in harness.transports().items()})
    yield harness


@pytest.fixture
async def lossy_tenant(runtime: Runtime, lossy: Harness) -> Tenant:
    return await lossy.tenant(runtime)


def plan(harness: Harness) -> FaultPlan:
    assert harness.faults is not None
    return harness.faults
