"""The FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema
from starlette.types import ASGIApp

from ledgerbridge import jobs, metrics
from ledgerbridge.api import errors, pages
from ledgerbridge.api.gate import RequestGate
from ledgerbridge.api.routes import capabilities, connect, core, dashboard, health, sync, unified, webhooks
from ledgerbridge.api.routes.notifications import router as notifications_router
from ledgerbridge.runtime import Runtime

DESCRIPTION = """A unified accounting API with Panora's wire format.

Money is a JSON number in major units of the record's currency (300.50 is three hundred and fifty cents),
handled as exact decimals end to end. Dates are ISO 8601 with an offset.
"""


_ERROR_FIELD = {"type": "object", "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}
# Schemas the routes refer to that no unified model describes: the error body and a dry run's answer.
_SHARED_SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["statusCode", "error", "message"],
        "properties": {
            "statusCode": {"type": "integer"},
            "error": {"type": "string"},
            "message": {"type": "string"},
            "errors": {"type": "array", "items": _ERROR_FIELD},
            "provider": {"type": "object"},
        },
    },
    "DryRunResult": {
        "type": "object",
        "required": ["dry_run", "valid", "warnings"],
        "properties": {
            "dry_run": {"type": "boolean", "enum": [True]},
            "valid": {"type": "boolean"},
            "warnings": {"type": "array", "items": _ERROR_FIELD},
        },
    },
}


_ERROR_RESPONSES = {
    "400": "Unreadable request (bad JSON, cursor or parameter), or an operation the provider lacks",
    "401": "Missing or unknown x-api-key",
    "404": "Unknown or foreign id or token",
    "409": "The same Idempotency-Key is still being processed",
    "412": "If-Match no longer matches",
    "413": "The request body is larger than the route accepts",
    "422": "Invalid fields, each one named in errors",
    "429": "The provider's quota is spent",
    "502": "The provider failed; its own message is in provider",
}


def _document_errors(schema: dict[str, Any]) -> None:
    """Every operation answers errors in one shape (:mod:`ledgerbridge.errors`): say so, for every route, so
    clients and schema checks know them. FastAPI's own 422 schema is replaced: we never answer in it."""
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for code, description in _ERROR_RESPONSES.items():
                current = responses.get(code)
                if current is None or "HTTPValidationError" in str(current):
                    responses[code] = {"description": description, "content": error}
    schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
    schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)


def create_app(runtime: Runtime, *, mounts: Mapping[str, ASGIApp] | None = None) -> FastAPI:
    """Build the app around a :class:`Runtime`; ``mounts`` adds sub-apps (the demo mounts its sandboxes)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async with jobs.lifespan(runtime):  # embedded mode: the queue's worker and the webhook outbox run here
            yield
        await runtime.aclose()

    app = FastAPI(title="Ledgerbridge", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.runtime = runtime
    errors.install(app)
    # Inside the metrics middleware (refusals are counted and get a request id), outside everything that reads.
    app.add_middleware(RequestGate, runtime=runtime, routes=app.router.routes)
    metrics.install(app)
    app.include_router(health.router)
    app.include_router(capabilities.router)
    app.include_router(notifications_router)
    app.include_router(unified.build_router())
    for module in (core, sync, webhooks, connect, dashboard):
        app.include_router(module.router)
    dashboard.install(app, runtime)
    pages.install(app)  # /static: the pages' own CSS, scripts and vendored libraries
    for prefix, sub_app in (mounts or {}).items():
        app.mount(prefix, sub_app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            _, definitions = models_json_schema(
                [(model, "validation") for model in unified.schema_models()],
                ref_template="#/components/schemas/{model}",
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(definitions.get("$defs", {}))
            components.update(_SHARED_SCHEMAS)
            _document_errors(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
