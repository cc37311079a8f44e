"""The OAuth2 flow end to end against the sandboxes, and every way it must refuse."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from ledgerbridge.api import create_app
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy
from ledgerbridge.store.tables import events
from ledgerbridge.sync.engine import sync_connection
from tests.onboarding.conftest import APP, LB, Project, Sandboxes, consent, link_for, make_project, query


async def _start(api: httpx.AsyncClient, runtime: Runtime, project: Project, provider: str) -> str:
    link = await link_for(runtime, project)
    page = await api.get(link)
    assert page.status_code == 200
    assert f'id="connect-{provider}"' in page.text
    started = await api.get(link.replace("/connect?", f"/connect/{provider}/start?"))
    assert started.status_code == 303
    return started.headers["location"]


async def _connections(runtime: Runtime, project: Project) -> list[tenancy.Connection]:
    async with runtime.engine.connect() as db:
        return await tenancy.list_connections(db, project_id=project.id)


async def _event_details(runtime: Runtime, project: Project) -> list[tuple[str, str]]:
    async with runtime.engine.connect() as db:
        rows = await db.execute(select(events.c.type, events.c.detail).where(events.c.project_id == str(project.id)))
        return [(r.type, r.detail or "") for r in rows]


@pytest.mark.parametrize("provider", ["quickbooks", "xero"])
async def test_consent_creates_a_synced_connection_and_no_token_leaks(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project, provider: str
) -> None:
    authorize = await _start(api, runtime, project, provider)
    params = query(authorize)
    assert params["client_id"] == APP[0] and params["redirect_uri"] == f"{LB}/connect/callback"
    assert ("code_challenge" in params) == (provider == "xero")  # PKCE where the provider supports it
    async with sandboxes.browser() as browser:
        back = await consent(browser, authorize)
    landed = await api.get(back.removeprefix(LB))
    assert landed.status_code == 303
    assert landed.headers["location"].startswith("https://app.example/done?status=connected&connection_ids=")
    [connection] = await _connections(runtime, project)
    assert connection.provider == provider and connection.status == "valid"
    assert connection.linked_user_id == project.user_id
    assert connection.account_id == (sandboxes.realm if provider == "quickbooks" else sandboxes.tenant_id)
    credentials = runtime.sealer.open(connection.sealed_credentials, bound_to=str(connection.id))
    assert credentials["access_token"] and credentials["refresh_token"]
    report = await sync_connection(runtime, connection)
    assert report.records.get("invoice", 0) > 0
    # the connection.created event exists and carries no secret
    details = await _event_details(runtime, project)
    assert "connection.created" in [t for t, _ in details]
    blob = json.dumps(details) + landed.text
    for secret in (credentials["access_token"], credentials["refresh_token"], APP[1]):
        assert secret not in blob


async def test_a_second_consent_to_the_same_company_updates_the_connection(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    async with sandboxes.browser() as browser:
        for _ in range(2):
            back = await consent(browser, await _start(api, runtime, project, "quickbooks"))
            assert (await api.get(back.removeprefix(LB))).status_code == 303
    assert len(await _connections(runtime, project)) == 1


@pytest.mark.parametrize("provider", ["quickbooks", "xero"])
async def test_denied_consent_links_nothing_and_says_so(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project, provider: str
) -> None:
    async with sandboxes.browser() as browser:
        back = await consent(browser, await _start(api, runtime, project, provider), allow=False)
    assert query(back)["error"] == "access_denied"
    landed = await api.get(back.removeprefix(LB))
    assert landed.status_code == 400
    assert "You declined to give access" in landed.text
    assert "https://app.example/done?error=access_denied" in landed.text
    assert await _connections(runtime, project) == []
    assert ("connection.failed" in [t for t, _ in await _event_details(runtime, project)])


async def test_replayed_state_is_refused(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    async with sandboxes.browser() as browser:
        back = (await consent(browser, await _start(api, runtime, project, "quickbooks"))).removeprefix(LB)
    assert (await api.get(back)).status_code == 303
    again = await api.get(back)
    assert again.status_code == 400 and "already used or has expired" in again.text
    assert len(await _connections(runtime, project)) == 1


async def test_forged_and_tampered_state_is_refused(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    async with sandboxes.browser() as browser:
        back = await consent(browser, await _start(api, runtime, project, "quickbooks"))
    params = query(back)
    for state in ("forged", params["state"][:-2] + "xx", ""):
        answer = await api.get("/connect/callback", params={**params, "state": state})
        assert answer.status_code == 400
        assert "Please start again" in answer.text
    assert await _connections(runtime, project) == []


async def test_a_callback_in_another_browser_links_nothing_and_leaves_the_flow_usable(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    """A victim lured onto someone's callback URL (valid code and state, but not their flow) links nothing."""
    async with sandboxes.browser() as browser:
        back = (await consent(browser, await _start(api, runtime, project, "quickbooks"))).removeprefix(LB)
    app = httpx.ASGITransport(app=create_app(runtime))  # the same server, seen from a browser without the cookie
    async with httpx.AsyncClient(transport=app, base_url=LB) as elsewhere:
        refused = await elsewhere.get(back)
    assert refused.status_code == 403 and "started in another browser" in refused.text
    assert await _connections(runtime, project) == []
    assert (await api.get(back)).status_code == 303  # the browser that started it still completes it
    assert len(await _connections(runtime, project)) == 1


