"""The capability matrix: served per connection, enforced at runtime, and the source of docs/coverage.md."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import httpx

from ledgerbridge.connectors import connector_class
from ledgerbridge.objects import OBJECTS
from tests.factories import Tenant, first

ROOT = Path(__file__).resolve().parents[2]


async def test_the_matrix_is_served_for_the_connection(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    response = await api.get("/accounting/capabilities", headers=qbo_tenant.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["provider"] == "quickbooks"
    caps = connector_class("quickbooks").capabilities
    for name, entry in body["objects"].items():
        assert set(entry["operations"]) == set(caps.objects[name])
        assert set(entry["unsupported_fields"]) == set(caps.unsupported_fields.get(name, ()))
        assert not set(entry["writable_fields"]) & set(entry["unsupported_fields"])
        assert entry["unmapped_provider_fields"] == dict(caps.unmapped_fields.get(name, {}))
    assert "UnappliedAmt" in body["objects"]["payment"]["unmapped_provider_fields"]
    invoice = body["objects"]["invoice"]
    assert {"update", "void"} <= set(invoice["operations"])
    assert "accounting_period_id" in invoice["unsupported_fields"]
    assert "line_items[].item_id" in invoice["writable_fields"]
    assert (await api.get("/accounting/capabilities", headers={"x-api-key": qbo_tenant.api_key})).status_code == 404


async def test_reads_of_objects_the_provider_lacks_are_a_clear_400(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    caps = connector_class("quickbooks").capabilities
    for spec in OBJECTS:
        response = await api.get(spec.path, headers=qbo_tenant.headers)
        if caps.supports(spec.name, "list"):
            assert response.status_code == 200, (spec.name, response.text)
        else:
            assert response.status_code == 400, (spec.name, response.text)
            assert "quickbooks" in response.json()["message"]
            retrieve = await api.get(f"{spec.path}/6b0c1ef4-0000-4000-8000-000000000000", headers=qbo_tenant.headers)
            assert retrieve.status_code == 400


async def test_unsupported_fields_warn_centrally_once(api: httpx.AsyncClient, qbo_tenant: Tenant) -> None:
    # company_info_id comes from the declared capabilities (central); field_mappings.x from the custom-field
    # check: "x" is no custom field the project defined, so its value is reported and not kept.
    company = "6b0c1ef4-0000-4000-8000-000000000000"
    response = await api.post("/accounting/contacts", headers=qbo_tenant.headers, json={
        "name": "Central Warnings Ltd", "is_customer": True, "company_info_id": company,
        "field_mappings": {"x": "y"},
    })
    assert response.status_code == 201, response.text
    fields = [w["field"] for w in response.json()["warnings"]]
    assert sorted(fields) == ["company_info_id", "field_mappings.x"]
    customer = await first(api, qbo_tenant, "/accounting/contacts", name="Central Warnings Ltd")
    assert customer["company_info_id"] is None


def test_the_coverage_page_is_generated_from_the_matrix() -> None:
    spec = importlib.util.spec_from_file_location("coverage_doc", ROOT / "scripts" / "coverage_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "coverage.md").read_text() == module.render(), "run python scripts/coverage_doc.py"


def test_provider_fields_without_a_unified_home_are_listed_and_real() -> None:
    """What a mapper reads and cannot carry is named in the matrix, by the provider's own field names (each one
    found in a response recorded from the real service)."""
    recorded = ROOT.parent / "shared" / "reference" / "recorded"
    for provider, folder in (("quickbooks", "qbo"), ("xero", "xero")):
        unmapped = connector_class(provider).capabilities.unmapped_fields
        texts = "\n".join(p.read_text(errors="replace") for p in (recorded / folder).rglob("*") if p.is_file())
        for object_name, fields in unmapped.items():
            for name in fields:
                assert name.rsplit(".", 1)[-1] in texts, (provider, object_name, name)
    assert "UnappliedAmt" in connector_class("quickbooks").capabilities.unmapped_fields["payment"]
