"""Issue 14, finding 5: a request body limit enforced while reading, and the API key checked before any body is read.

Bodies are async generators that count what the server pulled from them: "bounded memory" is asserted on the
bytes the server read, not on wall-clock time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from ledgerbridge.api import create_app
from ledgerbridge.api.gate import attachment_body_limit
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sandbox.quickbooks import create_app as quickbooks_app
from ledgerbridge.settings import Settings
from tests.conftest import SECRET
from tests.factories import Tenant, quickbooks_tenant

LIMIT = 64 * 1024
CHUNK = 16 * 1024


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, secret_key=SECRET, request_max_bytes=LIMIT, attachment_max_bytes=3 * LIMIT)


@pytest.fixture
async def tenant(runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport]) -> Tenant:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm, invoices=1)
    transports["quickbooks"] = httpx.ASGITransport(app=quickbooks_app(sandbox))
    return await quickbooks_tenant(runtime, sandbox, realm, sync=False)


@pytest.fixture
async def api(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://lb") as c:
        yield c


class CountedBody:
    """A chunked body of ``total`` bytes of JSON-ish filler that records how much of it was read."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.read = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        sent = 0
        while sent < self.total:
            chunk = b"[" * min(CHUNK, self.total - sent)
            self.read += len(chunk)
            sent += len(chunk)
            yield chunk


# Routes with a typed body (parsed by FastAPI before dependencies) and routes reading JSON themselves.
BODY_ROUTES = [
    ("POST", "/linked_users"),
    ("POST", "/webhooks"),
    ("POST", "/sync/pull_frequencies"),
    ("POST", "/field_mappings/define"),
    ("POST", "/accounting/contacts"),
    ("PATCH", "/accounting/invoices/x"),
    ("POST", "/passthrough"),
    ("POST", "/webhooks/verifyEvent"),
    ("POST", "/accounting/attachments"),
]


@pytest.mark.parametrize(("method", "path"), BODY_ROUTES)
async def test_an_unauthenticated_body_is_refused_unread(api: httpx.AsyncClient, method: str, path: str) -> None:
    for headers in ({}, {"x-api-key": "lb_not_a_key"}):
        body = CountedBody(50 * 1024 * 1024)  # 50 MB, chunked: no Content-Length to refuse it by
        answer = await api.request(method, path, headers=headers, content=body)
        assert answer.status_code == 401, (path, answer.text)
        assert body.read <= CHUNK  # the transport primes one chunk at most; the server read none of it


@pytest.mark.parametrize(("method", "path"), BODY_ROUTES)
async def test_an_oversize_body_is_cut_off_while_reading(
    api: httpx.AsyncClient, tenant: Tenant, method: str, path: str
) -> None:
    limit = attachment_body_limit(3 * LIMIT) if path == "/accounting/attachments" else LIMIT
    body = CountedBody(50 * 1024 * 1024)
    answer = await api.request(method, path, headers=tenant.headers, content=body)
    assert answer.status_code == 413, (path, answer.text)
    assert answer.json()["error"] == "Payload Too Large"
    assert body.read <= limit + 2 * CHUNK  # stopped at the limit, not at the end of the 50 MB


async def test_a_declared_length_over_the_limit_is_refused_before_reading(api: httpx.AsyncClient,
                                                                         tenant: Tenant) -> None:
    body = CountedBody(LIMIT + 1)
    answer = await api.post("/linked_users", headers={**tenant.headers, "content-length": str(LIMIT + 1)},
                            content=body)
    assert answer.status_code == 413
    assert body.read <= CHUNK
    bad = await api.post("/linked_users", headers={**tenant.headers, "content-length": "lots"}, content=b"{}")
    assert bad.status_code == 400


async def test_a_lying_content_length_does_not_lift_the_limit(api: httpx.AsyncClient, tenant: Tenant) -> None:
    body = CountedBody(10 * LIMIT)
    answer = await api.post("/passthrough", headers={**tenant.headers, "content-length": "10"}, content=body)
    assert answer.status_code == 413
    assert body.read <= LIMIT + 2 * CHUNK


async def test_bodies_within_the_limit_still_work(api: httpx.AsyncClient, tenant: Tenant) -> None:
    created = await api.post("/linked_users", headers=tenant.headers,
                             json={"linked_user_origin_id": "u-1", "alias": "x" * 100})
    assert created.status_code == 201, created.text
    # The attachments route takes an attachment of attachment_max_bytes as a data: URL; others do not.
    near = "x" * (2 * LIMIT)
    assert (await api.post("/linked_users", headers=tenant.headers,
                           json={"linked_user_origin_id": near, "alias": "x"})).status_code == 413
    answer = await api.post("/accounting/attachments", headers=tenant.headers,
                            json={"file_name": "a.txt", "file_url": "data:text/plain;base64," + near})
    assert answer.status_code != 413


async def test_forms_are_limited_too(api: httpx.AsyncClient) -> None:
    body = CountedBody(50 * 1024 * 1024)
    answer = await api.post("/dashboard/login", content=body,
                            headers={"content-type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 413
    assert body.read <= LIMIT + 2 * CHUNK
