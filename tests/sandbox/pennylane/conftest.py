"""Fixtures for the Pennylane sandbox tests: a seeded sandbox and an in-process client whose every exchange is held
to Pennylane's official OpenAPI document (the test fails on any violation)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from ledgerbridge.sandbox.pennylane import PennylaneSandbox, contract, create_app
from tests.checked_transport import CheckedTransport

API = "/api/external/v2"
CLIENT_ID, CLIENT_SECRET = "lb-test-client", "sandbox-secret"
REDIRECT = "http://localhost:8765/callback"


@dataclass
class Pennylane:
    sandbox: PennylaneSandbox
    company: int
    http: httpx.AsyncClient
    transport: CheckedTransport
    token: dict[str, Any]

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token['access_token']}", "Accept": "application/json"}

    async def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return await self.http.request(method, API + path, headers=self.headers(), **kwargs)

    async def ok(self, method: str, path: str, status: int = 200, **kwargs: Any) -> Any:
        response = await self.call(method, path, **kwargs)
        assert response.status_code == status, response.text
        return response.json() if response.content else None


@pytest.fixture(scope="session")
def pennylane_spec() -> dict[str, Any]:
    return contract.spec()


def make_sandbox() -> tuple[PennylaneSandbox, int]:
    sandbox = PennylaneSandbox()
    company = sandbox.create_company()
    sandbox.seed_demo(company)
    sandbox.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    return sandbox, company


@pytest.fixture
async def pl(pennylane_spec: dict[str, Any]) -> AsyncIterator[Pennylane]:
    sandbox, company = make_sandbox()
    sandbox.limiter.per_minute = 1_000_000  # tests about answers, not pacing (test_platform lowers it again)
    transport = CheckedTransport(httpx.ASGITransport(app=create_app(sandbox)), contract.check)
    async with httpx.AsyncClient(transport=transport, base_url="http://pennylane.test") as http:
        yield Pennylane(sandbox, company, http, transport, sandbox.issue_tokens(CLIENT_ID, company))
    assert not transport.violations, "\n".join(transport.violations)
