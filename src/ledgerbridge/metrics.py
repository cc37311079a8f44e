"""Prometheus metrics: what an operator graphs and alerts on.

Other modules count through the objects here (``metrics.WEBHOOK_FAILURES.inc()``,
``metrics.provider_call("xero", 429)``); :func:`install` adds the request-latency middleware (which also
stamps every request with a request id for the logs, see :mod:`ledgerbridge.log_config`).

A leaf: it imports nothing of the project but the log context, so the connectors' HTTP client and the sync engine
count here without pulling in the store or the jobs. The gauges that describe the database (sync lag per
connection, queue depth) are set by :mod:`ledgerbridge.jobs.gauges` when ``GET /metrics``
(:mod:`ledgerbridge.api.routes.health`) is scraped, so they are true in whichever process is scraped, not only in
the one that did the work.
"""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ledgerbridge import log_config

if TYPE_CHECKING:
    from fastapi import FastAPI

REQUEST_LATENCY = Histogram(
    "ledgerbridge_request_seconds",
    "API request latency, by route template",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
PROVIDER_CALLS = Counter(
    "ledgerbridge_provider_calls_total", "Calls to providers, by provider and HTTP status", ["provider", "status"]
)
WEBHOOK_FAILURES = Counter("ledgerbridge_webhook_failures_total", "Webhook deliveries that failed (each attempt)")
SYNC_RECORDS = Counter("ledgerbridge_sync_records_total", "Records stored by syncs", ["provider", "object"])
SYNC_RUNS = Counter("ledgerbridge_sync_runs_total", "Finished syncs, by outcome", ["provider", "outcome"])
SYNC_DURATION = Histogram(
    "ledgerbridge_sync_seconds", "Duration of a connection's sync", ["provider"],
    buckets=(0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600),
)
SYNC_LAST_SUCCESS = Gauge(
    "ledgerbridge_sync_last_success_timestamp_seconds", "When this process last synced a connection",
    ["connection_id", "provider"],
)
SYNC_LAG = Gauge(
    "ledgerbridge_sync_lag_seconds", "Seconds since a connection's last completed sync", ["connection_id", "provider"]
)
QUEUE_DEPTH = Gauge("ledgerbridge_queue_depth", "Background jobs waiting to run, by queue", ["queue"])


def provider_call(provider: str, status: int | str) -> None:
    """Count one provider call; ``status`` is the HTTP status or a failure kind (``"timeout"``, ``"error"``)."""
    PROVIDER_CALLS.labels(provider, str(status)).inc()


class RequestMetrics:
    """ASGI middleware: a request id for every request (``X-Request-ID``, kept if the caller sent a sane one)
    and its latency by route template (``/accounting/invoices/{id}``, never the raw path: ids would explode
    the label set)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if 0 < len(given) <= 64 and given.isascii() and given.isprintable() else uuid.uuid4().hex
        token = log_config.REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            REQUEST_LATENCY.labels(scope.get("method", ""), template, str(status)).observe(
                time.perf_counter() - started
            )
            log_config.REQUEST_ID.reset(token)


def install(app: FastAPI) -> None:
    """Add the middleware (``GET /metrics`` itself is a route: :mod:`ledgerbridge.api.routes.health`)."""
    app.add_middleware(RequestMetrics)


def exposition() -> Response:
    """Every instrument in Prometheus' text format."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
