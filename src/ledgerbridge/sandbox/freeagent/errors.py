"""FreeAgent's error answers.

The Postman collection carries no example responses, so the bodies follow FreeAgent's API documentation
(providers.md is silent on them): a refused write is ``422`` with ``{"errors": [{"message": …}, …]}``, one
message per broken rule; anything else (401, 403, 404, 429…) is ``{"errors": {"error": {"message": …}}}``.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response


class FreeAgentError(Exception):
    def __init__(self, status: int, messages: list[str], headers: dict[str, str] | None = None) -> None:
        super().__init__("; ".join(messages))
        self.status, self.messages, self.headers = status, messages, headers or {}

    def response(self) -> Response:
        body: dict[str, Any]
        if self.status == 422:
            body = {"errors": [{"message": m} for m in self.messages]}
        else:
            body = {"errors": {"error": {"message": self.messages[0]}}}
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def invalid(*messages: str) -> FreeAgentError:
    return FreeAgentError(422, list(messages))


def not_found() -> FreeAgentError:
    return FreeAgentError(404, ["Resource not found"])


def unauthorized(message: str = "Access token not recognised") -> FreeAgentError:
    return FreeAgentError(401, [message], {"WWW-Authenticate": 'Bearer realm="FreeAgent"'})


def bad_request(message: str) -> FreeAgentError:
    return FreeAgentError(400, [message])


def render_fault(status: int) -> Response:
    """The body of a fault injected by ``sandbox/faults.py``."""
    messages = {429: "Rate limit exceeded", 503: "Service unavailable"}
    return FreeAgentError(status, [messages.get(status, "Internal server error")]).response()
