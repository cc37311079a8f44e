"""What a connector is: declarations of the objects a provider serves, run by one template.

A provider's connector is a class with a name and a table of :class:`ObjectDeclaration`, one per unified object
it serves (``connectors/<provider>/objects/<object>.py`` each export one)::

    class QuickBooksConnector(Connector):
        provider = "quickbooks"
        objects = declarations(invoice.DECLARATION, contact.DECLARATION, ...)

A declaration says how its object is listed, fetched, created, updated, voided or reported at the provider (each
an ``async`` function taking the connector first), how a body is checked before any call (``validate``) and which
unified fields the provider cannot store. The capability matrix is derived from the declarations; the template
below runs require → validate → dispatch once for every provider, so a declaration holds only what is particular
to its provider. Mapping between the two worlds lives in pure functions (``to_unified``/``to_remote``) so it can
be tested without I/O. A connector never touches the database: the service layer resolves references before
calling it and stores what it returns.
"""

from __future__ import annotations

import abc
import datetime as dt
import enum
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel

from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.errors import FieldError, NotSupported, PreconditionFailed, ValidationFailed
from ledgerbridge.ids import record_id
from ledgerbridge.remote import Ref, Refs, RemoteRecord, WriteResult

__all__ = [
    "CANNOT_TELL",
    "Capabilities",
    "ConnectionContext",
    "Connector",
    "NotifiedFetch",
    "ObjectDeclaration",
    "Ref",
    "Refs",
    "RemoteRecord",
    "Unknown",
    "WriteResult",
    "check_version",
    "declarations",
    "reject",
]

READ = frozenset({"list", "retrieve"})


@dataclass(frozen=True)
class Capabilities:
    """What a connector supports: objects, their operations, and the unified fields it cannot take on writes."""

    objects: dict[str, frozenset[str]]
    unsupported_fields: dict[str, frozenset[str]] = field(default_factory=dict)
    unmapped_fields: dict[str, Mapping[str, str]] = field(default_factory=dict)  # see ObjectDeclaration

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


# The operations of a declaration. Each takes the connector first (for its client, context and caches); the
# template has already checked the operation is declared and, for writes, that ``validate`` found nothing.
Lister = Callable[[Any, dt.datetime | None], AsyncIterator[list[RemoteRecord]]]
Fetcher = Callable[[Any, str], Awaitable[RemoteRecord | None]]
ManyFetcher = Callable[[Any, Sequence[str]], Awaitable[dict[str, RemoteRecord]]]
Creator = Callable[[Any, Any, Refs, str], Awaitable[WriteResult]]  # (connector, body, refs, request_key)
# (connector, remote_key, whole record after the patch, refs, expected_version, request_key)
Updater = Callable[[Any, str, Any, Refs, str | None, str], Awaitable[WriteResult]]
Voider = Callable[[Any, str, str | None, str], Awaitable[WriteResult]]  # (connector, key, expected, request_key)
Validator = Callable[[Any, Any, Refs], Awaitable[list[FieldError]]]
# (connector, body, request_key, since) → the record that create made, found at the provider, or None
Finder = Callable[[Any, Any, str, dt.datetime], Awaitable[RemoteRecord | None]]
Reporter = Callable[[Any, dt.date | None, dt.date | None], Awaitable[RemoteRecord]]  # (connector, start, end)
DeletionLister = Callable[[Any, dt.datetime], Awaitable[list[str]]]  # (connector, since) → remote keys


@dataclass(frozen=True)
class ObjectDeclaration:
    """How one provider serves one unified object. Leave an operation out and the API refuses it (400 naming
    the provider); the capability matrix lists exactly the operations given here.

    ``report``: the object is a report fetched live for a period (balance sheet…), listed and retrieved from the
    store afterwards, never synced in bulk.
    """

    name: str
    list: Lister | None = None
    fetch: Fetcher | None = None
    fetch_many: ManyFetcher | None = None  # default: ``fetch`` one key at a time
    create: Creator | None = None
    update: Updater | None = None
    void: Voider | None = None
    validate: Validator | None = None  # what the provider would reject, checked before any call
    # Finds the record a create with a given request_key made, by a marker the create wrote into it (QuickBooks'
    # PrivateNote, Xero's Url). Without it a create whose answer was lost cannot be resolved (see find_created).
    find_created: Finder | None = None
    report: Reporter | None = None
    # Keys of records the provider deleted since a time (a change feed's tombstones: QuickBooks CDC, Sage's
    # deleted_since…), asked after each incremental pass. Without it a deletion is found by the periodic full
    # reconcile (records a full pass no longer lists).
    deleted: DeletionLister | None = None
    unsupported_fields: frozenset[str] = frozenset()  # unified fields the provider cannot store (warned on writes)
    # Provider fields read that have no unified home (field → what it means): they stay in ``remote_data`` only,
    # and the capability matrix says so, so nothing is dropped without a word.
    unmapped_fields: Mapping[str, str] = field(default_factory=dict)

    @property
    def operations(self) -> frozenset[str]:
        ops = set(READ) if self.report is not None else set()
        ops |= {"list"} if self.list is not None else set()
        ops |= {"retrieve"} if self.fetch is not None else set()
        ops |= {op for op in ("create", "update", "void") if getattr(self, op) is not None}
        return frozenset(ops)


