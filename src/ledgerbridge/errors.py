"""The errors Ledgerbridge answers with, as one tree. Every one renders as
``{"statusCode", "error", "message", "errors"?, "provider"?}`` (Nest-compatible, so Panora clients parse it).

    LedgerbridgeError
     ├── BadRequest            400  unreadable JSON, bad query parameters, malformed cursor
     ├── Unauthorized          401  missing or unknown x-api-key
     ├── NotFound              404  unknown or foreign id, token or path
     ├── Conflict              409  the same Idempotency-Key is being processed right now
     ├── PreconditionFailed    412  If-Match no longer matches
     ├── ValidationFailed      422  the body is wrong: ``errors`` names every bad field
     ├── NotSupported          400  the connection's provider lacks this object or operation
     └── ProviderError         the provider refused or failed; ``provider`` keeps its own message and code
          ├── ProviderRejected      422  the provider validated the request and said no
          ├── ProviderRateLimited   429  the provider's quota is spent even after waiting
          │    └── QuotaExhausted   429  a caller's write could not get the quota in time: nothing was sent
          ├── ProviderAuthFailed    502  the provider no longer accepts this connection's credentials
          └── ProviderUnavailable   502  5xx, timeouts and dropped connections, after retries

A :class:`ProviderError` also says whether the provider may have acted on the request (``may_have_written``):
False when the request surely never took effect (it was refused with a 4xx, a 429 or a 503, or the connection
failed before it was sent), True when the answer was lost after sending (a read timeout, a connection dropped
mid-answer, a 500/502/504). A write that failed the second way has an unknown outcome, which
:mod:`ledgerbridge.service.outcomes` resolves before anything is sent again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldError:
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class LedgerbridgeError(Exception):
    status_code = 500
    error = "Internal Server Error"

    def __init__(self, message: str, *, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or []

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"statusCode": self.status_code, "error": self.error, "message": self.message}
        if self.errors:
            body["errors"] = [e.as_dict() for e in self.errors]
        return body

    def headers(self) -> dict[str, str]:
        return {}


class BadRequest(LedgerbridgeError):
    status_code = 400
    error = "Bad Request"


class Unauthorized(LedgerbridgeError):
    status_code = 401
    error = "Unauthorized"


class NotFound(LedgerbridgeError):
    status_code = 404
    error = "Not Found"


class Conflict(LedgerbridgeError):
    status_code = 409
    error = "Conflict"


class PreconditionFailed(LedgerbridgeError):
    status_code = 412
    error = "Precondition Failed"


class ValidationFailed(LedgerbridgeError):
    status_code = 422
    error = "Unprocessable Entity"


class NotSupported(LedgerbridgeError):
    status_code = 400
    error = "Not Supported"


@dataclass
class ProviderDetail:
    """What the provider itself said, kept verbatim for the caller."""

    name: str
    status: int | None = None
    message: str = ""
    code: str | None = None
    request_id: str | None = None
    raw: Any = None
    fields: list[FieldError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "message": self.message,
            "code": self.code,
            "request_id": self.request_id,
        }


class ProviderError(LedgerbridgeError):
    status_code = 502
    error = "Bad Gateway"
    retryable = False

    def __init__(
        self, detail: ProviderDetail, *, retry_after: float | None = None, may_have_written: bool = False
    ) -> None:
        super().__init__(f"{detail.name} answered: {detail.message}".strip(), errors=detail.fields)
        self.detail = detail
        self.retry_after = retry_after
        self.may_have_written = may_have_written

    def body(self) -> dict[str, Any]:
        return {**super().body(), "provider": self.detail.as_dict()}


class ProviderRejected(ProviderError):
    status_code = 422
    error = "Unprocessable Entity"


class ProviderRateLimited(ProviderError):
    status_code = 429
    error = "Too Many Requests"
    retryable = True

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(max(1, round(self.retry_after or 60)))}


class QuotaExhausted(ProviderRateLimited):
    """A write for a caller that could not get the provider's quota within ``write_quota_wait_seconds``.

    Raised before the write was sent (so it certainly did not happen: its Idempotency-Key is free again), or on a
    provider 429 whose ``Retry-After`` is longer than the caller may wait. Never retried inside the request: the
    caller retries after ``Retry-After``, which says when the quota has room again.
    """

    retryable = False

    def __init__(self, detail: ProviderDetail, *, retry_after: float | None = None) -> None:
        super().__init__(detail, retry_after=retry_after)
        self.message = detail.message  # ours, not "<provider> answered: …": the provider was not asked
        self.args = (self.message,)

    def body(self) -> dict[str, Any]:
        return {**super().body(), "retry_after": max(1, round(self.retry_after or 1))}


class ProviderAuthFailed(ProviderError):
    status_code = 502
    error = "Bad Gateway"


class ProviderUnavailable(ProviderError):
    status_code = 502
    error = "Bad Gateway"
    retryable = True
