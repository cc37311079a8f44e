"""Writes: versions advance on update and void; unkeyed writes reach the provider once, keyed ones are retried
with the same key (the sandboxes' fault plans, and the wiretap for answers lost after the provider acted)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pytest

from ledgerbridge.objects import spec
from ledgerbridge.sandbox.faults import Fault
from tests.contract import bodies
from tests.contract.contract import Contract, quiet_point

# A change the suite can make to a record of each object it updates.
PATCHES: dict[str, dict[str, Any]] = {
    "invoice": {"memo": "changed by the contract suite"},
    "contact": {"email_address": "contract@example.com"},
}


async def remote_key_of(contract: Contract, object_name: str, unified_id: str) -> str:
    for key in await contract.keys(object_name):
        if str(contract.unified_id(object_name, key)) == unified_id:
            return key
    raise LookupError(f"{unified_id} is not listed by the connector")


async def read(contract: Contract, object_name: str, unified_id: str) -> httpx.Response:
    response = await contract.api.get(f"{spec(object_name).path}/{unified_id}", headers=contract.headers,
                                      params={"remote_data": "true"})
    assert response.status_code == 200, response.text
    return response


async def assert_advanced(contract: Contract, object_name: str, key: str, before: httpx.Response,
                          after: httpx.Response) -> None:
    """The ETag and the provider's version moved, and the provider's record now has the version we stored."""
    assert after.headers["ETag"] != before.headers["ETag"]
    old = contract.connector.version(before.json().get("remote_data"))
    new = contract.connector.version(after.json().get("remote_data"))
    if old is None and new is None:
        return  # the provider keeps no version: the ETag is the whole contract
    assert new != old, f"{contract.provider}'s version stayed {old!r}"
    fetched = await contract.connector.fetch(object_name, key)
    assert fetched is not None
    assert contract.connector.version(fetched.remote_data) == new


@pytest.mark.objects("updatable")
async def test_an_update_advances_the_version_and_is_listed_since(contract: Contract, object_name: str) -> None:
    if object_name not in PATCHES:
        pytest.skip(f"the suite has no change to make to a {object_name}")
    created = await bodies.create(contract, object_name)
    key = await remote_key_of(contract, object_name, created["id"])
    before = await read(contract, object_name, created["id"])
    since = await quiet_point()
    response = await contract.api.patch(f"{spec(object_name).path}/{created['id']}", json=PATCHES[object_name],
                                        headers={**contract.headers, "If-Match": before.headers["ETag"]},
                                        params={"remote_data": "true"})
    assert response.status_code == 200, response.text
    await assert_advanced(contract, object_name, key, before, await read(contract, object_name, created["id"]))
    assert key in await contract.keys(object_name, since=since), "an updated record is not listed since"


@pytest.mark.objects("voidable")
async def test_a_void_advances_the_version(contract: Contract, object_name: str) -> None:
    since = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=1)
    created = await bodies.create(contract, object_name)
    key = await remote_key_of(contract, object_name, created["id"])
    before = await read(contract, object_name, created["id"])
    response = await contract.api.delete(f"{spec(object_name).path}/{created['id']}",
                                         headers={**contract.headers, "If-Match": before.headers["ETag"]},
                                         params={"remote_data": "true"})
    assert response.status_code == 200, response.text
    if response.json().get("remote_was_deleted"):  # the provider deletes what it cannot void
        fetched = await contract.connector.fetch(object_name, key)
        assert fetched is None or fetched.deleted
        if contract.connector.objects[object_name].deleted is not None:  # a deletion feed tells incremental passes
            assert key in await contract.connector.deleted(object_name, since)
        return
    voided = response.json()
    if "status" in voided:  # voided, not deleted: the record stays, and its status says so (README: voided vs deleted)
        assert voided["status"] in ("VOID", "VOIDED"), voided["status"]
    await assert_advanced(contract, object_name, key, before, await read(contract, object_name, created["id"]))


async def create_through_failure(contract: Contract, object_name: str, *, before: bool) -> tuple[
        httpx.Response, list[httpx.Request], int]:
    """POST a create whose first provider call fails (before the provider acts, or by losing its answer).

    Answers the API's response, the create calls that reached the wire and how many records the provider gained.
    """
    profile = contract.require_profile()
    body = await bodies.body_for(contract, object_name)
    keys_before = set(await contract.keys(object_name))
    start = len(contract.tap.calls)
    harness = contract.harness
    if before and harness.faults is not None and object_name == "invoice":  # the sandbox's own fault plan
        harness.faults.add(Fault(kind="status", status=503, times=1, path_contains=harness.invoice_write_path,
                                 method=harness.invoice_write_method))
    else:
        contract.tap.lose_answers(profile.creates(object_name), before=before)
    try:
        response = await contract.api.post(spec(object_name).path, json=body, headers=contract.headers)
    finally:
        contract.tap.disarm()
        if harness.faults is not None:
            harness.faults.clear()
    calls = contract.tap.matching(profile.creates(object_name), since=start)
    gained = len(set(await contract.keys(object_name)) - keys_before)
    return response, calls, gained


def keys_of(contract: Contract, calls: list[httpx.Request]) -> list[str | None]:
    return [contract.require_profile().idempotency_key(call) for call in calls]


@pytest.mark.objects("creatable")
@pytest.mark.parametrize("failure", ["before_the_provider", "answer_lost"])
async def test_a_failed_create_is_retried_only_with_the_providers_idempotency_key(
    contract: Contract, object_name: str, failure: str
) -> None:
    if object_name not in contract.require_profile().create_calls:
        pytest.skip(f"the profile names no create call of {object_name}")
    response, calls, gained = await create_through_failure(contract, object_name,
                                                           before=failure == "before_the_provider")
    assert calls, "the create never reached the wire"
    keys = keys_of(contract, calls)
    if keys[0] is None:  # unkeyed: exactly one call, and the caller is told it failed
        assert len(calls) == 1, f"an unkeyed create was sent {len(calls)} times"
        assert response.status_code >= 500, response.text
        assert gained <= (1 if failure == "answer_lost" else 0)
        return
    assert len(calls) >= 2, "a keyed create that failed was not retried"
    assert len(set(keys)) == 1, f"the retry changed the idempotency key: {keys}"
    assert response.status_code == 201, response.text
    assert gained == 1, f"the provider holds {gained} new records for one keyed create"


async def test_the_same_api_idempotency_key_makes_one_provider_write(contract: Contract) -> None:
    """A caller's retry (same Idempotency-Key) after a failure reaches the provider with the same key."""
    if "create" not in contract.connector.capabilities.objects.get("invoice", frozenset()):
        pytest.skip(f"{contract.provider} does not create invoices")
    profile = contract.require_profile()
    body = await bodies.body_for(contract, "invoice")
    headers = {**contract.headers, "Idempotency-Key": f"contract-{uuid.uuid4().hex}"}
    start = len(contract.tap.calls)
    first = await contract.api.post(spec("invoice").path, json=body, headers=headers)
    again = await contract.api.post(spec("invoice").path, json=body, headers=headers)
    assert first.status_code == 201, first.text
    assert again.status_code == 201, again.text
    assert again.json()["id"] == first.json()["id"]
    assert len(contract.tap.matching(profile.creates("invoice"), since=start)) == 1
