"""OAuth callbacks link only accounts the new token can reach: a forged QuickBooks ``realmId`` is refused with
nothing stored (no connection made, none overwritten), and Xero's tenants come from the token's ``/connections``."""

from __future__ import annotations

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from tests.onboarding.conftest import LB, Project, Sandboxes, consent, make_project, query
from tests.onboarding.test_flow import _connections, _event_details, _start


def _with_realm(callback: str, realm: str) -> str:
    params = query(callback)
    assert params["realmId"]  # the sandbox names the consented realm, as Intuit does
    return callback.replace(f"realmId={params['realmId']}", f"realmId={realm}")


@pytest.mark.parametrize("forged", ["other", "9999999999", "../../company/1", "1%2F..%2F2"])
async def test_a_forged_realm_id_links_and_overwrites_nothing(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project, forged: str
) -> None:
    other = sandboxes.quickbooks.create_realm(company_name="Someone Else Inc")
    victim_realm = other if forged == "other" else forged
    # The project is already linked to the other company: its credentials must survive the attempt.
    async with sandboxes.browser() as browser:
        authorize = await _start(api, runtime, project, "quickbooks")
        back = await consent(browser, authorize.replace("?", f"?realm_id={other}&", 1))
    assert query(back)["realmId"] == other
    assert (await api.get(back.removeprefix(LB))).status_code == 303
    [before] = await _connections(runtime, project)
    sealed_before = before.sealed_credentials

    async with sandboxes.browser() as browser:
        back = await consent(browser, await _start(api, runtime, project, "quickbooks"))  # consents to its realm
    assert query(back)["realmId"] == sandboxes.realm
    answer = await api.get(_with_realm(back, victim_realm).removeprefix(LB))
    assert answer.status_code == 403 and "does not cover" in answer.text  # the page says so
    assert "error=account_not_granted" in answer.text  # and its link back tells the app why
    [after] = await _connections(runtime, project)
    assert (after.id, after.account_id, after.sealed_credentials) == (before.id, other, sealed_before)
    assert ("connection.failed", '{"provider": "quickbooks", "error": "account_not_granted"}') in [
        (t, d.replace('":"', '": "').replace('","', '", "')) for t, d in await _event_details(runtime, project)]


async def test_without_a_return_url_the_page_says_so(runtime: Runtime, api: httpx.AsyncClient,
                                                     sandboxes: Sandboxes) -> None:
    project = await make_project(runtime)
    other = sandboxes.quickbooks.create_realm(company_name="Someone Else Inc")
    link = (await _link(runtime, project)).removeprefix(LB)
    started = await api.get(link.replace("/connect?", "/connect/quickbooks/start?"))
    async with sandboxes.browser() as browser:
        back = await consent(browser, started.headers["location"])
    answer = await api.get(_with_realm(back, other).removeprefix(LB))
    assert answer.status_code == 403 and "does not cover" in answer.text and "Not connected" in answer.text
    assert await _connections(runtime, project) == []


async def _link(runtime: Runtime, project: Project) -> str:
    from ledgerbridge.onboarding.magic_links import magic_link

    return await magic_link(runtime, project_id=project.id, linked_user_id=project.user_id, base_url=LB)


async def test_xero_links_only_the_tokens_own_tenants(
    runtime: Runtime, api: httpx.AsyncClient, sandboxes: Sandboxes, project: Project
) -> None:
    stranger = sandboxes.xero.create_tenant(name="Stranger Ltd")
    async with sandboxes.browser() as browser:
        authorize = await _start(api, runtime, project, "xero")
        back = await consent(browser, authorize.replace("?", f"?tenants={sandboxes.tenant_id}&", 1))
    # A tenant named in the callback is not taken from there: only the token's /connections count.
    answer = await api.get(back.removeprefix(LB) + f"&tenantId={stranger}&realmId={stranger}")
    assert answer.status_code == 303
    assert [c.account_id for c in await _connections(runtime, project)] == [sandboxes.tenant_id]
