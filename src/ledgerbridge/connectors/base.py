"""What a connector is: the one extension point between the unified API and a provider.

A connector turns unified writes into provider calls and provider records into unified records. It is built per
connection (it holds that connection's credentials) on top of the provider's shared HTTP client::

    class QuickBooksConnector(Connector):
        provider = "quickbooks"
        capabilities = Capabilities(objects={"invoice": {"list", "retrieve", "create"}, ...})

        async def create(self, object_name, body, refs, *, request_key): ...
        async def fetch(self, object_name, remote_key): ...
        def pages(self, object_name, since=None): ...   # async iterator of lists of RemoteRecord

Mapping between the two worlds lives in pure functions (``mapping/<object>.py``) so it can be tested without I/O.
A connector never touches the database: the service layer resolves references before calling it and stores
what it returns.
"""

from __future__ import annotations

import abc
import datetime as dt
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel

from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.errors import FieldError, NotSupported, ValidationFailed
from ledgerbridge.ids import record_id
from ledgerbridge.unified.base import Warning_


@dataclass(frozen=True)
class RemoteRecord:
    """One provider record, mapped.

    ``remote_key`` is unique per (connection, object) and is what the Ledgerbridge id is derived from; it differs
    from ``remote_id`` when one unified object spans several provider entities (QuickBooks contacts are
    ``Customer/58`` and ``Vendor/58``; the caller sees ``remote_id`` "58").
    """

    object: str
    remote_key: str
    remote_id: str
    data: BaseModel
    remote_data: dict[str, Any] | None
    remote_updated_at: dt.datetime | None = None
    deleted: bool = False


@dataclass(frozen=True)
class Ref:
    """A unified id resolved to the provider record it stands for."""

    object: str
    remote_key: str
    remote_id: str
    data: dict[str, Any] = field(default_factory=dict)


class Refs:
    """The references of one request, resolved by the service before the connector is called.

    ``refs.remote_id(body.contact_id)`` gives the provider's id; a connector that needs the kind of record
    (customer or vendor) reads ``refs.get(id).remote_key``.
    """

    def __init__(self, resolved: dict[uuid.UUID, Ref] | None = None) -> None:
        self._resolved = resolved or {}

    def get(self, unified_id: uuid.UUID | None) -> Ref | None:
        return None if unified_id is None else self._resolved.get(unified_id)

    def remote_id(self, unified_id: uuid.UUID | None) -> str | None:
        ref = self.get(unified_id)
        return None if ref is None else ref.remote_id

    def __contains__(self, unified_id: object) -> bool:
        return unified_id in self._resolved


@dataclass
class WriteResult:
    record: RemoteRecord
    warnings: list[Warning_] = field(default_factory=list)
    # Records the write changed besides the one it created (a payment changes its invoices' balances).
    also_changed: list[RemoteRecord] = field(default_factory=list)


@dataclass(frozen=True)
class Capabilities:
    """What a connector supports: objects, their operations, and the unified fields it cannot take on writes."""

    objects: dict[str, frozenset[str]]
    unsupported_fields: dict[str, frozenset[str]] = field(default_factory=dict)

    def supports(self, object_name: str, operation: str) -> bool:
        return operation in self.objects.get(object_name, frozenset())

    def as_dict(self) -> dict[str, Any]:
        return {
            name: {
                "operations": sorted(ops),
                "unsupported_fields": sorted(self.unsupported_fields.get(name, frozenset())),
            }
            for name, ops in sorted(self.objects.items())
        }


SaveCredentials = Callable[[dict[str, Any]], Awaitable[None]]


@dataclass
class ConnectionContext:
    """What a connector knows of its connection. Credentials are decrypted only for the connector's lifetime."""

    connection_id: uuid.UUID
    project_id: uuid.UUID
    provider: str
    credentials: dict[str, Any]
    save_credentials: SaveCredentials

    def ref(self, object_name: str, remote_key: str | None) -> uuid.UUID | None:
        """The Ledgerbridge id of a provider record of this connection (None stays None)."""
        if remote_key is None or remote_key == "":
            return None
        return record_id(self.connection_id, object_name, remote_key)


class Connector(abc.ABC):
    provider: ClassVar[str]
    capabilities: ClassVar[Capabilities]

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        self.context = context
        self.http = http  # shared clients and budgets: use http.client(self.provider), http.budget(...)

    async def aclose(self) -> None:  # noqa: B027 - optional hook; most connectors hold nothing to release
        """Release per-connection resources (the shared client is not closed here)."""

    @abc.abstractmethod
    async def create(self, object_name: str, body: BaseModel, refs: Refs, *, request_key: str) -> WriteResult:
        """Create ``body`` (a validated unified input model) at the provider.

        ``request_key`` is unique per logical request and stable across retries of it: pass it to the provider's
        own idempotency mechanism (QuickBooks ``requestid``, Xero ``Idempotency-Key``) so a retried create never
        writes twice.
        """

    @abc.abstractmethod
    async def fetch(self, object_name: str, remote_key: str) -> RemoteRecord | None:
        """Read one record from the provider, or None when the provider has no such record."""

    @abc.abstractmethod
    def pages(self, object_name: str, since: dt.datetime | None = None) -> AsyncIterator[list[RemoteRecord]]:
        """Stream records changed since ``since`` (all records when None), one provider page at a time."""

    async def fetch_many(self, object_name: str, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        """Read many records by key: ``{remote_key: record}`` for those the provider has; the others are absent.

        The reconcile asks for every record a full pass did not list. This default asks one by one; a connector
        whose provider can read many ids in one call (QuickBooks ``Id in (…)``, Xero ``?IDs=``) overrides it.
        """
        found: dict[str, RemoteRecord] = {}
        for key in remote_keys:
            record = await self.fetch(object_name, key)
            if record is not None:
                found[key] = record
        return found

    async def validate(self, object_name: str, body: BaseModel, refs: Refs) -> list[FieldError]:
        """Check what the provider would reject, without calling it. Default: nothing to add."""
        return []

    async def update(
        self,
        object_name: str,
        remote_key: str,
        patch: BaseModel,
        refs: Refs,
        *,
        expected_version: str | None,
        request_key: str,
    ) -> WriteResult:
        """Change an existing record. ``patch`` is the whole record after the caller's changes (the service
        merges the partial body onto the stored record and validates the result as an input model), so a
        connector maps it like a create.

        ``expected_version`` is :meth:`version` of the stored record the caller saw; a connector writes only if
        the provider's record still has that version (QBO SyncToken, Xero UpdatedDateUTC, Tryton write_date)
        and raises :class:`~ledgerbridge.errors.PreconditionFailed` otherwise, having changed nothing. None
        means "whatever the provider has now".
        """
        raise NotSupported(f"{self.provider} does not support update on {object_name}")

    async def void(
        self, object_name: str, remote_key: str, *, expected_version: str | None, request_key: str
    ) -> WriteResult:
        """Void (or, where the provider cannot void, delete) a record; same version rule as :meth:`update`."""
        raise NotSupported(f"{self.provider} does not support void on {object_name}")

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        """The provider's concurrency token in a stored record's ``remote_data``; None when it has none."""
        return None

    def require(self, object_name: str, operation: str) -> None:
        if not self.capabilities.supports(object_name, operation):
            raise NotSupported(f"{self.provider} does not support {operation} on {object_name}")


def reject(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationFailed("The request has invalid fields", errors=errors)
