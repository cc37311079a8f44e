"""Sage-shaped error answers: a JSON array of ``{"$severity","$dataCode","$message","$source"}``.

``$source`` names the attribute at fault (``contact_id``, ``invoice_lines.0.ledger_account_id``…), which is what a
client maps onto its own field names. 401 and 403 answer with the same array shape.
"""

from __future__ import annotations

from typing import Any

import simplejson
from starlette.responses import Response


def dumps(body: Any) -> bytes:
    # use_decimal keeps money exact on the wire (300.50 stays 300.50)
    return simplejson.dumps(body, use_decimal=True, separators=(",", ":")).encode()


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, headers=headers, media_type="application/json; charset=utf-8")


def entry(code: str, message: str, source: str = "") -> dict[str, str]:
    return {"$severity": "error", "$dataCode": code, "$message": message, "$source": source}


class SageError(Exception):
    """Raised anywhere in request handling; the app turns it into the answer it carries."""

    def __init__(self, status: int, entries: list[dict[str, str]], headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status}: {entries!r}")
        self.status, self.entries, self.headers = status, entries, headers or {}

    def response(self) -> Response:
        return json_response(self.entries, self.status, self.headers)


def invalid(source: str, message: str, code: str = "RecordInvalid") -> SageError:
    return SageError(422, [entry(code, message, source)])


def invalid_many(problems: list[tuple[str, str]]) -> SageError:
    return SageError(422, [entry("RecordInvalid", message, source) for source, message in problems])


def not_found(what: str = "resource") -> SageError:
    return SageError(404, [entry("RecordNotFound", f"The {what} could not be found")])


def unauthorized(message: str = "The access token is invalid or has expired") -> SageError:
    return SageError(401, [entry("AuthenticationFailed", message)])


def forbidden(message: str) -> SageError:
    return SageError(403, [entry("AccessDenied", message)])


def bad_request(message: str, source: str = "") -> SageError:
    return SageError(400, [entry("InvalidParameter", message, source)])
