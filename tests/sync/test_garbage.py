"""The sync collects cyclic garbage less often while it runs, and puts the collector back as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.sync.engine import sync_connection
from ledgerbridge.sync.garbage import YOUNG_GENERATION, fewer_collections
from tests.factories import quickbooks_tenant


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_fewer_collections_raises_and_restores_even_when_nested(thresholds: tuple[int, int, int]) -> None:
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_GENERATION, 10, 10)
        with fewer_collections():  # a second sync in the same process
            assert gc.get_threshold()[0] == YOUNG_GENERATION
        assert gc.get_threshold()[0] == YOUNG_GENERATION  # the first one is still running
    assert gc.get_threshold() == thresholds


def test_fewer_collections_leaves_collection_off_when_it_was_off(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(0, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold()[0] == 0


async def test_sync_runs_with_fewer_collections_and_restores_them(
    runtime: Any, transports: dict[str, Any], thresholds: tuple[int, int, int]
) -> None:
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    transports["quickbooks"] = httpx.ASGITransport(app=create_app(sandbox))
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    during: set[int] = set()
    await sync_connection(runtime, tenant.connection, objects=["invoice"],
                          progress=lambda _name, _count: during.add(gc.get_threshold()[0]))
    assert during == {YOUNG_GENERATION}
    assert gc.get_threshold() == thresholds

    def fail(_name: str, _count: int) -> None:
        raise RuntimeError("page failed")

    with pytest.raises(RuntimeError):  # a failed sync puts them back too
        await sync_connection(runtime, tenant.connection, objects=["invoice"], progress=fail)
    assert gc.get_threshold() == thresholds
