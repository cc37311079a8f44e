"""``GET /health``: the process is up and its database answers. ``GET /metrics``: Prometheus' scrape."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from ledgerbridge import metrics
from ledgerbridge.api.deps import RuntimeDep
from ledgerbridge.jobs import gauges
from ledgerbridge.store import db

router = APIRouter()


@router.get("/health", operation_id="health", tags=["health"])
async def health(runtime: RuntimeDep) -> dict[str, str]:
    await db.ping(runtime.engine)
    return {"status": "ok"}


@router.get("/metrics", include_in_schema=False)
async def prometheus(runtime: RuntimeDep) -> Response:
    """Prometheus text format, no auth: bind it to a private network. The database-backed gauges are read first."""
    await gauges.refresh(runtime)
    return metrics.exposition()
