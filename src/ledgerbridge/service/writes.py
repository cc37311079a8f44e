"""Creating records at the provider: validate, resolve references, call the connector, store, answer.

A request that fails validation, reference resolution or the provider's own checks writes nothing: the
connector is called only once every check passed, and the store is written only after the provider said yes.
A keyed create whose provider answer was lost keeps its key until what the provider did is known
(:mod:`ledgerbridge.service.outcomes`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

from ledgerbridge import wire
from ledgerbridge.connectors.base import Refs, RemoteRecord, WriteResult
from ledgerbridge.errors import FieldError, LedgerbridgeError, ValidationFailed
from ledgerbridge.ids import record_id
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import attachment_source, checks, field_mappings, idempotent, outcomes, references, versions
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
    create = KeyedCreate(runtime, connection, spec, body, payload=payload, remote_data=remote_data,
                         key=idempotency_key, url=url)

    async def resolve(claim: idempotency.Uncertain) -> Answer:
        found = None if claim.not_written else await create.settle(claim)
        return await create.write(claim.provider_key, found=found)

    return await idempotent.run_keyed(runtime, scope, idempotency_key, idempotent.request_hash(body=payload),
                                      lambda: create.write(request_key), hold=create.hold, resolve=resolve)


class KeyedCreate:
    """One create, possibly under an Idempotency-Key: checks, the provider call, storing the answer — and, for a
    key whose earlier attempt lost the provider's answer, finding out what that attempt did (service/outcomes.py).
    """

    def __init__(self, runtime: Runtime, connection: Connection, spec: ObjectSpec, body: Any, *, payload: Any,
                 remote_data: bool, key: str | None, url: str) -> None:
        self.runtime, self.connection, self.spec, self.body = runtime, connection, spec, body
        self.payload, self.remote_data, self.key, self.url = payload, remote_data, key, url
        self.scope = Scope(connection.project_id, connection.id)
        self.connector = runtime.connector(connection)
        self.hold = idempotent.Hold()
        self._called = False  # the provider said yes: from here on a failure leaves the record at the provider

    async def settle(self, claim: idempotency.Uncertain) -> RemoteRecord | None:
        """What the earlier attempt under this key did; if that cannot be told, the key stays uncertain."""
        try:
            return await outcomes.settle(self.connector, self.spec.name, self.body,
                                         provider_key=claim.provider_key, sent_at=claim.sent_at)
        except BaseException:
            await self._keep_uncertain()
            raise

    async def write(self, request_key: str, *, found: RemoteRecord | None = None) -> Answer:
        """Create the record at the provider under ``request_key`` (or store ``found``, which an earlier attempt
        created) and answer 201."""
        try:
            try:
                refs, custom, sent, errors = await self._prepare()
                if found is not None:  # created by the attempt whose answer was lost: the checks passed back then
                    result = WriteResult(found)
                else:
                    if errors:
                        raise ValidationFailed("The request has invalid fields", errors=errors)
                    result = await self._call(sent, refs, request_key)
                return await self._store(result, custom, sent)
            except BaseException:
                if self.key is not None and self.provider_has_it(found):  # a retry finds it by its marker
                    await self._keep_uncertain()
                raise
        except LedgerbridgeError as exc:
            async with self.runtime.engine.begin() as db:
                await events.record(
                    db, project_id=self.connection.project_id, connection_id=self.connection.id,
                    type=f"accounting.{self.spec.name}.created", status="fail", method="POST", url=self.url,
                    detail={"error": exc.error, "message": exc.message},
                )
            raise

    def provider_has_it(self, found: RemoteRecord | None) -> bool:
        return found is not None or self._called

    async def _prepare(self) -> tuple[Refs, field_mappings.Prepared, Any, list[FieldError]]:
        runtime, scope, spec, body = self.runtime, self.scope, self.spec, self.body
        async with runtime.engine.connect() as db:
            refs, errors = await references.resolve(db, scope, spec, body)
            custom = await field_mappings.prepare(db, scope, spec.name, getattr(body, "field_mappings", None) or {})
        fetcher = runtime.http.client(attachment_source.CLIENT_NAME)
        errors += await attachment_source.prepare(runtime.settings, fetcher, spec.name, body)
        errors += await self.connector.validate(spec.name, body, refs)
        sent = body
        if hasattr(body, "field_mappings"):  # the connector sees provider paths → values, ready for its payload
            sent = body.model_copy(update={"field_mappings": custom.remote})
        return refs, custom, sent, errors

    async def _call(self, sent: Any, refs: Refs, request_key: str) -> WriteResult:
        if self.key is not None:  # recorded before sending: a lost answer leaves what is needed to find it again
            request = wire.dumps({"body": self.payload, "remote_data": self.remote_data, "url": self.url})
            await idempotency.sent(self.runtime.engine, self.scope, self.key, provider_key=request_key,
                                   object_type=self.spec.name, request=request)
        try:
            result = await self.connector.create(self.spec.name, sent, refs, request_key=request_key)
            self._called = True
            return result
        except BaseException as exc:
            if self.key is not None and outcomes.unknown(exc):
                await self._keep_uncertain()
                outcomes.explain(exc)
            raise

    async def _keep_uncertain(self) -> None:
        assert self.key is not None
        self.hold.keep = True
        # Shielded: a request cancelled while its answer was on the way must still leave its key uncertain.
        await asyncio.shield(idempotency.uncertain(self.runtime.engine, self.scope, self.key))

    async def _store(self, result: WriteResult, custom: field_mappings.Prepared, sent: Any) -> Answer:
        connection, spec, scope, connector = self.connection, self.spec, self.scope, self.connector
        async with self.runtime.engine.begin() as db:
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
                type=f"accounting.{spec.name}.created", method="POST", url=self.url,
                detail={"id": str(created.id), "remote_id": result.record.remote_id},
                data=render.record(created.row, with_remote_data=False, field_mappings=custom_json),
            )
            warnings = result.warnings + checks.unsupported_warnings(
                connector.capabilities, connector.provider, spec.name, sent, result.warnings
            ) + _undefined_warnings(spec, custom)
            text = render.record(created.row, with_remote_data=self.remote_data, extra=warnings_text(warnings),
                                 field_mappings=custom_json)
            if self.key is not None:
                await idempotency.finish(db, scope, self.key, status_code=201, response=text)
        return Answer(201, text, etag=versions.etag(created.row))
