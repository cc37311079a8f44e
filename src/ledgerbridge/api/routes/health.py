"""``GET /health``: the process is up and its database answers."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from ledgerbridge.api.deps import RuntimeDep

router = APIRouter()


@router.get("/health", operation_id="health", tags=["health"])
async def health(runtime: RuntimeDep) -> dict[str, str]:
    async with runtime.engine.connect() as db:
        await db.execute(text("SELECT 1"))
    return {"status": "ok"}
