"""Fixtures for the Sage sandbox tests: an in-process client whose every exchange is checked against Sage's
swagger (``contract.check``), and a real uvicorn server for the generated client."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import simplejson
import uvicorn

from ledgerbridge.sandbox.sage import SageSandbox, create_app
from ledgerbridge.sandbox.sage.contract import check

API = "/v3.1"
CLIENT_ID, CLIENT_SECRET = "lb-sage-test", "sandbox-secret"
REDIRECT = "http://localhost:8765/callback"


def make_sandbox(**kw: Any) -> tuple[SageSandbox, str, dict[str, Any]]:
    sb = SageSandbox(**kw)
    business = sb.create_business()
    sb.seed_demo(business)
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    return sb, business, sb.issue_tokens(CLIENT_ID)


class Sage:
    """Thin async client: bearer + X-Business, Decimal JSON, and the contract checked on every exchange."""

    def __init__(self, http: httpx.AsyncClient, sb: SageSandbox, business: str, token: dict[str, Any]) -> None:
        self.http, self.sb, self.business, self.token = http, sb, business, token
        self.violations: list[str] = []

    async def call(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None, check_request: bool = True) -> httpx.Response:
        content = simplejson.dumps(json, use_decimal=True) if json is not None else None
        resp = await self.http.request(method, API + path, content=content, params=params, headers={
            "Authorization": f"Bearer {self.token['access_token']}", "X-Business": self.business,
            "Content-Type": "application/json", **(headers or {})})
        found = check(resp.request, resp)
        # a test that sends a body the contract forbids (to see Sage's answer) checks only the answer
        self.violations += found if check_request else [v for v in found if not v.startswith("request")]
        return resp

    @staticmethod
    def body(resp: httpx.Response) -> Any:
        return simplejson.loads(resp.text, use_decimal=True)

    async def ok(self, method: str, path: str, status: int = 200, **kw: Any) -> Any:
        resp = await self.call(method, path, **kw)
        assert resp.status_code == status, resp.text
        return self.body(resp) if resp.content else None

    async def error(self, method: str, path: str, status: int, **kw: Any) -> list[dict[str, str]]:
        resp = await self.call(method, path, **kw)
        assert resp.status_code == status, resp.text
        return self.body(resp)  # type: ignore[no-any-return]


@pytest.fixture
def sandbox() -> tuple[SageSandbox, str, dict[str, Any]]:
    return make_sandbox()


@pytest.fixture
async def sage(sandbox: tuple[SageSandbox, str, dict[str, Any]]) -> AsyncIterator[Sage]:
    sb, business, token = sandbox
    transport = httpx.ASGITransport(app=create_app(sb))
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as http:
        client = Sage(http, sb, business, token)
        yield client
    assert not client.violations, "\n".join(client.violations)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, sb: SageSandbox, business: str, token: dict[str, Any]) -> None:
        self.sb, self.business, self.token = sb, business, token
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
    sb, business, token = make_sandbox(rate_per_minute=1000)
    with LiveServer(sb, business, token) as server:
        yield server
