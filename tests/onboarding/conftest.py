"""Onboarding fixtures: a project with QuickBooks and Xero apps aimed at in-process sandboxes."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from ledgerbridge.api import create_app
from ledgerbridge.connectors import spec
from ledgerbridge.onboarding import app_credentials
from ledgerbridge.onboarding.magic_links import magic_link
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sandbox.quickbooks import create_app as quickbooks_app
from ledgerbridge.sandbox.xero import XeroSandbox
from ledgerbridge.sandbox.xero import create_app as xero_app
from ledgerbridge.store import tenancy

LB = "http://lb"
CALLBACK = f"{LB}/connect/callback"
APP = ("onboarding-app", "onboarding-secret-value")


def _endpoints(provider: str, base_url: str) -> dict[str, str]:
    """The provider app's endpoints aimed at the provider's sandbox served at ``base_url``."""
    endpoints = spec(provider).sandbox.endpoints  # type: ignore[union-attr]
    assert endpoints is not None
    return endpoints(base_url)


@dataclass
class Sandboxes:
    quickbooks: QuickBooksSandbox
    realm: str
    xero: XeroSandbox
    tenant_id: str

    def browser(self) -> httpx.AsyncClient:
        """A 'browser' that can reach both sandboxes' consent pages (no redirects followed)."""
        qbo = httpx.ASGITransport(app=quickbooks_app(self.quickbooks))
        xero = httpx.ASGITransport(app=xero_app(self.xero))
        mounts = {"http://qbo": qbo, "http://xero": xero}
        return httpx.AsyncClient(mounts=mounts)


@dataclass
class Project:
    id: uuid.UUID
    api_key: str
    user_id: uuid.UUID


@pytest.fixture
def sandboxes(transports: dict[str, httpx.AsyncBaseTransport]) -> Sandboxes:
    qbo = QuickBooksSandbox()
    realm = qbo.create_realm(company_name="Onboarding Co")
    qbo.seed_demo(realm)
    qbo.register_client(*APP, redirect_uris=[CALLBACK])
    xero = XeroSandbox()
    tenant = xero.create_tenant(name="Onboarding Ltd")
    xero.seed_demo(tenant)
    xero.register_client(*APP, redirect_uris=[CALLBACK])
    transports["quickbooks"] = httpx.ASGITransport(app=quickbooks_app(qbo))
    transports["xero"] = httpx.ASGITransport(app=xero_app(xero))
    return Sandboxes(qbo, realm, xero, tenant)


async def make_project(runtime: Runtime, *, apps: bool = True) -> Project:
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name=f"onboarding {uuid.uuid4().hex[:6]}")
        key = await tenancy.create_api_key(db, project_id=project.id)
        user = await tenancy.create_linked_user(db, project_id=project.id, origin_user_id="customer-1")
        if apps:
            for provider, base in (("quickbooks", "http://qbo"), ("xero", "http://xero")):
                await app_credentials.save(db, runtime.sealer, project_id=project.id, provider=provider,
                                           values={"client_id": APP[0], "client_secret": APP[1],
                                                   **_endpoints(provider, base)})
            await app_credentials.enable(db, runtime.sealer, project_id=project.id, provider="tryton")
    return Project(project.id, key, user)


@pytest.fixture
async def project(runtime: Runtime, sandboxes: Sandboxes) -> Project:
    return await make_project(runtime)


@pytest.fixture
async def api(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(runtime)), base_url=LB) as client:
        yield client


async def link_for(runtime: Runtime, project: Project, return_url: str | None = "https://app.example/done") -> str:
    url = await magic_link(runtime, project_id=project.id, linked_user_id=project.user_id, base_url=LB,
                           return_url=return_url)
    return url.removeprefix(LB)


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


async def consent(browser: httpx.AsyncClient, authorize_url: str, *, allow: bool = True) -> str:
    """Submit the sandbox's consent form as a user would; returns the redirect back to us."""
    page = await browser.get(authorize_url)
    assert page.status_code == 200, page.text
    params = query(authorize_url)
    if "qbo" in authorize_url:
        form = {**{k: params.get(k, "") for k in ("client_id", "redirect_uri", "state", "scope")},
                "realm_id": params.get("realm_id") or _first_option(page.text),
                "action": "authorize" if allow else "deny"}
    else:
        form = {**params, "decision": "allow" if allow else "deny"}
    answer = await browser.post(authorize_url.split("?")[0], data=form)
    assert answer.status_code == 302, answer.text
    return answer.headers["location"]


def _first_option(html: str) -> str:
    return html.split('<option value="', 1)[1].split('"', 1)[0]
