"""Creating records at the provider: validate, resolve references, call the connector, store, answer.

A request that fails validation, reference resolution or the provider's own checks writes nothing: the
connector is called only once every check passed, and the store is written only after the provider said yes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from ledgerbridge import wire
from ledgerbridge.errors import LedgerbridgeError, ValidationFailed
from ledgerbridge.ids import record_id
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import attachment_source, checks, field_mappings, idempotent, references, versions
from ledgerbridge.service.answer import Answer
from ledgerbridge.service.validation import parse
from ledgerbridge.store import events, idempotency, records, render
from ledgerbridge.store import field_mappings as stored_fields
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tenancy import Connection
from ledgerbridge.unified.base import Warning_


def dry_run_answer(warnings: list[Warning_]) -> Answer:
    """What a dry run that found no problem says: it would be accepted, with these warnings."""
    body = {"dry_run": True, "valid": True, "warnings": [w.model_dump() for w in warnings]}
    return Answer(200, wire.dumps(body))


def warnings_text(warnings: list[Warning_]) -> str:
    return '"warnings":' + wire.dumps([{"field": w.field, "message": w.message} for w in warnings])


def _undefined_warnings(spec: ObjectSpec, custom: field_mappings.Prepared) -> list[Warning_]:
    return [
        Warning_(field=f"field_mappings.{slug}",
                 message=f"no custom field {slug!r} is defined on {spec.name} in this project; the value was not kept")
        for slug in custom.undefined
    ]


async def create(
    runtime: Runtime,
    connection: Connection,
    spec: ObjectSpec,
    payload: Any,
    *,
    remote_data: bool,
    idempotency_key: str | None,
    url: str,
    dry_run: bool = False,
) -> Answer:
    scope = Scope(connection.project_id, connection.id)
    assert spec.input is not None
    connector = runtime.connector(connection)
    connector.require(spec.name, "create")  # a provider without the operation says so before any field check
    if dry_run:  # every check, every problem at once, nothing written (not even an idempotency claim)
        checked = await checks.check(runtime, connector, scope, spec, payload)
        checks.raise_errors(checked.errors, dry_run=True)
        assert checked.body is not None
        async with runtime.engine.connect() as db:
            custom = await field_mappings.prepare(db, scope, spec.name,
                                                  getattr(checked.body, "field_mappings", None) or {})
        return dry_run_answer(
            checks.unsupported_warnings(connector.capabilities, connector.provider, spec.name, checked.body, [])
            + _undefined_warnings(spec, custom)
        )
    body = parse(spec.input, payload)

    # Stable across retries of one key, so the provider's own idempotency catches a repeated create.
    request_key = str(uuid.uuid4()) if idempotency_key is None else f"{connection.id}:{idempotency_key}"

    async def work() -> Answer:
        try:
            async with runtime.engine.connect() as db:
                refs, errors = await references.resolve(db, scope, spec, body)
                custom = await field_mappings.prepare(db, scope, spec.name, getattr(body, "field_mappings", None) or {})
            fetcher = runtime.http.client(attachment_source.CLIENT_NAME)
            errors += await attachment_source.prepare(runtime.settings, fetcher,
                                                      spec.name, body)
            errors += await connector.validate(spec.name, body, refs)
            if errors:
                raise ValidationFailed("The request has invalid fields", errors=errors)
            sent = body
            if hasattr(body, "field_mappings"):  # the connector sees provider paths → values, ready for its payload
                sent = body.model_copy(update={"field_mappings": custom.remote})
            result = await connector.create(spec.name, sent, refs, request_key=request_key)

            async with runtime.engine.begin() as db:
                now = dt.datetime.now(dt.UTC)
                stored = await records.upsert(db, scope, [result.record, *result.also_changed], now=now)
                created_id = record_id(connection.id, spec.name, result.record.remote_key)
                created = next(s for s in stored if s.id == created_id)
                await stored_fields.save(db, project_id=connection.project_id,
                                          values={(created.id, d): v for d, v in custom.by_definition.items()})
                await events.record_changes(db, project_id=connection.project_id, connection_id=connection.id,
                                            upserted=[s for s in stored if s is not created])
                values = await stored_fields.values_json(db, project_id=connection.project_id,
                                                          record_ids=[created.row.id])
                custom_json = values.get(created.row.id, "{}")
                await events.record(
                    db, project_id=connection.project_id, connection_id=connection.id,
                    type=f"accounting.{spec.name}.created", method="POST", url=url,
                    detail={"id": str(created.id), "remote_id": result.record.remote_id},
                    data=render.record(created.row, with_remote_data=False, field_mappings=custom_json),
                )
                warnings = result.warnings + checks.unsupported_warnings(
                    connector.capabilities, connector.provider, spec.name, sent, result.warnings
                ) + _undefined_warnings(spec, custom)
                text = render.record(created.row, with_remote_data=remote_data, extra=warnings_text(warnings),
                                     field_mappings=custom_json)
                if idempotency_key is not None:
                    await idempotency.finish(db, scope, idempotency_key, status_code=201, response=text)
            return Answer(201, text, etag=versions.etag(created.row))
        except LedgerbridgeError as exc:
            async with runtime.engine.begin() as db:
                await events.record(
                    db, project_id=connection.project_id, connection_id=connection.id,
                    type=f"accounting.{spec.name}.created", status="fail", method="POST", url=url,
                    detail={"error": exc.error, "message": exc.message},
                )
            raise

    return await idempotent.run_keyed(runtime, scope, idempotency_key, idempotent.request_hash(body=payload), work)
