"""Changing records that exist: partial updates (PATCH) and voids, both under optimistic concurrency.

Order of a change: is the operation supported (400) → claim the Idempotency-Key, if any (a finished request
with that key is replayed here, before anything else: its If-Match is stale by now, since it was honoured) → find
the record (404) → does If-Match still match our copy (412) → merge and run every check (422) → ask the provider,
sending its own concurrency token so it refuses if the record changed there (412) → store what it answered, and
the answer under the key, in one transaction. Each step that fails writes nothing anywhere and releases the key.

Lines keep their identity: the stored lines a PATCH names by ``id`` are handed to the connector as references
(object ``<object>_line_item``), so it sends the provider's own line id and the provider updates that line
instead of replacing it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable
from typing import Any

from ledgerbridge import wire
from ledgerbridge.connectors.base import Connector
from ledgerbridge.errors import Conflict, FieldError, LedgerbridgeError, NotFound, ValidationFailed
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.remote import Ref, Refs, WriteResult
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import checks, idempotent, merge, versions
from ledgerbridge.service.answer import Answer
from ledgerbridge.service.writes import dry_run_answer, warnings_text
from ledgerbridge.store import events, idempotency, records, render
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tenancy import Connection


async def _load(runtime: Runtime, scope: Scope, spec: ObjectSpec, record_id: str) -> Any:
    what = spec.name.replace("_", " ")
    try:
        id_ = uuid.UUID(record_id)
    except ValueError:
        raise NotFound(f"No {what} with id {record_id}") from None
    async with runtime.engine.connect() as db:
        row = await records.get_for_write(db, scope, spec.name, id_)
    if row is None:
        raise NotFound(f"No {what} with id {record_id}")
    if row.deleted:
        raise Conflict(f"This {what} was deleted at the provider; it cannot be changed")
    return row


def _expected(connector: Connector, row: Any, if_match: str | None) -> str | None:
    """The provider version to write against: the one we hold when the caller asked for a match, else none."""
    if if_match is None:
        return None
    return connector.version(None if row.remote_data is None else wire.loads(row.remote_data))


class _WithLines(Refs):
    """The request's references plus the stored record's lines, so a connector can name a kept line by the
    provider's own line id (QuickBooks ``Line.Id``, Xero ``LineItemID``)."""

    def __init__(self, refs: Refs, lines: dict[uuid.UUID, Ref]) -> None:
        super().__init__(lines)
        self._request = refs

    def get(self, unified_id: uuid.UUID | None) -> Ref | None:
        return super().get(unified_id) or self._request.get(unified_id)

    def __contains__(self, unified_id: object) -> bool:
        return super().__contains__(unified_id) or unified_id in self._request


def _line_refs(spec: ObjectSpec, row: Any, stored: dict[str, Any]) -> dict[uuid.UUID, Ref]:
    """Stored line id → the provider line it stands for. Only this record's lines: an id from another record
    never reaches the connector (merge already refused it)."""
    found: dict[uuid.UUID, Ref] = {}
    for line in stored.get("line_items") or []:
        if not isinstance(line, dict) or not line.get("id") or line.get("remote_id") in (None, ""):
            continue
        remote_line = str(line["remote_id"])
        key = f"{row.remote_key}#{remote_line}"
        found[uuid.UUID(str(line["id"]))] = Ref(f"{spec.name}_line_item", key, remote_line)
    return found


def _provider_key(connection: Connection, key: str | None, method: str, expected: str | None) -> str:
    """The key the provider's own idempotency sees (QBO requestid, Xero Idempotency-Key). With an
    Idempotency-Key it is stable across retries of the request, so a retry after a lost answer is not written
    twice; it includes the version written against, so a retry with a fresh If-Match after a 412 is a new
    write at the provider, not a replay of its refusal."""
    if key is None:
        return str(uuid.uuid4())
    return f"{connection.id}:{key}:{method}:{expected or ''}"


