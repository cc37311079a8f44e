"""Moneybird's error answers, as its OpenAPI document describes them.

- 400/401/403/404 (and 402): ``symbolic_error`` — ``{"error": "message", "symbolic": {field: code}}``;
- 422 on an invalid record: ``{"error": {field: [messages]}, "details": {field: [{"error": code}]}}`` (the
  spec's ``non_symbolic_error``, with the ``details`` its examples show); a refused state change answers 422 as
  ``symbolic_error``;
- 429: the JSON string ``"Retry later"`` with ``RateLimit-*`` and ``Retry-After`` headers.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .state import dumps


class MoneybirdError(Exception):
    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status, self.body, self.headers = status, body, headers or {}

    def response(self) -> Response:
        return json_response(self.body, self.status, self.headers)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, headers=headers, media_type="application/json")


def symbolic(status: int, message: str, field: str, code: str) -> MoneybirdError:
    return MoneybirdError(status, {"error": message, "symbolic": {field: code}})


def not_found(field: str = "id") -> MoneybirdError:
    return symbolic(404, "record not found", field, "not_found")


def bad_request(message: str, field: str, code: str = "invalid") -> MoneybirdError:
    return symbolic(400, message, field, code)


def refused(message: str, field: str, code: str) -> MoneybirdError:
    """A state change the record's state does not allow (422, symbolic)."""
    return symbolic(422, message, field, code)


class Invalid:
    """Collects field errors of one record; ``raise_if_any`` answers them all in one 422."""

    def __init__(self) -> None:
        self.messages: dict[str, list[str]] = {}
        self.codes: dict[str, list[dict[str, str]]] = {}

    def add(self, field: str, message: str, code: str | None = None) -> None:
        self.messages.setdefault(field, []).append(message)
        self.codes.setdefault(field, []).append({"error": code or message})

    def raise_if_any(self) -> None:
        if self.messages:
            raise MoneybirdError(422, {"error": self.messages, "details": self.codes})
