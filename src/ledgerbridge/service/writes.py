"""Creating records at the provider: validate, resolve references, call the connector, store, answer.

A request that fails validation, reference resolution or the provider's own checks writes nothing: the
connector is called only once every check passed, and the store is written only after the provider said yes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from ledgerbridge import wire
from ledgerbridge.errors import Conflict, FieldError, LedgerbridgeError, ValidationFailed
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import references, render
from ledgerbridge.service.validation import parse
from ledgerbridge.store import events, idempotency, records
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tenancy import Connection


@dataclass(frozen=True)
class Answer:
    status_code: int
    body: str
    replayed: bool = False


def _request_hash(payload: Any) -> str:
    return hashlib.sha256(wire.dumps({"body": payload}).encode()).hexdigest()


async def create(
    runtime: Runtime,
    connection: Connection,
    spec: ObjectSpec,
    payload: Any,
    *,
    remote_data: bool,
    idempotency_key: str | None,
    url: str,
) -> Answer:
    scope = Scope(connection.project_id, connection.id)
    assert spec.input is not None
    body = parse(spec.input, payload)
    connector = runtime.connector(connection)
    connector.require(spec.name, "create")

    if idempotency_key is not None:
        claim = await idempotency.claim(
            runtime.engine, scope, idempotency_key, _request_hash(payload),
            ttl=dt.timedelta(hours=runtime.settings.idempotency_ttl_hours),
        )
        if isinstance(claim, idempotency.Replay):
            return Answer(claim.status_code, claim.response, replayed=True)
        if isinstance(claim, idempotency.InProgress):
            raise Conflict("A request with this Idempotency-Key is still being processed")
        if isinstance(claim, idempotency.Mismatch):
            raise ValidationFailed(
                "This Idempotency-Key was used with a different request body",
                errors=[FieldError("Idempotency-Key", "already used with a different body")],
            )
        # Stable across retries of this key, so the provider's own idempotency catches a repeated create.
        request_key = f"{connection.id}:{idempotency_key}"
    else:
        request_key = str(uuid.uuid4())

    try:
        async with runtime.engine.connect() as db:
            refs, errors = await references.resolve(db, scope, spec, body)
        errors += await connector.validate(spec.name, body, refs)
        if errors:
            raise ValidationFailed("The request has invalid fields", errors=errors)
        result = await connector.create(spec.name, body, refs, request_key=request_key)

        async with runtime.engine.begin() as db:
            now = dt.datetime.now(dt.UTC)
            stored = await records.upsert(db, scope, [result.record, *result.also_changed], now=now)
            created = stored[0]
            await events.record(
                db, project_id=connection.project_id, connection_id=connection.id,
                type=f"accounting.{spec.name}.created", method="POST", url=url,
                detail={"id": str(created.id), "remote_id": result.record.remote_id},
            )
            warnings = wire.dumps([{"field": w.field, "message": w.message} for w in result.warnings])
            text = render.record(created.row, with_remote_data=remote_data, extra='"warnings":' + warnings)
            if idempotency_key is not None:
                await idempotency.finish(db, scope, idempotency_key, status_code=201, response=text)
        return Answer(201, text)
    except BaseException as exc:
        if idempotency_key is not None:
            await idempotency.release(runtime.engine, scope, idempotency_key)
        if isinstance(exc, LedgerbridgeError):
            async with runtime.engine.begin() as db:
                await events.record(
                    db, project_id=connection.project_id, connection_id=connection.id,
                    type=f"accounting.{spec.name}.created", status="fail", method="POST", url=url,
                    detail={"error": exc.error, "message": exc.message},
                )
        raise
