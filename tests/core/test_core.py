"""Panora's core endpoints: each answers for the key's own project only; secrets never leave; passthrough stays
on the connection's provider."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.service import field_mappings as fm
from ledgerbridge.store import records
from ledgerbridge.store.records import Scope
from tests.factories import Tenant
from tests.providers import QuickBooksHarness, XeroHarness


@pytest.fixture
async def two(
    runtime: Runtime, transports: dict[str, httpx.AsyncBaseTransport],
) -> tuple[QuickBooksHarness, Tenant, Tenant]:
    harness = QuickBooksHarness()
    transports.update(harness.transports())
    return harness, await harness.tenant(runtime), await harness.tenant(runtime)


def key(tenant: Tenant) -> dict[str, str]:
    return {"x-api-key": tenant.api_key}


async def test_projects_linked_users_connections_and_events_are_the_keys_own(
    runtime: Runtime, api: httpx.AsyncClient, two: tuple[QuickBooksHarness, Tenant, Tenant]
) -> None:
    _, mine, theirs = two
    projects = (await api.get("/projects", headers=key(mine))).json()
    assert [p["id_project"] for p in projects] == [str(mine.project_id)]

    created = await api.post("/projects", headers=key(mine), json={"name": "Second", "id_user": "u"})
    assert created.status_code == 201 and created.json()["api_key"]
    new_key = {"x-api-key": created.json()["api_key"]}
    assert (await api.get("/projects", headers=new_key)).json()[0]["name"] == "Second"
    assert (await api.get("/connections", headers=new_key)).json() == []
    assert (await api.post("/projects", json={"name": "x"})).status_code == 401

    user = (await api.post("/linked_users", headers=key(mine),
                           json={"linked_user_origin_id": "acme-42", "alias": "acme"})).json()
    again = (await api.post("/linked_users", headers=key(mine), json={"linked_user_origin_id": "acme-42"})).json()
    assert again["id_linked_user"] == user["id_linked_user"]
    batch = await api.post("/linked_users/batch", headers=key(mine),
                           json={"linked_user_origin_ids": ["b1", "b2", "b1"], "alias": "x"})
    assert [u["linked_user_origin_id"] for u in batch.json()] == ["b1", "b2"]
    assert (await api.get(f"/linked_users/{user['id_linked_user']}", headers=key(mine))).status_code == 200
    assert (await api.get(f"/linked_users/{user['id_linked_user']}", headers=key(theirs))).status_code == 404
    assert (await api.get("/linked_users/not-a-uuid", headers=key(mine))).status_code == 404
    assert (await api.get("/linked_users/fromRemoteId", headers=key(theirs),
                          params={"remoteId": "acme-42"})).status_code == 404
    found = await api.get("/linked_users/fromRemoteId", headers=key(mine), params={"remoteId": "acme-42"})
    assert found.json()["id_linked_user"] == user["id_linked_user"]
    assert "acme-42" not in (await api.get("/linked_users", headers=key(theirs))).text
    bad = await api.post("/linked_users/batch", headers=key(mine), json={"linked_user_origin_ids": [""]})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "linked_user_origin_ids[0]"

    connections = (await api.get("/connections", headers=key(mine))).json()
    assert [c["connection_token"] for c in connections] == [mine.connection.token]
    assert connections[0]["account_url"] == "http://qbo/v3"
    credentials = runtime.sealer.open(mine.connection.sealed_credentials, bound_to=str(mine.connection.id))
    text = (await api.get("/connections", headers=key(mine))).text
    assert credentials["access_token"] not in text and credentials["refresh_token"] not in text
    assert "access_token" not in connections[0]

    events = (await api.get("/events", headers=key(mine), params={"limit": 100})).json()
    assert {e["type"] for e in events} >= {"connection.created", "sync.completed"}
    assert {e["id_project"] for e in events} == {str(mine.project_id)}
    assert events[0]["provider"] == "quickbooks"
    assert (await api.get("/events", headers=key(mine), params={"limit": 1000})).status_code == 422


async def test_field_mappings_define_map_capture_and_return_values(
    runtime: Runtime, api: httpx.AsyncClient, two: tuple[QuickBooksHarness, Tenant, Tenant]
) -> None:
    _, mine, theirs = two
    bad = await api.post("/field_mappings/define", headers=key(mine),
                         json={"object_type_owner": "company", "name": "1x", "data_type": "date"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"object_type_owner", "name", "data_type"}

    defined = await api.post("/field_mappings/define", headers=key(mine), json={
        "object_type_owner": "accounting.contact", "name": "tier", "description": "Tier", "data_type": "string"})
    assert defined.status_code == 201 and defined.json()["status"] == "defined"
    attribute = defined.json()["id_attribute"]
    dup = await api.post("/field_mappings/define", headers=key(mine), json={
        "object_type_owner": "contact", "name": "tier", "description": None, "data_type": "string"})
    assert dup.status_code == 409

    body = {"attributeId": attribute, "source_custom_field_id": "CustomField[DefinitionId=1].StringValue",
            "source_provider": "quickbooks", "linked_user_id": None}
    assert (await api.post("/field_mappings/map", headers=key(theirs), json=body)).status_code == 404
    mapped = await api.post("/field_mappings/map", headers=key(mine), json=body)
    assert mapped.status_code == 201 and mapped.json()["status"] == "mapped"
    assert mapped.json()["mappings"][0]["id_connection"] == str(mine.connection.id)
    number = await api.post("/field_mappings", headers=key(mine), json={
        "object_type_owner": "invoice", "name": "weight", "description": "kg", "data_type": "number",
        "source_custom_field_id": "CustomField[DefinitionId=2].StringValue", "source_provider": "quickbooks",
        "linked_user_id": None})
    assert number.status_code == 201

    # A sync page whose provider records carry the custom field: values are captured in the page transaction.
    scope = Scope(mine.project_id, mine.connection.id)
    page = await anext(runtime.connector(mine.connection).pages("contact"))
    first = page[0]
    remote = {**(first.remote_data or {}), "CustomField": [
        {"DefinitionId": "1", "Name": "Tier", "Type": "StringType", "StringValue": "gold"}]}
    changed = type(first)(**{**first.__dict__, "remote_data": remote,
                             "data": first.data.model_copy(update={"name": "Tiered"})})
    async with runtime.engine.begin() as db:
        upserted = await records.upsert(db, scope, [changed], now=dt.datetime.now(dt.UTC))
        assert await fm.capture(db, scope, upserted) == 1
        rendered = await fm.values_json(db, project_id=mine.project_id, record_ids=[str(upserted[0].id), "other"])
    assert rendered == {str(upserted[0].id): '{"tier":"gold"}'}

    values = (await api.get("/field_mappings/values", headers=key(mine))).json()
    assert [(v["slug"], v["data"], v["id_entity"]) for v in values] == [("tier", "gold", str(upserted[0].id))]
    assert (await api.get("/field_mappings/values", headers=key(theirs))).json() == []
    assert (await api.get("/field_mappings/entities", headers=key(theirs))).json() == []
    assert len((await api.get("/field_mappings/entities", headers=key(mine))).json()) == 1
    slugs = {a["slug"] for a in (await api.get("/field_mappings/attributes", headers=key(mine))).json()}
    assert slugs == {"tier", "weight"}
    assert (await api.get("/field_mappings/attributes", headers=key(theirs))).json() == []

    # Writes: values checked against the definitions, and put where the mapping says in the provider payload.
    async with runtime.engine.connect() as db:
        prepared = await fm.prepare(db, Scope(mine.project_id, mine.connection.id), "invoice",
                                    {"weight": Decimal("12.5")})
        with pytest.raises(Exception) as refused:
            await fm.prepare(db, scope, "invoice", {"weight": "heavy", "colour": "red"})
        # An undefined slug is not an error (Panora's examples send made-up ones): it is reported, not kept.
        lenient = await fm.prepare(db, scope, "invoice", {"colour": "red"})
    assert prepared.remote == {"CustomField[DefinitionId=2].StringValue": Decimal("12.5")}
    assert {e.field for e in refused.value.errors} == {"field_mappings.weight"}  # type: ignore[attr-defined]
    assert lenient.undefined == ["colour"] and lenient.remote == {} and lenient.by_definition == {}
    payload = fm.apply_remote({"Line": []}, prepared.remote)
    assert payload["CustomField"] == [{"DefinitionId": "2", "StringValue": Decimal("12.5")}]


async def test_passthrough_reaches_only_the_connections_provider_with_its_auth(
    runtime: Runtime, api: httpx.AsyncClient, two: tuple[QuickBooksHarness, Tenant, Tenant]
) -> None:
    harness, mine, theirs = two
    ok = await api.post("/passthrough", headers=mine.headers, json={
        "method": "GET", "path": f"/company/{harness.realm}/query?query=select * from Customer maxresults 2",
        "headers": {"Authorization": "Bearer stolen"}})
    assert ok.status_code == 200, ok.text
    answer = ok.json()
    assert answer["status"] == 200 and len(answer["data"]["QueryResponse"]["Customer"]) == 2
    credentials = runtime.sealer.open(mine.connection.sealed_credentials, bound_to=str(mine.connection.id))
    assert credentials["access_token"] not in ok.text

    for path in ("http://evil.test/x", "//evil.test/x", "/company/../../etc/passwd", "/%2e%2e/x",
                 "file:///etc/passwd", "/a\\..\\b", "f,\u00b9\U0001f7221\x11", "/x\x7f", "/x\ty"):
        refused = await api.post("/passthrough", headers=mine.headers, json={"method": "GET", "path": path})
        assert refused.status_code == 422, path
        assert refused.json()["errors"][0]["field"] == "path"
    override = await api.post("/passthrough", headers=mine.headers, json={
        "method": "GET", "path": "/x", "overrideBaseUrl": {"url": "http://evil.test"}, "request_format": "MULTIPART"})
    assert override.status_code == 422
    assert {e["field"] for e in override.json()["errors"]} == {"overrideBaseUrl", "request_format"}
    for headers in ({"\x84Xh": "v"}, {"X-Ok": "caf\u00e9"}, {"X-Split": "a\r\nInjected: yes"}, {"": "v"}):
        refused = await api.post("/passthrough", headers=mine.headers,
                                 json={"method": "GET", "path": "/x", "headers": headers})
        assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "headers", headers

    crossed = {"x-api-key": theirs.api_key, "x-connection-token": mine.connection.token}
    assert (await api.post("/passthrough", headers=crossed, json={"method": "GET", "path": "/x"})).status_code == 404

    events = (await api.get("/events", headers=key(mine), params={"limit": 100})).json()
    logged = [e for e in events if e["type"] == "passthrough.request"]
    assert logged and logged[-1]["method"] == "GET" and logged[-1]["status"] == "success"
    assert not [e for e in (await api.get("/events", headers=key(theirs), params={"limit": 100})).json()
                if e["type"] == "passthrough.request"]


async def test_webhooks_are_the_projects_own_and_their_secret_is_shown_once(
    api: httpx.AsyncClient, two: tuple[QuickBooksHarness, Tenant, Tenant]
) -> None:
    _, mine, theirs = two
    created = (await api.post("/webhooks", headers=key(mine), json={
        "url": "https://hooks.example/x", "description": None, "scope": ["accounting.invoice.*"]})).json()
    listed = (await api.get("/webhooks", headers=key(mine))).json()
    assert [w["id_webhook_endpoint"] for w in listed] == [created["id_webhook_endpoint"]]
    assert created["secret"] not in (await api.get("/webhooks", headers=key(mine))).text
    assert (await api.get("/webhooks", headers=key(theirs))).json() == []
    hook = created["id_webhook_endpoint"]
    assert (await api.put(f"/webhooks/{hook}", headers=key(theirs), json={"active": False})).status_code == 404
    assert (await api.delete(f"/webhooks/{hook}", headers=key(theirs))).status_code == 404
    assert (await api.get(f"/webhooks/{hook}/deliveries", headers=key(theirs))).status_code == 404
    bad = await api.post("/webhooks", headers=key(mine), json={"url": "ftp://x", "scope": ["accounting.invoce.*"]})
    assert bad.status_code == 422 and {e["field"] for e in bad.json()["errors"]} == {"url", "scope"}
    assert (await api.delete(f"/webhooks/{hook}", headers=key(mine))).status_code == 200
    assert (await api.get("/webhooks", headers=key(mine))).json() == []


async def test_page_numbers_are_bounded_so_offsets_fit_the_database(
    api: httpx.AsyncClient, two: tuple[QuickBooksHarness, Tenant, Tenant]
) -> None:
    _, mine, _ = two
    for path in ("/events", "/field_mappings/values", "/field_mappings/entities"):
        huge = await api.get(path, headers=mine.headers, params={"page": 3183971477254301184, "limit": 48})
        assert huge.status_code == 422 and huge.json()["errors"][0]["field"] == "page", path
        assert (await api.get(path, headers=mine.headers, params={"page": 1_000_000})).status_code == 200, path


async def test_passthrough_selects_the_connections_own_account_whatever_the_caller_sends(
    runtime: Runtime, api: httpx.AsyncClient, transports: dict[str, httpx.AsyncBaseTransport]
) -> None:
    harness = XeroHarness()
    transports.update(harness.transports())
    mine = await harness.tenant(runtime)
    other = harness.sandbox.create_tenant(name="Someone Else Ltd")
    harness.sandbox.seed_demo(other)
    ok = await api.post("/passthrough", headers=mine.headers, json={
        "method": "GET", "path": "/Organisation", "headers": {"Xero-Tenant-Id": other}})
    assert ok.status_code == 200, ok.text
    assert ok.json()["status"] == 200
    assert [o["Name"] for o in ok.json()["data"]["Organisations"]] != ["Someone Else Ltd"]

    listed = (await api.get("/connections", headers=key(mine))).json()
    assert [(c["provider_slug"], c["token_type"], c["account_url"]) for c in listed] == [
        ("xero", "oauth2", "http://xero/api.xro/2.0")]
