"""Reads: stable keys, not-found, paging to the end, ``since`` — for every object every provider lists."""

from __future__ import annotations

import datetime as dt
import re
import sys
import uuid
from collections import Counter

import pytest

from tests.contract import bodies
from tests.contract.contract import CREATABLE, Contract

pytestmark = pytest.mark.objects("listed")

SMALL_PAGE = 2
LONG_AGO = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DIGITS = re.compile(r"\d+")


def unknown_like(key: str) -> str:
    """A key shaped like ``key`` (same kind of id in the same place) that no provider record has."""
    ids = list(_UUID.finditer(key))
    if ids:
        last = ids[-1]
        fresh = str(uuid.uuid4())
        if last.group() != last.group().lower():  # keep the provider's case
            fresh = fresh.upper()
        return key[: last.start()] + fresh + key[last.end():]
    numbers = list(_DIGITS.finditer(key))
    if numbers:
        last = numbers[-1]
        return key[: last.start()] + "987654321" + key[last.end():]
    return key + "-unknown"


def lower_page_size(contract: Contract, monkeypatch: pytest.MonkeyPatch, size: int) -> bool:
    """Make the connector page by ``size``: its ``page_size`` attribute, else its module's ``PAGE_SIZE``."""
    connector = contract.connector
    if hasattr(connector, "page_size"):
        monkeypatch.setattr(connector, "page_size", size)
        return True
    module = sys.modules[type(connector).__module__]
    if hasattr(module, "PAGE_SIZE"):
        monkeypatch.setattr(module, "PAGE_SIZE", size)
        return True
    return False


async def test_two_full_listings_give_the_same_keys(contract: Contract, object_name: str) -> None:
    first = await contract.keys(object_name)
    second = await contract.keys(object_name)
    assert sorted(first) == sorted(second)
    assert set(first) >= contract.baseline[object_name], "records listed at setup vanished"


async def test_a_listed_record_fetches_under_its_own_key(contract: Contract, object_name: str) -> None:
    records = await contract.records(object_name)
    if not records:
        pytest.skip(f"{contract.provider} holds no {object_name} to fetch")
    for record in records[:3]:
        fetched = await contract.connector.fetch(object_name, record.remote_key)
        assert fetched is not None, record.remote_key
        assert fetched.remote_key == record.remote_key
        assert fetched.remote_id == record.remote_id
        assert fetched.object == object_name


async def test_an_unknown_key_is_none(contract: Contract, object_name: str) -> None:
    keys = await contract.keys(object_name)
    if not keys:
        pytest.skip(f"{contract.provider} holds no {object_name} to shape an unknown key on")
    unknown = unknown_like(keys[0])
    assert unknown not in keys
    assert await contract.connector.fetch(object_name, unknown) is None


async def test_fetch_many_answers_the_known_keys_and_leaves_unknown_ones_out(
    contract: Contract, object_name: str
) -> None:
    keys = await contract.keys(object_name)
    if not keys:
        pytest.skip(f"{contract.provider} holds no {object_name} to fetch")
    wanted = keys[:3]
    found = await contract.connector.fetch_many(object_name, [*wanted, unknown_like(keys[0])])
    assert found.keys() == set(wanted)
    assert all(record.remote_key == key for key, record in found.items())


async def test_small_pages_reach_the_end_without_repeats(
    contract: Contract, object_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = await contract.keys(object_name)
    if not lower_page_size(contract, monkeypatch, SMALL_PAGE):
        pytest.skip(f"{contract.provider}'s connector has no page size to lower")
    pages = await contract.pages(object_name)
    keys = [record.remote_key for page in pages for record in page]
    repeated = [key for key, n in Counter(keys).items() if n > 1]
    assert not repeated, f"listed more than once: {repeated}"
    assert sorted(keys) == sorted(whole)


async def test_since_lists_what_changed_and_not_what_did_not(contract: Contract, object_name: str) -> None:
    whole = set(await contract.keys(object_name))
    assert set(await contract.keys(object_name, since=LONG_AGO)) >= whole, "since before everything lost records"
    if object_name in contract.require_profile().unfiltered:  # the provider cannot filter: all, every time
        assert set(await contract.keys(object_name, since=contract.quiet_since)) == whole
        return

    created: str | None = None
    if object_name in CREATABLE and "create" in contract.connector.capabilities.objects[object_name]:
        record = await bodies.create(contract, object_name)
        created = record["remote_id"]
    listed = await contract.records(object_name, since=contract.quiet_since)
    if created is not None:
        assert created in {r.remote_id for r in listed}, "a record created after since is not listed"
    untouched = {
        r.remote_key for r in listed
        if r.remote_key in contract.baseline[object_name]
        and contract.unified_id(object_name, r.remote_key) not in contract.touched
    }
    assert not untouched, f"records unchanged since {contract.quiet_since} are listed: {sorted(untouched)[:5]}"
