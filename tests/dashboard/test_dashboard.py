"""Dashboard: login with sessions, CSRF on every POST, and no page that shows another project's data."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from ledgerbridge.api import create_app
from ledgerbridge.api.routes import dashboard
from ledgerbridge.onboarding import operators
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sandbox.quickbooks import create_app as quickbooks_app
from ledgerbridge.store import tenancy
from tests.factories import Tenant, quickbooks_tenant

PASSWORD = "correct horse battery staple"


@pytest.fixture
def sandbox(transports: dict[str, httpx.AsyncBaseTransport]) -> tuple[QuickBooksSandbox, str]:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=quickbooks_app(sandbox))
    return sandbox, realm


@pytest.fixture
async def browser(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(runtime)
    dashboard.install(app, runtime)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://lb") as client:
        yield client


async def _operator(runtime: Runtime, *projects: uuid.UUID) -> str:
    name = f"op-{uuid.uuid4().hex[:8]}"
    async with runtime.engine.begin() as db:
        operator = await operators.create_operator(db, username=name, password=PASSWORD)
        for project in projects:
            await operators.grant(db, operator_id=operator, project_id=project)
    return name


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


async def _login(browser: httpx.AsyncClient, username: str, password: str = PASSWORD) -> httpx.Response:
    page = await browser.get("/dashboard/login")
    return await browser.post("/dashboard/login", data={"username": username, "password": password,
                                                          "csrf": _csrf(page.text)})


@pytest.fixture
async def two_tenants(runtime: Runtime, sandbox: tuple[QuickBooksSandbox, str]) -> tuple[Tenant, Tenant]:
    return (await quickbooks_tenant(runtime, sandbox[0], sandbox[1], sync=False),
            await quickbooks_tenant(runtime, sandbox[0], sandbox[1], sync=False))


async def test_pages_need_a_login_and_a_right_password(runtime: Runtime, browser: httpx.AsyncClient,
                                                      two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    assert (await browser.get("/dashboard")).headers["location"] == "/dashboard/login"
    assert (await browser.get(f"/dashboard/projects/{mine.project_id}")).status_code == 401
    name = await _operator(runtime, mine.project_id)
    wrong = await _login(browser, name, "not the password at all")
    assert wrong.status_code == 401 and "Wrong username or password" in wrong.text
    assert (await _login(browser, "nobody-here", PASSWORD)).status_code == 401
    assert (await _login(browser, name)).status_code == 303
    assert (await browser.get(f"/dashboard/projects/{mine.project_id}")).status_code == 200


async def test_a_post_without_the_csrf_token_is_refused(runtime: Runtime, browser: httpx.AsyncClient,
                                                        two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    await _login(browser, await _operator(runtime, mine.project_id))
    for data in ({}, {"csrf": "forged"}):
        answer = await browser.post(f"/dashboard/projects/{mine.project_id}/keys", data={"name": "x", **data})
        assert answer.status_code == 403
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    assert ">x<" not in page.text  # no key was created
    login = await browser.post("/dashboard/login", data={"username": "a", "password": "b"})
    assert login.status_code == 403


async def test_keys_are_shown_once_and_can_be_revoked(runtime: Runtime, browser: httpx.AsyncClient,
                                                      two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    await _login(browser, await _operator(runtime, mine.project_id))
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    created = await browser.post(f"/dashboard/projects/{mine.project_id}/keys",
                                 data={"name": "ci", "csrf": _csrf(page.text)})
    key = re.search(r'id="secret" class="secret">([^<]+)<', created.text).group(1)  # type: ignore[union-attr]
    async with runtime.engine.connect() as db:
        assert (await tenancy.project_for_api_key(db, key)) is not None
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    assert key not in page.text and key[:10] in page.text
    revoke = re.findall(r'action="(/dashboard/projects/[^"]+/revoke)"', page.text)
    for action in revoke:
        assert (await browser.post(action, data={"csrf": _csrf(page.text)})).status_code == 303
    async with runtime.engine.connect() as db:
        assert (await tenancy.project_for_api_key(db, key)) is None
        assert (await tenancy.project_for_api_key(db, mine.api_key)) is None


async def test_no_page_shows_or_touches_another_project(runtime: Runtime, browser: httpx.AsyncClient,
                                                       two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, theirs = two_tenants
    await _login(browser, await _operator(runtime, mine.project_id))
    home = await browser.get("/dashboard")
    assert str(mine.project_id) in home.text and str(theirs.project_id) not in home.text
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    csrf = _csrf(page.text)
    assert str(theirs.connection.id) not in page.text
    async with runtime.engine.connect() as db:
        [their_key] = [k for k in await _keys(db, theirs.project_id)]
    foreign = [
        ("get", f"/dashboard/projects/{theirs.project_id}"),
        ("post", f"/dashboard/projects/{theirs.project_id}/keys"),
        ("post", f"/dashboard/projects/{theirs.project_id}/keys/{their_key}/revoke"),
        ("post", f"/dashboard/projects/{mine.project_id}/keys/{their_key}/revoke"),
        ("post", f"/dashboard/projects/{mine.project_id}/connections/{theirs.connection.id}/resync"),
        ("post", f"/dashboard/projects/{theirs.project_id}/connections/{theirs.connection.id}/resync"),
        ("post", f"/dashboard/projects/{theirs.project_id}/linked-users"),
        ("post", f"/dashboard/projects/{mine.project_id}/linked-users/{theirs.connection.linked_user_id}/magic-link"),
        ("get", f"/dashboard/projects/{uuid.uuid4()}"),
    ]
    for method, path in foreign:
        form = {"csrf": csrf, "origin_user_id": "x"} if method == "post" else None
        answer = await browser.request(method, path, data=form)
        assert answer.status_code == 404, (path, answer.status_code)
        assert str(theirs.connection.token) not in answer.text
    async with runtime.engine.connect() as db:
        assert (await tenancy.project_for_api_key(db, theirs.api_key)) is not None  # still active


async def _keys(db, project_id: uuid.UUID) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    from ledgerbridge.store.api_keys import list_api_keys

    return [k.id for k in await list_api_keys(db, project_id=project_id)]


async def test_no_secret_on_any_page(runtime: Runtime, browser: httpx.AsyncClient,
                                     two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    await _login(browser, await _operator(runtime, mine.project_id))
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    credentials = runtime.sealer.open(mine.connection.sealed_credentials, bound_to=str(mine.connection.id))
    for secret in (credentials["access_token"], credentials["refresh_token"], credentials["client_secret"],
                   mine.api_key, mine.connection.token, mine.connection.sealed_credentials):
        assert secret not in page.text
    assert "quickbooks" in page.text and "connection.created" in page.text


async def test_resync_and_magic_link(runtime: Runtime, browser: httpx.AsyncClient,
                                     two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    await _login(browser, await _operator(runtime, mine.project_id))
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    assert "never" in page.text
    resync = await browser.post(f"/dashboard/projects/{mine.project_id}/connections/{mine.connection.id}/resync",
                                data={"csrf": _csrf(page.text)})
    assert resync.status_code == 303
    async with runtime.engine.connect() as db:
        connection = await tenancy.get_connection(db, project_id=mine.project_id, connection_id=mine.connection.id)
    assert connection is not None and connection.last_sync_at is not None
    link = await browser.post(
        f"/dashboard/projects/{mine.project_id}/linked-users/{mine.connection.linked_user_id}/magic-link",
        data={"csrf": _csrf(page.text)})
    url = re.search(r'class="secret">([^<]+)<', link.text).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
    assert (await browser.get(url.removeprefix("http://lb"))).status_code == 200


async def test_logout_ends_the_session(runtime: Runtime, browser: httpx.AsyncClient,
                                       two_tenants: tuple[Tenant, Tenant]) -> None:
    mine, _ = two_tenants
    await _login(browser, await _operator(runtime, mine.project_id))
    page = await browser.get(f"/dashboard/projects/{mine.project_id}")
    assert (await browser.post("/dashboard/logout", data={"csrf": _csrf(page.text)})).status_code == 303
    assert (await browser.get(f"/dashboard/projects/{mine.project_id}")).status_code == 401
