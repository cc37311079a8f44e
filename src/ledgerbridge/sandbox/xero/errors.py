"""Xero-shaped error bodies. The SDKs branch on these shapes, so they are kept exact.

- 400 ``ValidationException`` (schema ``Error``): ``Elements[].ValidationErrors[].Message`` — xero-python reads
  ``Elements.0.ValidationErrors.0.Message`` into ``AccountingBadRequestException.reason``.
- 401/403 come from Xero's identity layer as problem-details JSON (capitalised keys).
- 404 is a bare sentence; xero-python does not parse it.
"""

from __future__ import annotations

import uuid
from typing import Any

import simplejson
from starlette.responses import Response

NOT_FOUND_TEXT = "The resource you're looking for cannot be found"


def dumps(body: Any) -> bytes:
    # use_decimal keeps money exact on the wire (300.50 stays 300.50, never 300.5 or 300.49999)
    return simplejson.dumps(body, use_decimal=True, separators=(",", ":")).encode()


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, headers=headers, media_type="application/json; charset=utf-8")


class XeroError(Exception):
    """Raised anywhere in request handling; the app turns it into the response it carries."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None, text: bool = False) -> None:
        super().__init__(f"{status}: {body!r}")
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.text = text

    def response(self) -> Response:
        if self.text:
            return Response(str(self.body), status_code=self.status, headers=self.headers, media_type="text/plain")
        return json_response(self.body, self.status, self.headers)


def validation_body(elements: list[dict[str, Any]]) -> dict[str, Any]:
    return {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
            "Elements": elements}


def validation_exception(elements: list[dict[str, Any]]) -> XeroError:
    return XeroError(400, validation_body(elements))


def single_validation(message: str, element: dict[str, Any] | None = None) -> XeroError:
    el = dict(element or {})
    el["ValidationErrors"] = [{"Message": message}]
    return validation_exception([el])


def query_parse_exception(message: str) -> XeroError:
    return XeroError(400, {"ErrorNumber": 16, "Type": "QueryParseException", "Message": message})


def post_data_invalid(message: str = "Invalid Json data") -> XeroError:
    return XeroError(400, {"ErrorNumber": 17, "Type": "PostDataInvalidException", "Message": message})


def problem(status: int, title: str, detail: str) -> dict[str, Any]:
    return {"Type": None, "Title": title, "Status": status, "Detail": detail, "Instance": str(uuid.uuid4()),
            "Extensions": {}}


def unauthorized(detail: str = "AuthenticationUnsuccessful") -> XeroError:
    return XeroError(401, problem(401, "Unauthorized", detail), {"WWW-Authenticate": "Bearer"})


def forbidden(detail: str = "AuthenticationUnsuccessful") -> XeroError:
    return XeroError(403, problem(403, "Forbidden", detail))


def not_found() -> XeroError:
    return XeroError(404, NOT_FOUND_TEXT, text=True)


def render_fault(status: int) -> Response:
    """Body for a status injected by FaultInjectionMiddleware, shaped as Xero would send it."""
    if status == 400:
        return json_response(validation_body([{"ValidationErrors": [{"Message": "Injected validation error"}]}]), 400)
    if status == 401:
        return unauthorized("TokenExpired: token expired (injected)").response()
    if status == 403:
        return forbidden().response()
    if status == 404:
        return not_found().response()
    if status == 429:
        return Response("", status_code=429, headers={"Retry-After": "60", "X-Rate-Limit-Problem": "minute"})
    titles = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
    return json_response(problem(status, titles.get(status, "Error"), "An error occurred in Xero (injected)"), status)
