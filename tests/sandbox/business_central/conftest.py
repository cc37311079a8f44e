"""Fixtures for the Business Central sandbox tests: an in-process client whose every exchange is held to
Microsoft's v1.0 OpenAPI contract, and a live uvicorn server for the pybusinesscentral SDK."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from ledgerbridge.sandbox.business_central import BusinessCentralSandbox, contract, create_app
from tests.checked_transport import CheckedTransport

CLIENT_ID, CLIENT_SECRET = "bc-test-client", "bc-test-secret"
REDIRECT = "http://localhost:8765/callback"


class BC:
    """A thin client of one company: bearer header, paths below the company, the contract checked throughout."""

    def __init__(self, http: httpx.AsyncClient, checked: CheckedTransport, sb: BusinessCentralSandbox, tenant: str,
                 company: str, token: dict[str, Any]) -> None:
        self.http, self.checked, self.sb = http, checked, sb
        self.tenant, self.company, self.token = tenant, company, token
        self.root = f"/v2.0/{tenant}/production/api/v1.0"
        self.base = f"{self.root}/companies({company})"

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token['access_token']}", **(extra or {})}

    async def call(self, method: str, path: str, *, json: Any = None, params: dict[str, str] | None = None,
                   headers: dict[str, str] | None = None) -> httpx.Response:
        url = path if path.startswith("http") or path.startswith("/v2.0") else self.base + path
        return await self.http.request(method, url, json=json, params=params, headers=self.headers(headers))

    async def ok(self, method: str, path: str, status: int = 200, **kw: Any) -> Any:
        resp = await self.call(method, path, **kw)
        assert resp.status_code == status, resp.text
        return resp.json() if resp.content else None

    def account(self, number: str) -> str:
        return next(a["id"] for a in self.sb.state.rows(self.company, "accounts").values() if a["number"] == number)

    def customer(self, index: int = 0) -> dict[str, Any]:
        return sorted(self.sb.state.rows(self.company, "customers").values(), key=lambda c: c["number"])[index]


def make_sandbox(**kw: Any) -> tuple[BusinessCentralSandbox, str, str]:
    sb = BusinessCentralSandbox(**kw)
    tenant, company = sb.create_tenant()
    sb.seed_demo(company)
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    return sb, tenant, company


@pytest.fixture(scope="session")
def bc_spec() -> dict[str, Any]:
    return contract.spec()


async def _client(sb: BusinessCentralSandbox, tenant: str, company: str) -> AsyncIterator[BC]:
    checked = CheckedTransport(httpx.ASGITransport(app=create_app(sb)), contract.check)
    async with httpx.AsyncClient(transport=checked, base_url="http://bc.test") as http:
        yield BC(http, checked, sb, tenant, company, sb.issue_tokens(CLIENT_ID, tenant))
    assert checked.checked > 0
    assert not checked.violations, "\n".join(checked.violations)


@pytest.fixture
async def bc(bc_spec: dict[str, Any]) -> AsyncIterator[BC]:
    sb, tenant, company = make_sandbox()
    async for client in _client(sb, tenant, company):
        yield client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, sb: BusinessCentralSandbox) -> None:
        self.sb = sb
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(sb), host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.time() + 10
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(5)


@pytest.fixture
def live() -> Iterator[tuple[LiveServer, str, str]]:
    sb, tenant, company = make_sandbox()
    with LiveServer(sb) as server:
        yield server, tenant, company
