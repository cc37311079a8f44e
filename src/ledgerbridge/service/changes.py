"""Changing records that exist: partial updates (PATCH) and voids, both under optimistic concurrency.

Order of a change: find the record (404) → is the operation supported (400) → does If-Match still match our
copy (412) → merge and run every check (422) → ask the provider, sending its own concurrency token so it refuses
if the record changed there (412) → store what it answered. Each step that fails writes nothing anywhere.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from ledgerbridge import wire
from ledgerbridge.connectors.base import Connector, WriteResult
from ledgerbridge.errors import Conflict, FieldError, LedgerbridgeError, NotFound, ValidationFailed
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import checks, merge, render, versions
from ledgerbridge.service.writes import Answer, dry_run_answer, warnings_text
from ledgerbridge.store import events, records
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
) -> Answer:
    scope = Scope(connection.project_id, connection.id)
    connector = runtime.connector(connection)
    connector.require(spec.name, "update")
    if not isinstance(payload, dict):
        raise ValidationFailed("The body must be a JSON object", errors=[FieldError("body", "must be an object")])
    row = await _load(runtime, scope, spec, record_id)
    versions.check_if_match(if_match, row)

    merged, merge_errors = merge.merge(spec.name, wire.loads(row.data), payload)
    checked = await checks.check(runtime, connector, scope, spec, merged)
    checks.raise_errors(merge_errors + checked.errors, dry_run=dry_run)
    assert checked.body is not None
    if dry_run:
        return dry_run_answer(_patch_warnings(connector, spec, checked.body, payload, []))

    result = await _logged(
        runtime, connection, spec, url, "PATCH",
        connector.update(
            spec.name, row.remote_key, checked.body, checked.refs,
            expected_version=_expected(connector, row, if_match), request_key=str(uuid.uuid4()),
        ),
    )
    warnings = result.warnings + _patch_warnings(connector, spec, checked.body, payload, result.warnings)
    return await _store(runtime, connection, spec, result, url, "PATCH", remote_data=remote_data, extra=warnings_text(warnings))


def _patch_warnings(connector: Connector, spec: ObjectSpec, body: Any, payload: dict[str, Any], already: list[Any]) -> list[Any]:
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
) -> Answer:
    scope = Scope(connection.project_id, connection.id)
    connector = runtime.connector(connection)
    connector.require(spec.name, "void")
    row = await _load(runtime, scope, spec, record_id)
    versions.check_if_match(if_match, row)
    result = await _logged(
        runtime, connection, spec, url, "DELETE",
        connector.void(
            spec.name, row.remote_key,
            expected_version=_expected(connector, row, if_match), request_key=str(uuid.uuid4()),
        ),
    )
    return await _store(runtime, connection, spec, result, url, "DELETE", remote_data=remote_data,
                        extra=warnings_text(result.warnings))


async def _logged(runtime: Runtime, connection: Connection, spec: ObjectSpec, url: str, method: str, call: Any) -> WriteResult:
    """Await the provider call; a refusal is recorded as a failed event (the record itself is untouched)."""
    try:
        return await call  # type: ignore[no-any-return]
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
    *, remote_data: bool, extra: str,
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
    return Answer(200, text, etag=versions.etag(changed.row))
