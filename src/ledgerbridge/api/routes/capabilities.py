"""``GET /accounting/capabilities``: what this connection's provider supports (see service.capabilities)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ledgerbridge.api.deps import ConnectionDep, RuntimeDep
from ledgerbridge.service.capabilities import matrix

router = APIRouter()

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["provider", "objects"],
    "properties": {
        "provider": {"type": "string"},
        "objects": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["path", "operations", "fields", "writable_fields", "unsupported_fields",
                             "unmapped_provider_fields"],
                "properties": {
                    "path": {"type": "string"},
                    "operations": {"type": "array", "items": {
                        "type": "string", "enum": ["list", "retrieve", "create", "update", "void"]}},
                    "fields": {"type": "array", "items": {"type": "string"}},
                    "writable_fields": {"type": "array", "items": {"type": "string"}},
                    "unsupported_fields": {"type": "array", "items": {"type": "string"}},
                    "unmapped_provider_fields": {
                        "type": "object", "additionalProperties": {"type": "string"},
                        "description": "Provider fields with no unified home (name → meaning): read and kept in "
                                       "remote_data only."},
                },
            },
        },
    },
}


@router.get(
    "/accounting/capabilities",
    operation_id="retrieveAccountingCapabilities",
    tags=["capabilities"],
    summary="Objects, operations and fields this connection's provider supports",
    responses={200: {"description": "The capability matrix", "content": {"application/json": {"schema": _SCHEMA}}}},
)
async def capabilities(runtime: RuntimeDep, connection: ConnectionDep) -> dict[str, Any]:
    return matrix(runtime.connector(connection))
