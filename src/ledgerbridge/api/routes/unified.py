"""Routes for every unified object, generated from :data:`ledgerbridge.objects.OBJECTS` — no per-object controller.

Reads splice stored JSON into the response (no model per row); writes parse the body with exact Decimals.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response

from ledgerbridge import wire
from ledgerbridge.api.deps import ConnectionDep, RuntimeDep
from ledgerbridge.errors import BadRequest
from ledgerbridge.objects import OBJECTS, ObjectSpec
from ledgerbridge.service import reads, writes
from ledgerbridge.service.cursor import Cursor
from ledgerbridge.store.records import Scope

JSON = "application/json"

RemoteData = Annotated[bool, Query(description="Include the provider's raw JSON as remote_data.")]


def _list_route(spec: ObjectSpec):  # type: ignore[no-untyped-def]
    async def list_objects(
        runtime: RuntimeDep,
        connection: ConnectionDep,
        remote_data: RemoteData = False,
        limit: Annotated[int, Query(ge=1, le=reads.MAX_LIMIT, description="Page size, 1 to 100.")] = reads.DEFAULT_LIMIT,
        cursor: Annotated[str | None, Query(description="next_cursor or prev_cursor of a previous page.")] = None,
        remote_id: Annotated[str | None, Query(description="Only the record with this provider id.")] = None,
        modified_after: Annotated[dt.datetime | None, Query(description="Only records changed after this.")] = None,
        include_deleted: Annotated[bool, Query(description="Include records the provider deleted.")] = False,
    ) -> Response:
        if modified_after is not None and modified_after.tzinfo is None:
            modified_after = modified_after.replace(tzinfo=dt.UTC)
        query = reads.ListQuery(
            limit=limit,
            cursor=None if cursor is None else Cursor.decode(cursor),
            remote_data=remote_data,
            include_deleted=include_deleted,
            remote_id=remote_id,
            modified_after=modified_after,
        )
        text = await reads.list_records(runtime.engine, Scope(connection.project_id, connection.id), spec, query)
        return Response(text, media_type=JSON)

    return list_objects


def _retrieve_route(spec: ObjectSpec):  # type: ignore[no-untyped-def]
    async def retrieve_object(
        id: str, runtime: RuntimeDep, connection: ConnectionDep, remote_data: RemoteData = False
    ) -> Response:
        text = await reads.retrieve(
            runtime.engine, Scope(connection.project_id, connection.id), spec, id, remote_data=remote_data
        )
        return Response(text, media_type=JSON)

    return retrieve_object


def _create_route(spec: ObjectSpec):  # type: ignore[no-untyped-def]
    async def create_object(
        request: Request,
        runtime: RuntimeDep,
        connection: ConnectionDep,
        remote_data: RemoteData = False,
        idempotency_key: Annotated[
            str | None, Header(alias="Idempotency-Key", max_length=255, description="Makes retries safe (24 h).")
        ] = None,
    ) -> Response:
        payload = await _json_body(request)
        answer = await writes.create(
            runtime, connection, spec, payload,
            remote_data=remote_data, idempotency_key=idempotency_key, url=request.url.path,
        )
        headers = {"Idempotent-Replayed": "true"} if answer.replayed else {}
        return Response(answer.body, status_code=answer.status_code, media_type=JSON, headers=headers)

    return create_object


async def _json_body(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        raise BadRequest("The request body is empty; send a JSON object")
    try:
        return wire.loads(raw)
    except ValueError as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}") from None


def _schema_ref(model: type) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


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
                "properties": {
                    "prev_cursor": {"type": "string", "nullable": True},
                    "next_cursor": {"type": "string", "nullable": True},
                    "data": {"type": "array", "items": _schema_ref(spec.output)},
                },
            }}}}},
        )
        router.add_api_route(
            spec.path + "/{id}", _retrieve_route(spec), methods=["GET"], operation_id=spec.operation_id("retrieve"),
            tags=[tag], summary=f"Retrieve a {tag}", responses={200: {"description": "The record", **output}},
        )
        if spec.input is not None:
            router.add_api_route(
                spec.path, _create_route(spec), methods=["POST"], status_code=201,
                operation_id=spec.operation_id("create"), tags=[tag], summary=f"Create a {tag}",
                responses={201: {"description": "Created at the provider", **output}},
                openapi_extra={"requestBody": {"required": True, "content": {JSON: {"schema": _schema_ref(spec.input)}}}},
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
