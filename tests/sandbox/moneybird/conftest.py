"""Fixtures for the Moneybird sandbox tests: an in-process client whose every exchange is held to Moneybird's
OpenAPI document (tests/checked_transport.py), and a uvicorn server for the moneybird SDK."""

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

from ledgerbridge.sandbox.moneybird import MoneybirdSandbox, contract, create_app
from tests.checked_transport import CheckedTransport

CLIENT_ID, CLIENT_SECRET = "lb-test-client", "sandbox-secret"
REDIRECT = "http://localhost:8765/callback"


def make_sandbox(**kw: Any) -> tuple[MoneybirdSandbox, str, dict[str, Any]]:
    sb = MoneybirdSandbox(**kw)
    admin = sb.create_administration()
    sb.seed_demo(admin)
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    return sb, admin, sb.issue_tokens(CLIENT_ID)


class Moneybird:
    """A thin client: bearer header, ``.json`` paths below the administration, Decimal JSON."""

    def __init__(self, http: httpx.AsyncClient, checked: CheckedTransport, sb: MoneybirdSandbox, admin: str,
                 token: dict[str, Any]) -> None:
        self.http, self.checked, self.sb, self.admin, self.token = http, checked, sb, admin, token

    async def call(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
                   token: str | None = None, admin: bool = True) -> httpx.Response:
        url = f"/api/v2/{self.admin}/{path}.json" if admin else f"/api/v2/{path}.json"
        content = simplejson.dumps(json, use_decimal=True) if json is not None else None
        headers = {"Authorization": f"Bearer {token or self.token['access_token']}", "Accept": "application/json"}
        if content is not None:
            headers["Content-Type"] = "application/json"
        return await self.http.request(method, url, content=content, params=params, headers=headers)

    @staticmethod
    def body(resp: httpx.Response) -> Any:
        return simplejson.loads(resp.text, use_decimal=True)

    async def ok(self, method: str, path: str, status: int = 200, **kw: Any) -> Any:
        resp = await self.call(method, path, **kw)
        assert resp.status_code == status, resp.text
        return self.body(resp) if resp.content else None


@pytest.fixture
def sandbox() -> tuple[MoneybirdSandbox, str, dict[str, Any]]:
    return make_sandbox()


@pytest.fixture
async def mb(sandbox: tuple[MoneybirdSandbox, str, dict[str, Any]]) -> AsyncIterator[Moneybird]:
    sb, admin, token = sandbox
    checked = CheckedTransport(httpx.ASGITransport(app=create_app(sb)), contract.check)
    async with httpx.AsyncClient(transport=checked, base_url="http://moneybird.test") as http:
        yield Moneybird(http, checked, sb, admin, token)
    assert checked.checked > 0
    assert not checked.violations, "\n".join(checked.violations)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, sb: MoneybirdSandbox, admin: str) -> None:
        self.sb, self.admin = sb, admin
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
    sb, admin, _ = make_sandbox(rate_limit=1000)
    with LiveServer(sb, admin) as server:
        yield server
