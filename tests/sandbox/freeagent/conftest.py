"""Fixtures for the FreeAgent sandbox tests: an in-process client whose every exchange is held to FreeAgent's
Postman collection (``contract.check``), and a real uvicorn server for driving the sandbox with a client our
connector did not shape."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from ledgerbridge.sandbox.freeagent import FreeAgentSandbox, contract, create_app

CLIENT_ID, CLIENT_SECRET = "LBTESTCLIENT", "sandbox-secret"
REDIRECT = "http://localhost:8765/callback"
BASE = "http://freeagent.test"


def make_sandbox(**kw: Any) -> tuple[FreeAgentSandbox, str, dict[str, Any]]:
    sb = FreeAgentSandbox(**kw)
    company = sb.create_company()
    sb.seed_demo(company)
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    return sb, company, sb.issue_tokens(CLIENT_ID, company)


class FreeAgent:
    """A thin client: bearer header, JSON, and every exchange checked against the collection."""

    def __init__(self, http: httpx.AsyncClient, sb: FreeAgentSandbox, company: str, token: dict[str, Any]) -> None:
        self.http, self.sb, self.company, self.token = http, sb, company, token
        self.violations: list[str] = []

    async def call(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
                   token: str | None = None, checked: bool = True) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token or self.token['access_token']}", "Accept": "application/json"}
        response = await self.http.request(method, "/v2" + path, json=json, params=params, headers=headers)
        if checked:
            self.violations += contract.check(response.request, response)
        return response

    async def ok(self, method: str, path: str, status: int = 200, **kw: Any) -> Any:
        response = await self.call(method, path, **kw)
        assert response.status_code == status, response.text
        return response.json() if response.content else None


@pytest.fixture
def sandbox() -> tuple[FreeAgentSandbox, str, dict[str, Any]]:
    return make_sandbox()


@pytest.fixture
async def fa(sandbox: tuple[FreeAgentSandbox, str, dict[str, Any]]) -> AsyncIterator[FreeAgent]:
    sb, company, token = sandbox
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url=BASE) as http:
        client = FreeAgent(http, sb, company, token)
        yield client
    assert not client.violations, "\n".join(client.violations)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, sb: FreeAgentSandbox, company: str) -> None:
        self.sb, self.company = sb, company
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


@pytest.fixture(scope="module")
def live() -> Iterator[LiveServer]:
    sb, company, _ = make_sandbox(per_minute=10_000, per_hour=100_000)
    with LiveServer(sb, company) as server:
        yield server