def declarations(*declared: ObjectDeclaration) -> Mapping[str, ObjectDeclaration]:
    """A connector's table of declarations, by object name (one declaration per object)."""
    table: dict[str, ObjectDeclaration] = {}
    for declaration in declared:
        if declaration.name in table:
            raise ValueError(f"{declaration.name} is declared twice")
        table[declaration.name] = declaration
    return table


@dataclass
class NotifiedFetch:
    """What a fetch of notified records found, per object: the records the provider has (notified ones, and any
    other change its answer carried) and the keys it no longer has."""

    found: dict[str, dict[str, RemoteRecord]] = field(default_factory=dict)
    gone: dict[str, list[str]] = field(default_factory=dict)
    reads: int = 0  # provider reads made (a ``fetch_many`` or a change-feed call each)


class Unknown(enum.Enum):
    CANNOT_TELL = "cannot tell"


CANNOT_TELL = Unknown.CANNOT_TELL


class Connector(abc.ABC):
    """The template every provider's connector runs on. A subclass sets ``provider`` and ``objects``."""

    provider: ClassVar[str]
    objects: ClassVar[Mapping[str, ObjectDeclaration]]
    capabilities: ClassVar[Capabilities]  # derived from ``objects`` when the subclass is defined

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "objects" in cls.__dict__:
            cls.capabilities = Capabilities(
                objects={name: d.operations for name, d in cls.objects.items() if d.operations},
                unsupported_fields={name: d.unsupported_fields for name, d in cls.objects.items()
                                    if d.unsupported_fields},
                unmapped_fields={name: d.unmapped_fields for name, d in cls.objects.items() if d.unmapped_fields},
            )

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        self.context = context
        self.http = http  # shared clients and budgets: use http.client(self.provider), http.budget(...)
        # Deletions a pass's change feed already reported (per feed: since when, and the keys), so the deletion
        # question that follows the pass costs no second call: see remember_deleted / recall_deleted.
        self._reported_deleted: dict[Hashable, tuple[dt.datetime, list[str]]] = {}

    def remember_deleted(self, feed: Hashable, since: dt.datetime, keys: list[str]) -> None:
        """Keep the deletions an incremental pass's feed answer (``feed``, since ``since``) reported."""
        self._reported_deleted[feed] = (since, keys)

    def recall_deleted(self, feed: Hashable, since: dt.datetime) -> list[str] | None:
        """The deletions kept for ``feed`` if they were read since this same ``since`` (once), else None."""
        since_then, kept = self._reported_deleted.pop(feed, (None, []))
        return kept if since_then == since else None

    async def aclose(self) -> None:  # noqa: B027 - optional hook; most connectors hold nothing to release
        """Release per-connection resources (the shared client is not closed here)."""

    def declaration(self, object_name: str, operation: str) -> ObjectDeclaration:
        """The declaration serving ``operation`` on ``object_name``, or NotSupported naming the provider."""
        self.require(object_name, operation)
        return self.objects[object_name]

    def require(self, object_name: str, operation: str) -> None:
        if not self.capabilities.supports(object_name, operation):
            raise NotSupported(f"{self.provider} does not support {operation} on {object_name}")

    # --- reads ---------------------------------------------------------------------------------------------

    async def fetch(self, object_name: str, remote_key: str) -> RemoteRecord | None:
        """Read one record from the provider, or None when the provider has no such record."""
        fetch = self.declaration(object_name, "retrieve").fetch
        assert fetch is not None
        return await fetch(self, remote_key)

    async def pages(self, object_name: str, since: dt.datetime | None = None) -> AsyncIterator[list[RemoteRecord]]:
        """Stream records changed since ``since`` (all records when None), one provider page at a time."""
        lister = self.declaration(object_name, "list").list
        if lister is None:  # a report: listed from the store, never synced in bulk
            raise NotSupported(f"{self.provider} reports {object_name} for a period; it is not synced")
        async for page in lister(self, since):
            yield page

    async def deleted(self, object_name: str, since: dt.datetime) -> list[str]:
        """Remote keys of records the provider says it deleted since ``since`` ([] when it has no such feed)."""
        declared = self.objects.get(object_name)
        if declared is None or declared.deleted is None:
            return []
        return await declared.deleted(self, since)

    async def fetch_many(self, object_name: str, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        """Read many records by key: ``{remote_key: record}`` for those the provider has; the others are absent.

        The reconcile asks for every record a full pass did not list. Without a declared ``fetch_many`` this asks
        one by one; a provider that reads many ids in one call (QuickBooks ``Id in (…)``, Xero ``?IDs=``)
        declares it.
        """
        declaration = self.declaration(object_name, "retrieve")
        if declaration.fetch_many is not None:
            return await declaration.fetch_many(self, remote_keys)
        found: dict[str, RemoteRecord] = {}
        for key in remote_keys:
            record = await self.fetch(object_name, key)
            if record is not None:
                found[key] = record
        return found

    async def fetch_notified(self, wanted: Mapping[str, Sequence[str]], since: dt.datetime | None) -> NotifiedFetch:
        """Read again the records a provider notified changed: ``wanted`` is object → remote keys, ``since`` the
        earliest change time the notifications gave (None when one did not say).

        By default one :meth:`fetch_many` per object, a key it does not answer being gone. A provider with a
        change feed that answers many objects in one call, deletions included, overrides this (QuickBooks' CDC).
        """
        result = NotifiedFetch()
        for object_name, keys in wanted.items():
            if not self.capabilities.supports(object_name, "retrieve"):
                continue
            fetched = await self.fetch_many(object_name, keys)
            result.reads += 1
            result.found[object_name] = fetched
            result.gone[object_name] = [key for key in keys if key not in fetched]
        return result

    async def report(self, object_name: str, *, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
        """A report (balance sheet, income or cash flow statement) for a period, fetched live."""
        reporter = self.declaration(object_name, "list").report
        if reporter is None:
            raise NotSupported(f"{self.provider} does not support {object_name} as a report")
        return await reporter(self, start, end)

    def supports_report(self, object_name: str) -> bool:
        declared = self.objects.get(object_name)
        return declared is not None and declared.report is not None

    # --- writes --------------------------------------------------------------------------------------------

    async def validate(self, object_name: str, body: BaseModel, refs: Refs) -> list[FieldError]:
        """Check what the provider would reject, without calling it (dry runs call only this)."""
        declared = self.objects.get(object_name)
        if declared is None or declared.validate is None:
            return []
        return await declared.validate(self, body, refs)

    async def create(self, object_name: str, body: BaseModel, refs: Refs, *, request_key: str) -> WriteResult:
        """Create ``body`` (a validated unified input model) at the provider.

        ``request_key`` is unique per logical request and stable across retries of it: pass it to the provider's
        own idempotency mechanism (QuickBooks ``requestid``, Xero ``Idempotency-Key``) so a retried create never
        writes twice.
        """
        create = self.declaration(object_name, "create").create
        assert create is not None
        reject(await self.validate(object_name, body, refs))
        return await create(self, body, refs, request_key)

    async def find_created(
        self, object_name: str, body: BaseModel, *, request_key: str, since: dt.datetime
    ) -> RemoteRecord | Unknown | None:
        """Whether a create of ``body`` under ``request_key``, sent at ``since`` or later, made a record at the
        provider: the record, None (it did not), or :data:`CANNOT_TELL` when the object has no ``find_created``.
        """
        declared = self.objects.get(object_name)
        if declared is None or declared.find_created is None:
            return CANNOT_TELL
        return await declared.find_created(self, body, request_key, since)

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
        declaration maps it like a create.

        ``expected_version`` is :meth:`version` of the stored record the caller saw; a declaration writes only if
        the provider's record still has that version (QBO SyncToken, Xero UpdatedDateUTC, Tryton write_date:
        :func:`check_version`) and raises :class:`~ledgerbridge.errors.PreconditionFailed` otherwise, having
        changed nothing. None means "whatever the provider has now".
        """
        update = self.declaration(object_name, "update").update
        assert update is not None
        reject(await self.validate(object_name, patch, refs))
        return await update(self, remote_key, patch, refs, expected_version, request_key)

    async def void(
        self, object_name: str, remote_key: str, *, expected_version: str | None, request_key: str
    ) -> WriteResult:
        """Void (or, where the provider cannot void, delete) a record; same version rule as :meth:`update`."""
        void = self.declaration(object_name, "void").void
        assert void is not None
        return await void(self, remote_key, expected_version, request_key)

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        """The provider's concurrency token in a stored record's ``remote_data``; None when it has none."""
        return None


def check_version(provider_title: str, token: str, current: str | None, expected: str | None) -> None:
    """The one If-Match rule: when the caller names a version, the provider's current one must be it.

    ``token`` names the provider's mechanism in the message (``SyncToken``, ``UpdatedDateUTC``…).
    """
    if expected is not None and current != expected:
        raise PreconditionFailed(
            f"The record changed at {provider_title} since it was last read (its {token} moved); "
            "read it again and reapply your change"
        )


def reject(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationFailed("The request has invalid fields", errors=errors)
