"""Pennylane's error answers. The contract knows two shapes: ``{"error", "status"}`` (401, 403, 404, 422 and, per
providers.md, 429) and, for a 400, ``{"message"}`` optionally with the ``field`` and ``code`` a validation names."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse


class PennylaneError(Exception):
    """An answer other than success; raised anywhere in a handler, rendered by the app."""

    def __init__(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        super().__init__(str(body))
        self.status = status
        self.body = body
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        return JSONResponse(self.body, status_code=self.status, headers=self.headers)


def error(status: int, message: str) -> PennylaneError:
    return PennylaneError(status, {"error": message, "status": status})


def not_found() -> PennylaneError:
    return error(404, "Not Found")


def unauthorized() -> PennylaneError:
    return error(401, "The access token is invalid")


def unprocessable(message: str) -> PennylaneError:
    return error(422, message)


def bad_request(message: str, *, field: str | None = None, code: str = "ValidateError") -> PennylaneError:
    body: dict[str, Any] = {"message": message, "code": code}
    if field is not None:
        body["field"] = field
    return PennylaneError(400, body)


def render_fault(status: int) -> JSONResponse:
    """The body of an injected fault (sandbox/faults.py), in Pennylane's shape."""
    return JSONResponse({"error": "Internal server error" if status >= 500 else "injected fault", "status": status},
                        status_code=status)
