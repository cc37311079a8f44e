"""SSRF through the connect page's key form (Tryton): offered only where the project enabled it, its server URL
refused at internal addresses in every spelling (nothing is connected and the listener hears nothing), and a
database name that cannot change the URL's path."""

from __future__ import annotations

import socket
import uuid
from typing import Any

import httpx
import pytest

from ledgerbridge.onboarding import app_credentials
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy
from tests.onboarding.conftest import Project, Sandboxes, api, link_for, make_project, query, sandboxes
from tests.security.conftest import INTERNAL_HOSTS, Listener

__all__ = ["api", "sandboxes"]  # the onboarding fixtures


async def _connections(runtime: Runtime, project: Project) -> list[tenancy.Connection]:
    async with runtime.engine.connect() as db:
        return await tenancy.list_connections(db, project_id=project.id)


async def _enabled(runtime: Runtime) -> Project:
    project = await make_project(runtime, apps=False)
    async with runtime.engine.begin() as db:
        await app_credentials.enable(db, runtime.sealer, project_id=project.id, provider="tryton")
    return project


def _form(token: str, url: str, database: str = "demo") -> dict[str, str]:
    return {"link": token, "url": url, "database": database, "username": "admin", "password": "pw"}


async def test_key_providers_are_hidden_unless_the_project_enabled_them(
        runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, listener: Listener) -> None:
    bare = await make_project(runtime, apps=False)
    link = await link_for(runtime, bare)
    token = query(link)["link"]
    assert 'id="connect-tryton"' not in (await api.get(link)).text
    assert (await api.get("/connect/tryton/credentials", params={"link": token})).status_code == 404
    posted = await api.post("/connect/tryton/credentials", data=_form(token, "https://erp.example.com"))
    assert posted.status_code == 404 and await _connections(runtime, bare) == []

    enabled = await _enabled(runtime)
    link = await link_for(runtime, enabled)
    assert 'id="connect-tryton"' in (await api.get(link)).text
    assert (await api.get("/connect/tryton/credentials", params={"link": query(link)["link"]})).status_code == 200
    assert listener.requests == []


@pytest.mark.parametrize("host", INTERNAL_HOSTS)
async def test_an_internal_server_url_is_refused(runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes,
                                                 listener: Listener, host: str) -> None:
    project = await _enabled(runtime)
    token = query(await link_for(runtime, project))["link"]
    answer = await api.post("/connect/tryton/credentials", data=_form(token, f"http://{host}:{listener.port}"))
    assert answer.status_code == 422, answer.text
    assert "url: " in answer.text and "private, loopback or reserved" in answer.text
    assert await _connections(runtime, project) == []
    assert listener.requests == []


async def test_a_name_resolving_inside_is_refused(runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes,
                                                  listener: Listener, fake_dns: dict[str, list[str]]) -> None:
    project = await _enabled(runtime)
    token = query(await link_for(runtime, project))["link"]
    fake_dns["erp.test"] = ["127.0.0.1"]
    answer = await api.post("/connect/tryton/credentials", data=_form(token, f"http://erp.test:{listener.port}"))
    assert answer.status_code == 422 and "url: host &#39;erp.test&#39; resolves to" in answer.text
    assert "127.0.0.1" not in answer.text  # internal DNS is not read back to the caller
    assert await _connections(runtime, project) == [] and listener.requests == []


@pytest.mark.parametrize("database", ["demo/../../admin", "x?y=1", "x#y", "a%2fb", "..", "a/b", " /etc"])
async def test_the_database_cannot_change_the_url_path(runtime: Runtime, api: httpx.AsyncClient,
                                                       sandboxes: Sandboxes, database: str) -> None:
    project = await _enabled(runtime)
    token = query(await link_for(runtime, project))["link"]
    answer = await api.post("/connect/tryton/credentials",
                            data=_form(token, "https://erp.example.com", database=database))
    assert answer.status_code == 422 and "database: must be a plain name" in answer.text
    assert await _connections(runtime, project) == []


async def test_enabling_takes_only_key_providers(runtime: Runtime, sandboxes: Sandboxes) -> None:
    from ledgerbridge.errors import ValidationFailed

    async with runtime.engine.begin() as db:
        with pytest.raises(ValidationFailed):
            await app_credentials.enable(db, runtime.sealer, project_id=uuid.uuid4(), provider="quickbooks")


async def test_a_connected_server_that_rebinds_inside_is_refused_on_every_call(
        runtime: Runtime, api: httpx.AsyncClient, listener: Listener, monkeypatch: pytest.MonkeyPatch) -> None:
    # The form was answered while erp.test resolved to a public address; now it resolves to this machine, for
    # everyone on it (the system resolver). Every later call — the connector's, a passthrough — is checked again
    # and goes nowhere.
    from ledgerbridge.errors import ProviderUnavailable
    from tests.factories import connected_tenant

    credentials = {"url": f"http://erp.test:{listener.port}", "database": "demo", "username": "admin",
                   "password": "pw"}
    tenant = await connected_tenant(runtime, provider="tryton", credentials=credentials, account_id="demo",
                                    sync=False)
    system_resolver = socket.getaddrinfo

    def rebound(host: Any, *args: Any, **kwargs: Any) -> Any:
        numeric_only = kwargs.get("flags", 0) & socket.AI_NUMERICHOST  # a lookup that never asks DNS
        rebinds = host in ("erp.test", b"erp.test") and not numeric_only  # anyio hands the resolver bytes
        return system_resolver("127.0.0.1" if rebinds else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebound)

    passthrough = await api.post("/passthrough", headers=tenant.headers,
                                 json={"method": "POST", "path": "/", "data": {"method": "common.db.list"}})
    assert passthrough.status_code == 502, passthrough.text
    assert "internal secret" not in passthrough.text and "127.0.0.1" not in passthrough.text
    with pytest.raises(ProviderUnavailable):
        await runtime.connector(tenant.connection).fetch("contact", "party.party/1")
    assert listener.requests == []
