"""Rendering errors as ``{statusCode, error, message, errors?}`` — see :mod:`ledgerbridge.errors`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from ledgerbridge.errors import FieldError, LedgerbridgeError, ValidationFailed
from ledgerbridge.service.validation import field_path

log = logging.getLogger("ledgerbridge.api")


def _render(error: LedgerbridgeError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status_code, headers=error.headers())


def install(app: FastAPI) -> None:
    @app.exception_handler(LedgerbridgeError)
    async def _ours(_request: Request, exc: LedgerbridgeError) -> JSONResponse:
        return _render(exc)

    @app.exception_handler(RequestValidationError)
    async def _params(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for item in exc.errors():
            # ("query", "limit") → "limit"; ("header", "x-api-key") → "x-api-key"
            location = tuple(item.get("loc", ()))[1:] or tuple(item.get("loc", ()))
            message = str(item.get("msg", "")).removeprefix("Value error, ")
            errors.append(FieldError(field_path(location), message))
        return _render(ValidationFailed("The request has invalid parameters", errors=errors))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        error = LedgerbridgeError(str(exc.detail))
        error.status_code = exc.status_code
        error.error = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
                       413: "Payload Too Large"}.get(exc.status_code, "Error")
        return _render(error)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"statusCode": 500, "error": "Internal Server Error", "message": "An unexpected error occurred"},
            status_code=500,
        )

