"""The FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema
from starlette.types import ASGIApp

from ledgerbridge.api import errors
from ledgerbridge.api.routes import capabilities, connect, core, dashboard, health, sync, unified, webhooks
from ledgerbridge.runtime import Runtime

DESCRIPTION = """A unified accounting API with Panora's wire format.

Money is a JSON number in major units of the record's currency (300.50 is three hundred and fifty cents),
handled as exact decimals end to end. Dates are ISO 8601 with an offset.
"""


def create_app(runtime: Runtime, *, mounts: Mapping[str, ASGIApp] | None = None) -> FastAPI:
    """Build the app around a :class:`Runtime`; ``mounts`` adds sub-apps (the demo mounts its sandboxes)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await runtime.aclose()

    app = FastAPI(title="Ledgerbridge", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.runtime = runtime
    errors.install(app)
    app.include_router(health.router)
    app.include_router(capabilities.router)
    app.include_router(unified.build_router())
    for module in (core, sync, webhooks, connect, dashboard):
        app.include_router(module.router)
    for prefix, sub_app in (mounts or {}).items():
        app.mount(prefix, sub_app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            _, definitions = models_json_schema(
                [(model, "validation") for model in unified.schema_models()],
                ref_template="#/components/schemas/{model}",
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(definitions.get("$defs", {}))
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
