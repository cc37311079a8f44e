"""Every one of the 20 unified paths answers on every provider: a page of data (records that retrieve by id)."""

from __future__ import annotations

import httpx
import pytest

from ledgerbridge.objects import OBJECTS
from tests.factories import Tenant
from tests.providers import Harness


@pytest.mark.parametrize("spec", OBJECTS, ids=[s.name for s in OBJECTS])
async def test_list_and_retrieve(api: httpx.AsyncClient, tenant: Tenant, provider: Harness, spec) -> None:  # type: ignore[no-untyped-def]
    listed = await api.get(spec.path, headers=tenant.headers, params={"limit": 5})
    assert listed.status_code in (200, 400), listed.text
    if listed.status_code == 400:  # not offered by this provider: says so, and names it
        assert provider.name in listed.json()["message"].lower()
        return
    page = listed.json()
    assert set(page) >= {"data", "next_cursor", "prev_cursor"}
    for row in page["data"][:2]:
        one = await api.get(f"{spec.path}/{row['id']}", headers=tenant.headers)
        assert one.status_code == 200, one.text
        assert one.json()["id"] == row["id"]
        spec.output.model_validate(one.json())  # the stored record has the documented shape
    missing = await api.get(f"{spec.path}/00000000-0000-0000-0000-000000000000", headers=tenant.headers)
    assert missing.status_code == 404


EXPECTED_DATA = {
    "quickbooks": {"payment", "company_info", "address", "account"},
    "xero": {"payment"},
}


async def test_provider_objects_have_data(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    """The sandboxes' seeded books show up in the new objects."""
    wanted = EXPECTED_DATA.get(provider.name, set())
    for name in sorted(wanted):
        spec = next(s for s in OBJECTS if s.name == name)
        page = (await api.get(spec.path, headers=tenant.headers)).json()
        assert page["data"], f"{provider.name}: no {name} records"
