"""Routes for every unified object, generated from :data:`ledgerbridge.objects.OBJECTS` — no per-object controller.

Reads splice stored JSON into the response (no model per row); writes parse the body with exact Decimals.
Per object: list and retrieve; create, update (PATCH) and void (DELETE) for objects with an input model. Each
route first asks the connection's connector whether its provider supports the operation (a clear 400 if not).
A write waits for the provider's quota at most ``write_quota_wait_seconds`` (see :mod:`ledgerbridge.connectors.quota`).
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response

from ledgerbridge.api import examples
from ledgerbridge.api.body import json_body
from ledgerbridge.api.deps import CallerDep, ConnectionDep, RuntimeDep
from ledgerbridge.connectors.quota import write_deadline
from ledgerbridge.objects import OBJECTS, ObjectSpec
from ledgerbridge.service import changes, expand, filters, reads, reports, writes
from ledgerbridge.service.answer import Answer
from ledgerbridge.service.cursor import Cursor
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tenancy import Connection

JSON = "application/json"

RemoteData = Annotated[bool, Query(description="Include the provider's raw JSON as remote_data.")]
DryRun = Annotated[
    bool,
    Query(description="Run every check (validation, references, the provider's known rules) and write nothing: "
          "200 with warnings if the request would be accepted, 422 listing every problem if not."),
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="The ETag you last read; 412 if the record changed since."),
]
ChangeIdempotencyKey = Annotated[
    str | None,
    Header(alias="Idempotency-Key", max_length=255,
           description="Makes retries safe (kept 24 h): the same key on the same record with the same body "
           "replays the first answer (header Idempotent-Replayed) without changing anything again, even though "
           "its If-Match is stale by then; the same key with another record, method or body is 422; while the "
           "first request runs, 409. A request that failed frees its key."),
]


def _expand_param(spec: ObjectSpec) -> Any:
    names = ", ".join(sorted(expand.expandable(spec))) or "none"
    return Annotated[str | None, Query(description=f"Comma-separated records to embed: {names}.")]


def _require(runtime: Any, connection: Connection, spec: ObjectSpec, operation: str) -> None:
    if reports.is_report(spec):  # reports come from the connector's report(), not its listed objects
        reports.require(runtime.connector(connection), spec.name)
        return
    runtime.connector(connection).require(spec.name, operation)


def _list_route(spec: ObjectSpec) -> Callable[..., Any]:
    model_filters = filters.for_model(spec.model)

    async def list_objects(
        runtime: RuntimeDep,
        connection: ConnectionDep,
        caller: CallerDep,
        remote_data: RemoteData = False,
        limit: Annotated[
            int, Query(ge=1, le=reads.MAX_LIMIT, description="Page size, 1 to 100.")
        ] = reads.DEFAULT_LIMIT,
        cursor: Annotated[str | None, Query(description="next_cursor or prev_cursor of a previous page.")] = None,
        remote_id: Annotated[str | None, Query(description="Only the record with this provider id.")] = None,
        modified_after: Annotated[dt.datetime | None, Query(description="Only records changed after this.")] = None,
        created_after: Annotated[dt.datetime | None, Query(description="Only records first stored after this.")] = None,
        include_deleted: Annotated[
            bool, Query(description="Include records the provider deleted or voided away (remote_was_deleted).")
        ] = False,
        expand: Any = None,
        **per_object: Any,
    ) -> Response:
        _require(runtime, connection, spec, "list")
        if reports.is_report(spec):  # fetch the asked period live and store it, then list as usual
            start, end = reports.query_dates(per_object)
            await reports.refresh(runtime, connection, spec, start=start, end=end)
        query = reads.ListQuery(
            limit=limit,
            cursor=None if cursor is None else Cursor.decode(cursor),
            remote_data=remote_data,
            filters=filters.Filters.build(
                spec.model, per_object, remote_id=remote_id, modified_after=modified_after,
                created_after=created_after, include_deleted=include_deleted,
            ),
            expand=tuple(_expand_names(spec, expand)),
        )
        text = await reads.list_records(runtime.engine, Scope(connection.project_id, connection.id), spec, query,
                                        custom_fields=caller.custom_fields)
        return Response(text, media_type=JSON)

    # The per-object filters are real parameters (validated and documented by FastAPI): the signature is
    # extended with one keyword parameter per filter the object's model allows.
    signature = inspect.signature(list_objects)
    parameters = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    parameters = [
        p.replace(annotation=_expand_param(spec)) if p.name == "expand" else p for p in parameters
    ]
    if reports.is_report(spec):
        parameters += [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
                dt.date | None, Query(description=text)])
            for name, text in (("start_period", "First day of the report (default: January 1st of this year); "
                                "ignored by the balance sheet."),
                               ("end_period", "Last day of the report, or the balance sheet's date (default: today)."))
        ]
    for f in model_filters:
        parameters.append(
            inspect.Parameter(
                f.param, inspect.Parameter.KEYWORD_ONLY, default=None,
                annotation=Annotated[filters.annotation(spec.model, f), Query(description=f.description)],
            )
        )
    list_objects.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    return list_objects


def _expand_names(spec: ObjectSpec, value: str | None) -> list[str]:
    return expand.parse(spec, value)


def _retrieve_route(spec: ObjectSpec) -> Callable[..., Any]:
    async def retrieve_object(
        id: str, runtime: RuntimeDep, connection: ConnectionDep, caller: CallerDep, remote_data: RemoteData = False,
        expand: Any = None,
    ) -> Response:
        _require(runtime, connection, spec, "retrieve")
        found = await reads.retrieve(
            runtime.engine, Scope(connection.project_id, connection.id), spec, id, remote_data=remote_data,
            expand_names=tuple(_expand_names(spec, expand)), custom_fields=caller.custom_fields,
        )
        return Response(found.body, media_type=JSON, headers={"ETag": found.etag})

    signature = inspect.signature(retrieve_object)
    retrieve_object.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[
            p.replace(annotation=_expand_param(spec)) if p.name == "expand" else p
            for p in signature.parameters.values()
        ]
    )
    return retrieve_object


def _answer(answer: Answer) -> Response:
    headers = {"Idempotent-Replayed": "true"} if answer.replayed else {}
    if answer.etag is not None:
        headers["ETag"] = answer.etag
    return Response(answer.body, status_code=answer.status_code, media_type=JSON, headers=headers)


def _create_route(spec: ObjectSpec) -> Callable[..., Any]:
    async def create_object(
        request: Request,
        runtime: RuntimeDep,
        connection: ConnectionDep,
        remote_data: RemoteData = False,
        dry_run: DryRun = False,
        idempotency_key: Annotated[
            str | None, Header(alias="Idempotency-Key", max_length=255, description="Makes retries safe (24 h).")
        ] = None,
    ) -> Response:
        payload = await json_body(request)
        with write_deadline(runtime.settings.write_quota_wait_seconds):
            return _answer(await writes.create(
                runtime, connection, spec, payload,
                remote_data=remote_data, idempotency_key=idempotency_key, url=request.url.path, dry_run=dry_run,
            ))

    return create_object


def _update_route(spec: ObjectSpec) -> Callable[..., Any]:
    async def update_object(
        id: str,
        request: Request,
        runtime: RuntimeDep,
        connection: ConnectionDep,
        remote_data: RemoteData = False,
        dry_run: DryRun = False,
        if_match: IfMatch = None,
        idempotency_key: ChangeIdempotencyKey = None,
    ) -> Response:
        payload = await json_body(request)
        with write_deadline(runtime.settings.write_quota_wait_seconds):
            return _answer(await changes.update(
                runtime, connection, spec, id, payload,
                if_match=if_match, dry_run=dry_run, remote_data=remote_data, url=request.url.path,
                idempotency_key=idempotency_key,
            ))

    return update_object


def _void_route(spec: ObjectSpec) -> Callable[..., Any]:
    async def void_object(
        id: str, request: Request, runtime: RuntimeDep, connection: ConnectionDep,
        remote_data: RemoteData = False, if_match: IfMatch = None, idempotency_key: ChangeIdempotencyKey = None,
    ) -> Response:
        with write_deadline(runtime.settings.write_quota_wait_seconds):
            return _answer(await changes.void(
                runtime, connection, spec, id, if_match=if_match, remote_data=remote_data, url=request.url.path,
                idempotency_key=idempotency_key,
            ))

    return void_object


def _schema_ref(model: type) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    described = {
        400: "Bad request, or the connection's provider does not support this operation",
        401: "Missing or invalid x-api-key",
        404: "Unknown id or connection token",
        409: "Conflict (an Idempotency-Key in use, or a record the provider deleted)",
        412: "If-Match does not match the record's current ETag",
        422: "Invalid fields or parameters: every one is named",
        429: "The provider's quota has no room within write_quota_wait_seconds (nothing was sent; the key is "
             "free): retry after Retry-After",
        502: "The provider failed or refused",
    }
    schema = {"$ref": "#/components/schemas/Error"}
    return {code: {"description": described[code], "content": {JSON: {"schema": schema}}} for code in codes}


_ETAG = {"ETag": {"description": "The record's version, for If-Match", "schema": {"type": "string"}}}


def build_router() -> APIRouter:
    router = APIRouter()
    for spec in OBJECTS:
        tag = spec.name.replace("_", " ")
        output = {"content": {JSON: {"schema": _schema_ref(spec.output)}}}
        router.add_api_route(
            spec.path, _list_route(spec), methods=["GET"], operation_id=spec.operation_id("list"), tags=[tag],
            summary=f"List {tag} records",
            responses={200: {"description": "A page", "content": {JSON: {"schema": {
                "type": "object",
                "required": ["prev_cursor", "next_cursor", "data"],
                "properties": {
                    "prev_cursor": {"type": "string", "nullable": True},
                    "next_cursor": {"type": "string", "nullable": True},
                    "data": {"type": "array", "items": _schema_ref(spec.output)},
                },
            }}}}, **_errors(400, 401, 404, 422)},
        )
        router.add_api_route(
            spec.path + "/{id}", _retrieve_route(spec), methods=["GET"], operation_id=spec.operation_id("retrieve"),
            tags=[tag], summary=f"Retrieve a {tag}",
            responses={200: {"description": "The record", "headers": _ETAG, **output}, **_errors(400, 401, 404, 422)},
        )
        if spec.input is None:
            continue
        body = {"requestBody": {"required": True, "content": {JSON: {
            "schema": _schema_ref(spec.input), **examples.request(spec)}}}}
        router.add_api_route(
            spec.path, _create_route(spec), methods=["POST"], status_code=201,
            operation_id=spec.operation_id("create"), tags=[tag], summary=f"Create a {tag}",
            responses={
                201: {"description": "Created at the provider", "headers": _ETAG, **output},
                200: {"description": "dry_run=true: the request would be accepted",
                      "content": {JSON: {"schema": {"$ref": "#/components/schemas/DryRunResult"}}}},
                **_errors(400, 401, 404, 409, 422, 429, 502),
            },
            openapi_extra=body,
        )
        patch_body = {"requestBody": {"required": True, "content": {JSON: {
            "schema": {"type": "object", "description": f"Any fields of {spec.input.__name__}; line_items "
                       "replace the lines (a line with the id of an existing line updates that line)."},
            **examples.patch(spec)}}}}
        router.add_api_route(
            spec.path + "/{id}", _update_route(spec), methods=["PATCH"],
            operation_id=f"update{spec.operation_id('create').removeprefix('create')}", tags=[tag],
            summary=f"Update a {tag} (partial; If-Match for optimistic concurrency)",
            responses={
                200: {"description": "Updated at the provider (or, with dry_run, the check's result)",
                      "headers": _ETAG, "content": {JSON: {"schema": {"anyOf": [
                          _schema_ref(spec.output), {"$ref": "#/components/schemas/DryRunResult"}]}}}},
                **_errors(400, 401, 404, 409, 412, 422, 429, 502),
            },
            openapi_extra=patch_body,
        )
        router.add_api_route(
            spec.path + "/{id}", _void_route(spec), methods=["DELETE"],
            operation_id=f"void{spec.operation_id('create').removeprefix('create')}", tags=[tag],
            summary=f"Void a {tag} (or delete it where the provider cannot void)",
            responses={200: {"description": "Voided (status VOID) or deleted (remote_was_deleted)",
                             "headers": _ETAG, **output},
                       **_errors(400, 401, 404, 409, 412, 422, 429, 502)},
        )
    return router


def schema_models() -> list[type]:
    """The models the routes refer to by $ref, for the OpenAPI components."""
    models: list[type] = []
    for spec in OBJECTS:
        models.append(spec.output)
        if spec.input is not None:
            models.append(spec.input)
    return models
