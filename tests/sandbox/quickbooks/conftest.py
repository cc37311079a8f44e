"""Fixtures: a live sandbox on a free 127.0.0.1 port (for the unmodified python-quickbooks) and an
in-process httpx client (for direct HTTP tests)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn

from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app

os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"  # requests-oauthlib refuses http:// otherwise

REALM = "9130350000000001"
CLIENT_ID, CLIENT_SECRET, REDIRECT = "test-client", "test-secret", "http://localhost/callback"


@dataclass
class Live:
    url: str
    sandbox: QuickBooksSandbox
    realm: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live() -> Iterator[Live]:
    sb = QuickBooksSandbox()
    sb.create_realm(REALM)
    sb.seed_demo(REALM)
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(sb), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started:
        assert time.time() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield Live(f"http://127.0.0.1:{port}", sb, REALM)
    server.should_exit = True
    thread.join(5)


@pytest.fixture
def qb(live: Live):  # type: ignore[no-untyped-def]
    from intuitlib.client import AuthClient
    from quickbooks import QuickBooks

    tokens = live.sandbox.issue_tokens(CLIENT_ID, live.realm)
    auth = AuthClient(CLIENT_ID, CLIENT_SECRET, environment=f"{live.url}/.well-known/openid_configuration",
                      redirect_uri=REDIRECT, access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
    client = QuickBooks(auth_client=auth, refresh_token=tokens["refresh_token"], company_id=live.realm, minorversion=75)
    client.api_url_v3 = f"{live.url}/v3"
    return client


@dataclass
class Direct:
    http: httpx.AsyncClient
    sandbox: QuickBooksSandbox
    realm: str
    base: str  # /v3/company/{realm}


async def make_direct(sb: QuickBooksSandbox | None = None, seed: bool = True) -> Direct:
    sb = sb or QuickBooksSandbox()
    sb.create_realm(REALM)
    if seed:
        sb.seed_demo(REALM)
    sb.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT])
    token = sb.issue_tokens(CLIENT_ID, REALM)["access_token"]
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb)), base_url="http://qbo",
                             headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    return Direct(http, sb, REALM, f"/v3/company/{REALM}")


@pytest.fixture
async def direct() -> AsyncIterator[Direct]:
    d = await make_direct()
    yield d
    await d.http.aclose()
