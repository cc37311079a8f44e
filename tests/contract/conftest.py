"""The connector contract: every registered provider, through its harness, held to the same rules.

Tests here take ``contract`` (one connected tenant per provider and database backend, shared by the whole
session) and, where they are about one object, ``object_name``; :func:`pytest_generate_tests` crosses every
provider in :data:`ledgerbridge.connectors.PROVIDERS` with the objects its connector declares. Which objects a
test wants is its ``objects`` mark (``listed``, ``reports``, ``updatable``, ``voidable``, ``creatable``,
``declared``). A provider gets the whole suite by being registered and having a harness in ``tests/providers.py``
(a ``Harness`` subclass with its ``name`` and its ``contract`` profile).
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from ledgerbridge.connectors import providers
from ledgerbridge.runtime import Runtime
from ledgerbridge.settings import Settings
from tests.contract import bodies
from tests.contract.contract import Contract, known_bug, objects_of, quiet_point, undeclared
from tests.contract.wiretap import Wiretap
from tests.factories import api_client, connected_tenant
from tests.providers import TEST_EGRESS, Harness, build_harness

SECRET = base64.b64encode(b"c" * 32).decode()
UNLIMITED = 1_000_000
SEEDED_INVOICES = 3


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "contract: the connector contract suite (every provider, tests/contract)")
    config.addinivalue_line("markers", "objects(kind): which declared objects a contract test runs for")


@pytest.hookimpl(trylast=True)  # after pytest's own reordering by fixture parameters
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the suite, and run it grouped by (backend, provider) so each connected tenant is set up once.

    pytest tells apart the parameters of ``provider_name`` by position, and a (provider, object) pair has a
    position of its own: left alone it would interleave providers and connect a tenant again at every switch.
    """
    places = [i for i, item in enumerate(items) if _is_contract(item)]
    ours = [items[i] for i in places]
    for item in ours:
        item.add_marker(pytest.mark.contract)
    ours.sort(key=_group)  # stable: each group keeps the file order
    for i, item in zip(places, ours, strict=True):
        items[i] = item


def _is_contract(item: pytest.Item) -> bool:
    return "tests/contract/" in str(item.path).replace("\\", "/")


def _group(item: pytest.Item) -> tuple[str, str]:
    params = getattr(getattr(item, "callspec", None), "params", {})
    return str(params.get("engine", "")), str(params.get("provider_name", ""))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "provider_name" not in metafunc.fixturenames:
        return
    test = metafunc.function.__name__
    if "object_name" not in metafunc.fixturenames:
        metafunc.parametrize("provider_name", [_param(test, p) for p in providers()], indirect=True,
                             scope="session")
        return
    if "operation" in metafunc.fixturenames:
        triples = [_param(test, p, name, op) for p in providers() for name, op in undeclared(p)]
        metafunc.parametrize(("provider_name", "object_name", "operation"), triples, indirect=["provider_name"],
                             scope="session")
        return
    mark = metafunc.definition.get_closest_marker("objects")
    kind = mark.args[0] if mark is not None else "declared"
    pairs = [_param(test, p, name) for p in providers() for name in objects_of(p, kind)]
    metafunc.parametrize(("provider_name", "object_name"), pairs, indirect=["provider_name"], scope="session")


def _param(test: str, provider: str, object_name: str | None = None, operation: str | None = None) -> Any:
    bug = known_bug(provider, object_name if operation is None else f"{object_name}.{operation}", test)
    marks = [pytest.mark.xfail(strict=True, reason=bug.reason)] if bug is not None else []
    if object_name is None:
        return pytest.param(provider, id=provider, marks=marks)
    if operation is None:
        return pytest.param(provider, object_name, id=f"{provider}-{object_name}", marks=marks)
    return pytest.param(provider, object_name, operation, id=f"{provider}-{object_name}-{operation}", marks=marks)


@pytest.fixture(scope="session")
def provider_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def lift_quota(harness: Harness) -> bool:
    """Lift a sandbox's request quota: the contract is about answers, and a minute's quota would pace the suite.

    Returns whether there was one (a real server keeps whatever it has)."""
    limiter = getattr(getattr(harness, "sandbox", None), "limiter", None)
    if limiter is None or not hasattr(limiter, "per_minute"):
        return False
    limiter.per_minute = UNLIMITED
    if hasattr(limiter, "per_day"):
        limiter.per_day = UNLIMITED
    return True


@pytest.fixture(scope="session")
async def contract(
    request: pytest.FixtureRequest, provider_name: str, engine: AsyncEngine,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Contract]:
    harness = build_harness(provider_name, request)
    lifted = lift_quota(harness)
    inner = harness.transports()
    taps = {name: Wiretap(transport) for name, transport in inner.items()}
    if provider_name not in taps:  # a real server: the network, through the wiretap
        taps[provider_name] = Wiretap(httpx.AsyncHTTPTransport())
    settings = Settings(data_dir=tmp_path_factory.mktemp(f"contract-{provider_name}"), secret_key=SECRET,
                        egress_allow_networks=TEST_EGRESS)
    runtime = Runtime(settings, engine=engine, transports=taps)
    credentials, account = harness.credentials()
    if lifted:  # our side's budget too, or the connector would pace itself to the provider's real quota
        credentials = {**credentials, "rate_per_minute": UNLIMITED}
    tenant = await connected_tenant(runtime, provider=provider_name, credentials=credentials, account_id=account)
    api = api_client(runtime)
    # A few invoices of the provider's own making (sandboxes and demo books may hold none) so keys, fetches
    # and paging have something to work on; few, since a real ERP makes them one by one.
    await harness.seed_invoices(runtime, tenant, SEEDED_INVOICES)
    contract = Contract(provider_name, harness, runtime, tenant, api, taps[provider_name], harness.contract,
                        quiet_since=dt.datetime.now(dt.UTC), baseline={})
    for name in objects_of(provider_name, "creatable"):  # one of each object the suite can write, too
        await bodies.create(contract, name)
    contract.touched.clear()
    contract.quiet_since = await quiet_point()
    for name in objects_of(provider_name, "listed"):
        contract.baseline[name] = set(await contract.keys(name))
    yield contract
    await api.aclose()
    await runtime.http.aclose()
    close = getattr(harness, "close", None)
    if close is not None:
        await close()
    assert not harness.contract_violations(), "\n".join(harness.contract_violations())


