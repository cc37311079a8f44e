"""Fixtures for the Xero sandbox tests: an in-process httpx client that checks every answer against Xero's
OpenAPI contract, and a real uvicorn server for driving the sandbox with the unmodified xero-python SDK."""

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

from ledgerbridge.sandbox.xero import XeroSandbox, contract, create_app

API = "/api.xro/2.0"
CLIENT_ID, CLIENT_SECRET = "LBTESTCLIENT", "sandbox-secret"
REDIRECT = "http://localhost:8765/callback"


@pytest.fixture(scope="session")
def xero_spec() -> dict[str, Any]:
    """Parsed once for the whole run (the accounting YAML is ~900 KB)."""
    return contract.spec()


def make_sandbox(**kw: Any) -> tuple[XeroSandbox, str, dict[str, Any]]:
    sb = XeroSandbox(**kw)
    tenant = sb.create_tenant()
    sb.seed_demo(tenant)
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    return sb, tenant, sb.issue_tokens(CLIENT_ID, [tenant])


class Xero:
    """Thin async client: tenant + bearer headers, Decimal JSON, and contract checks on every body."""

    def __init__(self, http: httpx.AsyncClient, sb: XeroSandbox, tenant: str, token: dict[str, Any]) -> None:
        self.http, self.sb, self.tenant, self.token = http, sb, tenant, token

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token['access_token']}", "xero-tenant-id": self.tenant,
                "Accept": "application/json", **(extra or {})}

    async def call(self, method: str, path: str, template: str | None = None, *, json: Any = None,
                   params: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
                   check: bool = True) -> httpx.Response:
        template = template or path
        content = None
        if json is not None:
            if check:
                contract.validate_request(method, template, json)
            content = simplejson.dumps(json, use_decimal=True)
        resp = await self.http.request(method, API + path, content=content, params=params,
                                       headers=self.headers({"Content-Type": "application/json", **(headers or {})}))
        if check and resp.status_code in (200, 400) and resp.content:
            contract.validate_response(method, template, resp.status_code, self.body(resp))
        return resp

    @staticmethod
    def body(resp: httpx.Response) -> Any:
        return simplejson.loads(resp.text, use_decimal=True)

    async def ok(self, method: str, path: str, template: str | None = None, **kw: Any) -> Any:
        resp = await self.call(method, path, template, **kw)
        assert resp.status_code == 200, resp.text
        return self.body(resp)


@pytest.fixture
def sandbox() -> tuple[XeroSandbox, str, dict[str, Any]]:
    return make_sandbox()


@pytest.fixture
async def xero(sandbox: tuple[XeroSandbox, str, dict[str, Any]]) -> AsyncIterator[Xero]:
    sb, tenant, token = sandbox
    transport = httpx.ASGITransport(app=create_app(sb))
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as http:
        yield Xero(http, sb, tenant, token)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, sb: XeroSandbox, tenant: str) -> None:
        self.sb, self.tenant = sb, tenant
        self.client_id, self.client_secret = CLIENT_ID, CLIENT_SECRET
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
    sb, tenant, _ = make_sandbox(rate_per_minute=1000)
    with LiveServer(sb, tenant) as server:
        yield server
