"""Issue 14, finding 7: dashboard sessions are server-side (revoked at logout and on a password change), and
failed logins are throttled per operator name and per client address."""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from ledgerbridge.api import create_app
from ledgerbridge.api.routes.dashboard import SESSION_COOKIE
from ledgerbridge.onboarding import operators
from ledgerbridge.runtime import Runtime
from ledgerbridge.settings import Settings
from ledgerbridge.store import tenancy
from tests.conftest import SECRET

PASSWORD = "correct horse battery staple"
MAX_FAILURES = 3


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, secret_key=SECRET, login_max_failures=MAX_FAILURES, login_window_seconds=600)


@pytest.fixture
async def browsers(runtime: Runtime) -> AsyncIterator[Callable[[str], httpx.AsyncClient]]:
    """Browsers from their own client addresses (so throttling by address is per test)."""
    app = create_app(runtime)
    opened: list[httpx.AsyncClient] = []

    def browser(address: str) -> httpx.AsyncClient:
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(address, 40000)),
                                   base_url="http://lb")
        opened.append(client)
        return client

    yield browser
    for client in opened:
        await client.aclose()


def _address() -> str:
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}"


async def _project_and_operator(runtime: Runtime) -> tuple[uuid.UUID, str]:
    name = f"op-{uuid.uuid4().hex[:8]}"
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name=f"p {name}")
        operator = await operators.create_operator(db, username=name, password=PASSWORD)
        await operators.grant(db, operator_id=operator, project_id=project.id)
    return project.id, name


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


async def _login(browser: httpx.AsyncClient, username: str, password: str = PASSWORD) -> httpx.Response:
    page = await browser.get("/dashboard/login")
    return await browser.post("/dashboard/login", data={"username": username, "password": password,
                                                          "csrf": _csrf(page.text)})


def _cookie_payload(cookie: str) -> bytes:
    data = cookie.split(".")[0]
    return base64.b64decode(data + "=" * (-len(data) % 4))


async def test_the_cookie_carries_only_a_random_session_id(runtime: Runtime, browsers: Callable[..., httpx.AsyncClient]
                                                           ) -> None:
    _, name = await _project_and_operator(runtime)
    browser = browsers(_address())
    assert (await _login(browser, name)).status_code == 303
    payload = _cookie_payload(browser.cookies[SESSION_COOKIE])
    async with runtime.engine.connect() as db:
        operator = await operators.operator_id_for(db, name)
    assert str(operator) not in payload.decode() and b"operator" not in payload
    assert list(json.loads(payload)) == ["sid"]


async def test_a_logged_out_cookie_is_refused(runtime: Runtime, browsers: Callable[..., httpx.AsyncClient]) -> None:
    project, name = await _project_and_operator(runtime)
    browser = browsers(_address())
    assert (await _login(browser, name)).status_code == 303
    stolen = browser.cookies[SESSION_COOKIE]
    page = await browser.get(f"/dashboard/projects/{project}")
    assert page.status_code == 200
    assert (await browser.post("/dashboard/logout", data={"csrf": _csrf(page.text)})).status_code == 303

    replay = browsers(_address())
    replay.cookies.set(SESSION_COOKIE, stolen)
    assert (await replay.get(f"/dashboard/projects/{project}")).status_code == 401
    assert (await replay.get("/dashboard")).headers["location"] == "/dashboard/login"


async def test_a_password_change_ends_every_session(runtime: Runtime, browsers: Callable[..., httpx.AsyncClient]
                                                    ) -> None:
    project, name = await _project_and_operator(runtime)
    first, second = browsers(_address()), browsers(_address())
    for browser in (first, second):
        assert (await _login(browser, name)).status_code == 303
        assert (await browser.get(f"/dashboard/projects/{project}")).status_code == 200
    async with runtime.engine.begin() as db:
        assert await operators.set_password(db, username=name, password="a brand new long password") == 2
    for browser in (first, second):
        assert (await browser.get(f"/dashboard/projects/{project}")).status_code == 401
    assert (await _login(first, name)).status_code == 401
    assert (await _login(first, name, "a brand new long password")).status_code == 303
    assert (await first.get(f"/dashboard/projects/{project}")).status_code == 200


async def test_failed_logins_are_throttled_per_name(runtime: Runtime, browsers: Callable[..., httpx.AsyncClient]
                                                    ) -> None:
    _, name = await _project_and_operator(runtime)
    for _ in range(MAX_FAILURES):
        assert (await _login(browsers(_address()), name, "wrong password!")).status_code == 401
    # From yet another address, even the right password is not checked now.
    throttled = await _login(browsers(_address()), name)
    assert throttled.status_code == 429 and "Too many failed logins" in throttled.text
    assert int(throttled.headers["retry-after"]) > 0
    _, other = await _project_and_operator(runtime)
    assert (await _login(browsers(_address()), other)).status_code == 303  # other operators are unaffected


async def test_failed_logins_are_throttled_per_address(runtime: Runtime, browsers: Callable[..., httpx.AsyncClient]
                                                       ) -> None:
    address = _address()
    for _ in range(MAX_FAILURES * operators.ADDRESS_FACTOR):  # a spray: one try per name, all from one address
        assert (await _login(browsers(address), f"nobody-{uuid.uuid4().hex[:6]}", "guess")).status_code == 401
    _, name = await _project_and_operator(runtime)
    assert (await _login(browsers(address), name)).status_code == 429
    assert (await _login(browsers(_address()), name)).status_code == 303


async def test_a_success_clears_the_name_count(runtime: Runtime, browsers: Callable[..., httpx.AsyncClient]) -> None:
    _, name = await _project_and_operator(runtime)
    for _ in range(2):
        for _ in range(MAX_FAILURES - 1):
            assert (await _login(browsers(_address()), name, "wrong password!")).status_code == 401
        assert (await _login(browsers(_address()), name)).status_code == 303
