"""A connected tenant per provider for the contract suite, and what the tests need to know of providers."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from ledgerbridge.connectors import connector_class
from ledgerbridge.connectors.base import Connector, RemoteRecord
from ledgerbridge.objects import BY_NAME, OBJECTS
from ledgerbridge.runtime import Runtime
from tests.contract.profiles import Profile
from tests.contract.wiretap import Wiretap
from tests.factories import Tenant
from tests.providers import Harness

# The objects the suite builds a create body for (bodies.py); the other creatable ones are checked for refusal only.
CREATABLE = ("invoice", "contact", "account", "attachment", "journal_entry")


@dataclass(frozen=True)
class KnownBug:
    """A contract check a connector fails today: the test stays, marked xfail(strict) while ``when`` holds."""

    provider: str
    test: str
    reason: str
    objects: frozenset[str] | None = None  # None: every object
    when: Callable[[], bool] = lambda: True


# A bug the suite finds is listed here (strict xfail, with its reason) until it is fixed; none is open.
KNOWN_BUGS: tuple[KnownBug, ...] = ()


def known_bug(provider: str, object_name: str | None, test: str) -> KnownBug | None:
    for bug in KNOWN_BUGS:
        if bug.provider == provider and bug.test == test and bug.when() and (
            bug.objects is None or object_name in bug.objects
        ):
            return bug
    return None


def route_operations(object_name: str) -> tuple[str, ...]:
    """The operations the HTTP API has a route for on this object."""
    writes = ("create", "update", "void") if BY_NAME[object_name].input is not None else ()
    return ("list", "retrieve", *writes)


def undeclared(provider: str) -> list[tuple[str, str]]:
    """(object, operation) pairs the API routes but ``provider`` does not declare."""
    capabilities = connector_class(provider).capabilities
    return [(spec.name, op) for spec in OBJECTS for op in route_operations(spec.name)
            if not capabilities.supports(spec.name, op)]


def is_report(object_name: str) -> bool:
    spec = BY_NAME.get(object_name)
    return spec is not None and spec.report


def objects_of(provider: str, kind: str) -> list[str]:
    """The objects ``provider`` declares that a test of ``kind`` is about."""
    declared = connector_class(provider).capabilities.objects
    chosen = {
        "declared": lambda name, ops: True,
        "listed": lambda name, ops: "list" in ops and not is_report(name),
        "reports": lambda name, ops: is_report(name),
        "updatable": lambda name, ops: "update" in ops,
        "voidable": lambda name, ops: "void" in ops,
        "creatable": lambda name, ops: "create" in ops and name in CREATABLE,
    }[kind]
    return sorted(name for name, ops in declared.items() if chosen(name, ops))


@dataclass
class Contract:
    """One provider's connected tenant, shared by the contract tests of a session."""

    provider: str
    harness: Harness
    runtime: Runtime
    tenant: Tenant
    api: httpx.AsyncClient
    tap: Wiretap
    profile: Profile | None
    #: a moment after the setup's last write: records changed since are the suite's doing
    quiet_since: dt.datetime
    #: every listed object's keys at ``quiet_since``
    baseline: dict[str, set[str]]
    #: unified ids of records the suite's writes may have changed (besides the records it created)
    touched: set[uuid.UUID] = field(default_factory=set)

    @property
    def connector(self) -> Connector:
        return self.runtime.connector(self.tenant.connection)

    @property
    def headers(self) -> dict[str, str]:
        return self.tenant.headers

    def unified_id(self, object_name: str, remote_key: str) -> uuid.UUID:
        found = self.connector.context.ref(object_name, remote_key)
        assert found is not None
        return found

    async def pages(self, object_name: str, since: dt.datetime | None = None) -> list[list[RemoteRecord]]:
        return [page async for page in self.connector.pages(object_name, since)]

    async def records(self, object_name: str, since: dt.datetime | None = None) -> list[RemoteRecord]:
        return [record for page in await self.pages(object_name, since) for record in page]

    async def keys(self, object_name: str, since: dt.datetime | None = None) -> list[str]:
        return [record.remote_key for record in await self.records(object_name, since)]

    def require_profile(self) -> Profile:
        if self.profile is None:
            raise LookupError(f"the {self.provider} harness in tests/providers.py has no contract profile")
        return self.profile


async def quiet_point() -> dt.datetime:
    """A whole second strictly after every write so far: providers stamp changes to the second at best."""
    await asyncio.sleep(1.1)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


async def api_json(response: httpx.Response, status: int) -> Any:
    assert response.status_code == status, (response.status_code, response.text)
    return response.json()