async def test_start_sets_a_cookie_only_for_the_connect_pages(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    link = await link_for(runtime, project)
    started = await api.get(link.replace("/connect?", "/connect/xero/start?"))
    cookie = started.headers["set-cookie"].lower()
    assert cookie.startswith("lb_connect_") and "httponly" in cookie and "samesite=lax" in cookie
    assert "path=/connect" in cookie and "max-age=600" in cookie


async def test_expired_state_is_refused(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with sandboxes.browser() as browser:
        back = await consent(browser, await _start(api, runtime, project, "quickbooks"))
    from ledgerbridge.onboarding import flow

    monkeypatch.setattr(flow, "STATE_TTL_SECONDS", -1)  # the clock moved past the state's lifetime
    answer = await api.get(back.removeprefix(LB))
    assert answer.status_code == 400 and "expired" in answer.text
    assert await _connections(runtime, project) == []


async def test_invalid_grant_at_the_token_endpoint_links_nothing(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    async with sandboxes.browser() as browser:
        back = await consent(browser, await _start(api, runtime, project, "quickbooks"))
    params = query(back)
    answer = await api.get("/connect/callback", params={**params, "code": "AB1-not-a-real-code"})
    assert answer.status_code == 400
    assert "did not accept the authorization" in answer.text
    assert await _connections(runtime, project) == []


async def test_state_of_one_project_cannot_link_into_another(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    """A state names its own flow row; the connection lands in the flow's project whatever the caller holds."""
    other = await make_project(runtime)
    async with sandboxes.browser() as browser:
        back = await consent(browser, await _start(api, runtime, other, "quickbooks"))
    assert (await api.get(back.removeprefix(LB))).status_code == 303
    assert await _connections(runtime, project) == []
    assert len(await _connections(runtime, other)) == 1


async def test_provider_without_an_app_cannot_start(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes,
) -> None:
    bare = await make_project(runtime, apps=False)
    link = await link_for(runtime, bare)
    page = await api.get(link)
    # neither an OAuth provider without an app nor a key-form provider the project did not enable
    assert 'id="connect-quickbooks"' not in page.text and 'id="connect-tryton"' not in page.text
    started = await api.get(link.replace("/connect?", "/connect/quickbooks/start?"))
    assert started.status_code == 404 and "has not set up QuickBooks" in started.text


async def test_disconnect_revokes_at_the_provider(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    from ledgerbridge.onboarding.flow import disconnect

    async with sandboxes.browser() as browser:
        back = await consent(browser, await _start(api, runtime, project, "quickbooks"))
    await api.get(back.removeprefix(LB))
    [connection] = await _connections(runtime, project)
    refresh = runtime.sealer.open(connection.sealed_credentials, bound_to=str(connection.id))["refresh_token"]
    assert sandboxes.quickbooks.store.token(refresh) is not None
    assert await disconnect(runtime, project_id=project.id, connection_id=connection.id)
    assert sandboxes.quickbooks.store.token(refresh) is None
    [revoked] = await _connections(runtime, project)
    assert revoked.status == "revoked"
    assert runtime.sealer.open(revoked.sealed_credentials, bound_to=str(revoked.id)) == {}
    other = await make_project(runtime)
    assert not await disconnect(runtime, project_id=other.id, connection_id=connection.id)


async def test_forged_expired_and_orphaned_magic_links_are_refused(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    from ledgerbridge.onboarding.magic_links import MagicLink, issue_token

    link = await link_for(runtime, project)
    token = query(link)["link"]
    expired = issue_token(runtime, MagicLink(project.id, project.user_id, None), ttl=1)
    other = await make_project(runtime)
    # a well-signed link whose user belongs to another project: the pair is checked, not each id alone
    crossed = issue_token(runtime, MagicLink(project.id, other.user_id, None))
    import asyncio

    await asyncio.sleep(2.1)  # itsdangerous timestamps have one-second resolution
    for bad, reason in ((token[:-3] + "abc", "not valid"), ("nonsense", "not valid"), (expired, "expired"),
                        (crossed, "not valid")):
        for path in ("/connect", "/connect/quickbooks/start", "/connect/tryton/credentials"):
            answer = await api.get(path, params={"link": bad})
            assert answer.status_code == 403 and reason in answer.text, (path, reason)
    assert await _connections(runtime, project) == []


async def test_tryton_form_validates_and_never_echoes_the_password(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    token = query(await link_for(runtime, project))["link"]
    form = await api.get("/connect/tryton/credentials", params={"link": token})
    assert form.status_code == 200 and 'name="database"' in form.text
    bad = await api.post("/connect/tryton/credentials",
                         data={"link": token, "url": "ftp://x", "username": "admin", "password": "hunter2-secret"})
    assert bad.status_code == 422
    assert "url: must be an http(s) URL" in bad.text and "database: is required" in bad.text
    assert "hunter2-secret" not in bad.text
    forged = await api.post("/connect/tryton/credentials", data={"link": "forged", "url": "http://t", "database": "d",
                                                                 "username": "u", "password": "p"})
    assert forged.status_code == 403
    assert await _connections(runtime, project) == []


async def test_the_sync_status_poll_answers_only_for_the_links_own_connections(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    from ledgerbridge.connect import connect

    token = query(await link_for(runtime, project))["link"]
    own = await connect(runtime, project_id=project.id, provider="xero", credentials={}, account_id="a",
                        linked_user_id=project.user_id)
    other = await make_project(runtime, apps=False)
    foreign = await connect(runtime, project_id=other.id, provider="xero", credentials={}, account_id="b",
                            linked_user_id=other.user_id)
    async with runtime.engine.begin() as db:  # same project, another of its users
        someone = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="customer-2")
    sibling = await connect(runtime, project_id=project.id, provider="xero", credentials={}, account_id="c",
                            linked_user_id=someone)
    polled = await api.get("/connect/status", params={"link": token, "connection": str(own.id)})
    assert polled.status_code == 200 and "Reading your books" in polled.text  # not synced yet: keep polling
    for connection in (foreign, sibling):
        answer = await api.get("/connect/status", params={"link": token, "connection": str(connection.id)})
        assert answer.status_code == 404 and answer.text == ""
    assert (await api.get("/connect/status", params={"link": "forged", "connection": str(own.id)})).status_code == 403
