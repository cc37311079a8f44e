"""``/projects``: the API key's own project, and new projects (each with its first API key, shown once)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ledgerbridge.api.body import json_response
from ledgerbridge.api.deps import ProjectDep, RuntimeDep
from ledgerbridge.store import tenancy

router = APIRouter()


class CreateProjectDto(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    id_user: str | None = Field(default=None, description="Accepted for Panora compatibility; not used.")
    id_organization: str | None = None


def _project(project_id: uuid.UUID, name: str) -> dict[str, Any]:
    return {"id_project": str(project_id), "name": name, "sync_mode": "pull", "pull_frequency": None,
            "redirect_url": None, "id_user": None, "id_connector_set": None}


@router.get("/projects", operation_id="getProjects", tags=["projects"], summary="Retrieve projects")
async def get_projects(project: ProjectDep) -> Response:
    """The API key's own project (a key belongs to exactly one)."""
    return json_response([_project(project.id, project.name)])


@router.post("/projects", operation_id="createProject", tags=["projects"], summary="Create a project",
             status_code=201)
async def create_project(runtime: RuntimeDep, _project_: ProjectDep, body: CreateProjectDto) -> Response:
    """Any valid key may create a project; the answer carries the new project's API key, shown only this once."""
    async with runtime.engine.begin() as db:
        created = await tenancy.create_project(db, name=body.name)
        key = await tenancy.create_api_key(db, project_id=created.id)
    return json_response({**_project(created.id, created.name), "api_key": key}, 201)