async def update(
    runtime: Runtime,
    connection: Connection,
    spec: ObjectSpec,
    record_id: str,
    payload: Any,
    *,
    if_match: str | None,
    dry_run: bool,
    remote_data: bool,
    url: str,
    idempotency_key: str | None = None,
) -> Answer:
    scope = Scope(connection.project_id, connection.id)
    connector = runtime.connector(connection)
    connector.require(spec.name, "update")
    if not isinstance(payload, dict):
        raise ValidationFailed("The body must be a JSON object", errors=[FieldError("body", "must be an object")])

    async def work() -> Answer:
        row = await _load(runtime, scope, spec, record_id)
        versions.check_if_match(if_match, row)

        stored = wire.loads(row.data)
        merged, merge_errors = merge.merge(spec.name, stored, payload)
        checked = await checks.check(runtime, connector, scope, spec, merged)
        checks.raise_errors(merge_errors + checked.errors, dry_run=dry_run)
        assert checked.body is not None
        if dry_run:
            return dry_run_answer(_patch_warnings(connector, spec, checked.body, payload, []))

        expected = _expected(connector, row, if_match)
        result = await _logged(
            runtime, connection, spec, url, "PATCH",
            connector.update(
                spec.name, row.remote_key, checked.body, _WithLines(checked.refs, _line_refs(spec, row, stored)),
                expected_version=expected,
                request_key=_provider_key(connection, idempotency_key, "PATCH", expected),
            ),
        )
        warnings = result.warnings + _patch_warnings(connector, spec, checked.body, payload, result.warnings)
        return await _store(runtime, connection, spec, result, url, "PATCH", remote_data=remote_data,
                            extra=warnings_text(warnings), idempotency_key=idempotency_key)

    # A dry run writes nothing, not even a claim on the key: the real request may use it next.
    key = None if dry_run else idempotency_key
    fingerprint = idempotent.request_hash(method="PATCH", id=record_id, body=payload)
    return await idempotent.run_keyed(runtime, scope, key, fingerprint, work)


def _patch_warnings(
    connector: Connector, spec: ObjectSpec, body: Any, payload: dict[str, Any], already: list[Any]
) -> list[Any]:
    """Unsupported-field warnings for the fields the caller sent in this patch (not ones carried from the copy)."""
    found = checks.unsupported_warnings(connector.capabilities, connector.provider, spec.name, body, already)
    return [w for w in found if w.field.split(".")[0].split("[")[0] in payload]


async def void(
    runtime: Runtime,
    connection: Connection,
    spec: ObjectSpec,
    record_id: str,
    *,
    if_match: str | None,
    remote_data: bool,
    url: str,
    idempotency_key: str | None = None,
) -> Answer:
    scope = Scope(connection.project_id, connection.id)
    connector = runtime.connector(connection)
    connector.require(spec.name, "void")

    async def work() -> Answer:
        row = await _load(runtime, scope, spec, record_id)
        versions.check_if_match(if_match, row)
        expected = _expected(connector, row, if_match)
        result = await _logged(
            runtime, connection, spec, url, "DELETE",
            connector.void(
                spec.name, row.remote_key, expected_version=expected,
                request_key=_provider_key(connection, idempotency_key, "DELETE", expected),
            ),
        )
        return await _store(runtime, connection, spec, result, url, "DELETE", remote_data=remote_data,
                            extra=warnings_text(result.warnings), idempotency_key=idempotency_key)

    fingerprint = idempotent.request_hash(method="DELETE", id=record_id, body=None)
    return await idempotent.run_keyed(runtime, scope, idempotency_key, fingerprint, work)


async def _logged(
    runtime: Runtime, connection: Connection, spec: ObjectSpec, url: str, method: str, call: Awaitable[WriteResult]
) -> WriteResult:
    """Await the provider call; a refusal is recorded as a failed event (the record itself is untouched)."""
    try:
        return await call
    except LedgerbridgeError as exc:
        async with runtime.engine.begin() as db:
            await events.record(
                db, project_id=connection.project_id, connection_id=connection.id,
                type=f"accounting.{spec.name}.updated", status="fail", method=method, url=url,
                detail={"error": exc.error, "message": exc.message},
            )
        raise


async def _store(
    runtime: Runtime, connection: Connection, spec: ObjectSpec, result: WriteResult, url: str, method: str,
    *, remote_data: bool, extra: str, idempotency_key: str | None,
) -> Answer:
    scope = Scope(connection.project_id, connection.id)
    async with runtime.engine.begin() as db:
        stored = await records.upsert(
            db, scope, [result.record, *result.also_changed], now=dt.datetime.now(dt.UTC)
        )
        changed = stored[0]
        await events.record(
            db, project_id=connection.project_id, connection_id=connection.id,
            type=f"accounting.{spec.name}.{'deleted' if result.record.deleted else 'updated'}",
            method=method, url=url,
            detail={"id": str(changed.id), "remote_id": result.record.remote_id},
        )
        text = render.record(changed.row, with_remote_data=remote_data, extra=extra)
        if idempotency_key is not None:  # the answer is kept with the change it describes, or neither is
            await idempotency.finish(db, scope, idempotency_key, status_code=200, response=text)
    return Answer(200, text, etag=versions.etag(changed.row))
