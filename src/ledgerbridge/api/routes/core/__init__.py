"""Panora's core endpoints: projects, linked users, connections, events, field mappings, passthrough.

All take ``x-api-key`` and answer for that key's project only. Where Panora differs:

- ``GET /projects`` returns the key's own project (there are no dashboard users here); ``POST /projects``
  creates a new project and returns its first API key, once, as ``api_key`` (only its hash is stored).
- ``GET /connections`` never returns credentials: ``access_token``/``refresh_token`` are absent.
- ``GET /events`` includes project-level events and is newest first; ``page``/``limit`` as Panora (limit ≤ 100).
- Field mappings accept every unified accounting object; values and entities are the project's own.
- ``POST /passthrough`` only reaches the connection's own provider base URL, with its own auth; no
  ``overrideBaseUrl``, no multipart file reads.

One module per noun; this package joins their routers, in the order the OpenAPI document lists them.
"""

from __future__ import annotations

from fastapi import APIRouter

from ledgerbridge.api.routes.core import connections, events, field_mappings, linked_users, passthrough, projects

router = APIRouter()
for _module in (projects, linked_users, connections, events, field_mappings, passthrough):
    router.include_router(_module.router)

__all__ = ["router"]
