"""``GET /health``: the process is up and its database answers. ``GET /metrics``: Prometheus' scrape.

``/metrics`` names every tenant's connection ids and providers, so it has its own credential, separate from any
project's API key: ``LEDGERBRIDGE_METRICS_TOKEN``, sent as ``Authorization: Bearer <token>``. Without the setting
the route answers 404 (it does not exist); with it, a missing or wrong token is 401.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header
from starlette.responses import Response

from ledgerbridge import metrics
from ledgerbridge.api.deps import RuntimeDep
from ledgerbridge.errors import NotFound, Unauthorized
from ledgerbridge.jobs import gauges
from ledgerbridge.store import db

router = APIRouter()


@router.get("/health", operation_id="health", tags=["health"])
async def health(runtime: RuntimeDep) -> dict[str, str]:
    await db.ping(runtime.engine)
    return {"status": "ok"}


def _require_metrics_token(expected: str | None, authorization: str | None) -> None:
    if not expected:
        raise NotFound("Not Found")
    scheme, _, sent = (authorization or "").partition(" ")
    # compare_digest on bytes: constant time whatever the caller sent, and no TypeError on non-ASCII text.
    if scheme.lower() != "bearer" or not hmac.compare_digest(sent.strip().encode(), expected.encode()):
        raise Unauthorized("GET /metrics needs Authorization: Bearer <LEDGERBRIDGE_METRICS_TOKEN>")


@router.get("/metrics", include_in_schema=False)
async def prometheus(
    runtime: RuntimeDep, authorization: Annotated[str | None, Header()] = None
) -> Response:
    """Prometheus text format behind the metrics token. The database-backed gauges are read first."""
    _require_metrics_token(runtime.settings.metrics_token, authorization)
    await gauges.refresh(runtime)
    return metrics.exposition()
