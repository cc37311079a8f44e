"""``/linked_users``: the project's end users, by our id or by the caller's own (origin) id."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ledgerbridge.api.body import json_response
from ledgerbridge.api.deps import ProjectDep, RuntimeDep
from ledgerbridge.api.routes.core.params import parse_id
from ledgerbridge.errors import NotFound
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import linked_users, tenancy

router = APIRouter()


class CreateLinkedUserDto(BaseModel):
    linked_user_origin_id: str = Field(min_length=1, max_length=255)
    alias: str | None = Field(default=None, max_length=255)


class CreateBatchLinkedUserDto(BaseModel):
    linked_user_origin_ids: list[Annotated[str, Field(min_length=1, max_length=255)]] = Field(
        min_length=1, max_length=1000)
    alias: str | None = Field(default=None, max_length=255)


def _linked_user(user: linked_users.LinkedUser) -> dict[str, Any]:
    return {"id_linked_user": str(user.id), "linked_user_origin_id": user.origin_user_id, "alias": user.alias,
            "id_project": str(user.project_id)}


async def _linked_users(runtime: Runtime, project_id: uuid.UUID, *, ids: list[uuid.UUID] | None = None,
                        origin_user_id: str | None = None) -> list[linked_users.LinkedUser]:
    async with runtime.engine.connect() as db:
        return await linked_users.list_linked_users(db, project_id=project_id, ids=ids, origin_user_id=origin_user_id)


async def _create_linked_users(runtime: Runtime, project_id: uuid.UUID, origin_ids: list[str],
                               alias: str | None) -> list[linked_users.LinkedUser]:
    async with runtime.engine.begin() as db:
        ids = [
            await tenancy.create_linked_user(db, project_id=project_id, origin_user_id=origin, alias=alias)
            for origin in dict.fromkeys(origin_ids)
        ]
    found = {user.id: user for user in await _linked_users(runtime, project_id, ids=ids)}
    return [found[i] for i in ids]


@router.post("/linked_users", operation_id="createLinkedUser", tags=["linkedUsers"], status_code=201,
             summary="Create Linked Users")
async def create_linked_user(runtime: RuntimeDep, project: ProjectDep, body: CreateLinkedUserDto) -> Response:
    """Idempotent on ``linked_user_origin_id``: creating the same user again returns the existing one."""
    rows = await _create_linked_users(runtime, project.id, [body.linked_user_origin_id], body.alias)
    return json_response(_linked_user(rows[0]), 201)


@router.post("/linked_users/batch", operation_id="importBatch", tags=["linkedUsers"], status_code=201,
             summary="Add Batch Linked Users")
async def import_batch(runtime: RuntimeDep, project: ProjectDep, body: CreateBatchLinkedUserDto) -> Response:
    rows = await _create_linked_users(runtime, project.id, body.linked_user_origin_ids, body.alias)
    return json_response([_linked_user(r) for r in rows], 201)


@router.get("/linked_users", operation_id="listLinkedUsers", tags=["linkedUsers"], summary="List Linked Users")
async def list_linked_users(runtime: RuntimeDep, project: ProjectDep) -> Response:
    return json_response([_linked_user(r) for r in await _linked_users(runtime, project.id)])


@router.get("/linked_users/fromRemoteId", operation_id="remoteId", tags=["linkedUsers"],
            summary="Retrieve a Linked User From A Remote Id")
async def linked_user_from_remote_id(
    runtime: RuntimeDep, project: ProjectDep, remoteId: Annotated[str, Query(min_length=1)]
) -> Response:
    rows = await _linked_users(runtime, project.id, origin_user_id=remoteId)
    if not rows:
        raise NotFound(f"No linked user with origin id {remoteId}")
    return json_response(_linked_user(rows[0]))


@router.get("/linked_users/{id}", operation_id="retrieveLinkedUser", tags=["linkedUsers"],
            summary="Retrieve Linked Users")
async def retrieve_linked_user(id: str, runtime: RuntimeDep, project: ProjectDep) -> Response:
    rows = await _linked_users(runtime, project.id, ids=[parse_id(id, "linked user")])
    if not rows:
        raise NotFound(f"No linked user with id {id}")
    return json_response(_linked_user(rows[0]))


