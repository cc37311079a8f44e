"""``/field_mappings``: custom fields the project defines on unified objects, mapped to provider fields."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator

from ledgerbridge.api.body import json_response
from ledgerbridge.api.deps import ProjectDep, RuntimeDep
from ledgerbridge.api.routes.core.params import MAX_PAGE, Limit, Page, parse_id
from ledgerbridge.errors import FieldError, NotFound, ValidationFailed
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import field_mappings as fm
from ledgerbridge.store import tenancy

router = APIRouter()


class DefineTargetFieldDto(BaseModel):
    object_type_owner: str = Field(description="A unified object: invoice, contact, … (or accounting.invoice).")
    name: str = Field(description="The slug the values appear under in field_mappings.")
    description: str | None = Field(default=None, max_length=500)
    data_type: Literal["string", "number"]

    @field_validator("object_type_owner")
    @classmethod
    def _object(cls, value: str) -> str:
        return fm.object_type(value)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not fm.SLUG.match(value):
            raise ValueError("must be a letter or _ then letters, digits or _ (at most 100)")
        return value


class MapFieldToProviderDto(BaseModel):
    attributeId: str
    source_custom_field_id: str = Field(description="Path in the provider record, e.g. "
                                                    "CustomField[DefinitionId=1].StringValue")
    source_provider: str
    linked_user_id: str | None = None

    @field_validator("source_custom_field_id")
    @classmethod
    def _path(cls, value: str) -> str:
        fm.parse_path(value)
        return value


class CustomFieldCreateDto(DefineTargetFieldDto):
    source_custom_field_id: str
    source_provider: str
    linked_user_id: str | None = None

    _path = field_validator("source_custom_field_id")(MapFieldToProviderDto._path.__func__)  # type: ignore[attr-defined]


def _custom_field(d: fm.Definition) -> dict[str, Any]:
    first = d.mappings[0] if d.mappings else {}
    return {
        "id_attribute": str(d.id), "status": "mapped" if d.mappings else "defined",
        "ressource_owner_type": f"accounting.{d.object_type}", "slug": d.slug, "description": d.description,
        "data_type": d.data_type, "remote_id": first.get("remote_id"), "source": first.get("provider"),
        "id_entity": None, "id_project": str(d.project_id), "scope": "project", "id_consumer": None,
        "created_at": d.created_at, "modified_at": d.modified_at, "mappings": d.mappings,
    }


async def _map(
    runtime: Runtime, project_id: uuid.UUID, definition_id: uuid.UUID, *, provider: str, path: str,
    linked_user_id: str | None, token: str | None,
) -> fm.Definition:
    async with runtime.engine.begin() as db:
        definition = await fm.get_definition(db, project_id=project_id, definition_id=definition_id)
        if definition is None:
            raise NotFound(f"No custom field with id {definition_id}")
        if token:
            connection = await tenancy.connection_for_token(db, project_id=project_id, token=token)
            if connection is None:
                raise NotFound("No connection with this token in your project")
            if connection.provider != provider:
                raise ValidationFailed("The connection is not of this provider", errors=[
                    FieldError("source_provider", f"the connection's provider is {connection.provider}")])
            targets = [connection.id]
        else:
            user = None if linked_user_id is None else parse_id(linked_user_id, "linked user")
            targets = await fm.target_connections(db, project_id=project_id, provider=provider, linked_user_id=user)
            if not targets:
                raise NotFound(f"No {provider} connection in your project"
                               + ("" if user is None else f" for linked user {linked_user_id}"))
        await fm.map_field(db, project_id=project_id, definition_id=definition.id, connection_ids=targets,
                           remote_field=path)
    async with runtime.engine.connect() as db:
        return next(d for d in await fm.definitions(db, project_id=project_id) if d.id == definition.id)


Token = Annotated[str | None, Header(description="Map at this connection only (else every connection of the "
                                                 "provider, of linked_user_id when given).")]


@router.post("/field_mappings/define", operation_id="definitions", tags=["fieldMappings"], status_code=201,
             summary="Define target Field")
async def define_field(runtime: RuntimeDep, project: ProjectDep, body: DefineTargetFieldDto) -> Response:
    async with runtime.engine.begin() as db:
        definition = await fm.define(db, project_id=project.id, object_type=body.object_type_owner,
                                     slug=body.name, description=body.description, data_type=body.data_type)
    return json_response(_custom_field(definition), 201)


@router.post("/field_mappings/map", operation_id="map", tags=["fieldMappings"], status_code=201,
             summary="Map Custom Field")
async def map_field(runtime: RuntimeDep, project: ProjectDep, body: MapFieldToProviderDto,
                    x_connection_token: Token = None) -> Response:
    definition = await _map(runtime, project.id, parse_id(body.attributeId, "custom field"),
                            provider=body.source_provider, path=body.source_custom_field_id,
                            linked_user_id=body.linked_user_id, token=x_connection_token)
    return json_response(_custom_field(definition), 201)


@router.post("/field_mappings", operation_id="defineCustomField", tags=["fieldMappings"], status_code=201,
             summary="Create Custom Field")
async def define_and_map(runtime: RuntimeDep, project: ProjectDep, body: CustomFieldCreateDto,
                         x_connection_token: Token = None) -> Response:
    """Define and map in one call; a failed mapping leaves the definition in place (map it again)."""
    async with runtime.engine.begin() as db:
        definition = await fm.define(db, project_id=project.id, object_type=body.object_type_owner,
                                     slug=body.name, description=body.description, data_type=body.data_type)
    definition = await _map(runtime, project.id, definition.id, provider=body.source_provider,
                            path=body.source_custom_field_id, linked_user_id=body.linked_user_id,
                            token=x_connection_token)
    return json_response(_custom_field(definition), 201)


@router.get("/field_mappings/attributes", operation_id="getFieldMappings", tags=["fieldMappings"],
            summary="Retrieve field mappings")
async def get_attributes(runtime: RuntimeDep, project: ProjectDep) -> Response:
    async with runtime.engine.connect() as db:
        return json_response([_custom_field(d) for d in await fm.definitions(db, project_id=project.id)])


@router.get("/field_mappings/values", operation_id="getFieldMappingValues", tags=["fieldMappings"],
            summary="Retrieve field mappings values")
async def get_values(runtime: RuntimeDep, project: ProjectDep, page: Page = 1, limit: Limit = MAX_PAGE) -> Response:
    async with runtime.engine.connect() as db:
        return json_response(await fm.values_page(db, project_id=project.id, page=page, limit=limit))


@router.get("/field_mappings/entities", operation_id="getFieldMappingsEntities", tags=["fieldMappings"],
            summary="Retrieve field mapping entities")
async def get_entities(runtime: RuntimeDep, project: ProjectDep, page: Page = 1,
                       limit: Limit = MAX_PAGE) -> Response:
    async with runtime.engine.connect() as db:
        return json_response(await fm.entities_page(db, project_id=project.id, page=page, limit=limit))


