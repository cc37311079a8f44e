"""What a Business Central answer means, as one table: HTTP status and OData error → Ledgerbridge error.

| Business Central says                                          | we raise                                    |
|----------------------------------------------------------------|---------------------------------------------|
| 2xx                                                            | nothing (success)                           |
| 400 ``{"error": {"code", "message"}}`` (a business rule, a     | ProviderRejected with BC's own message and  |
|   bad field, an unknown property…)                             |   code, the field guessed from the message  |
| 401, 403                                                       | ProviderAuthFailed                          |
| 404 ``BadRequest_NotFound`` / ``Internal_RecordNotFound``      | ProviderRejected, status 404 (fetch → None) |
| 412 ``Request_EntityChanged``                                  | ProviderRejected, status 412: the client    |
|                                                                |   turns it into PreconditionFailed          |
| 429 ``Application_TooManyRequests``                            | ProviderRateLimited, Retry-After            |
| 408, 5xx, or a body that is not JSON                           | ProviderUnavailable (retryable)             |

``RefreshingAuth`` has already refreshed and retried once before a 401 reaches this table.
"""

from __future__ import annotations

import re
from typing import Any

import httpx

from ledgerbridge.connectors.http import retry_after_seconds
from ledgerbridge.errors import (
    FieldError,
    ProviderAuthFailed,
    ProviderDetail,
    ProviderError,
    ProviderRateLimited,
    ProviderRejected,
    ProviderUnavailable,
)
from ledgerbridge.wire import loads

PROVIDER = "business_central"
DEFAULT_RETRY_AFTER = 30.0
NOT_FOUND_CODES = ("BadRequest_NotFound", "Internal_RecordNotFound")
DUPLICATE = "Internal_EntityWithSameKeyExists"

# (pattern on Business Central's message, unified field)
FIELD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), f)
    for p, f in (
        (r"tax group|tax code", "line_items.tax_rate_id"),
        (r"g/l account|\baccount\b", "line_items.account_id"),
        (r"\bitem\b", "line_items.item_id"),
        (r"comment line|quantity|price|discount", "line_items"),
        (r"customer|vendor", "contact_id"),
        (r"No\.=|already exists", "number"),
        (r"due date", "due_date"),
        (r"nothing to post", "line_items"),
        (r"posted|status|cancel|paid", "status"),
    )
)


def field_for(message: str) -> str:
    for pattern, field in FIELD_PATTERNS:
        if pattern.search(message):
            return field
    return "body"


def _error(body: Any) -> tuple[str | None, str]:
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None, ""
    return (str(error["code"]) if error.get("code") else None), str(error.get("message") or "")


def classify(response: httpx.Response) -> ProviderError | None:
    status = response.status_code
    if 200 <= status < 300:
        return None
    request_id = response.headers.get("request-id") or response.headers.get("ms-correlation-x")
    try:
        body = loads(response.content) if response.content else None
    except ValueError:
        body = None
    code, message = _error(body)
    message = message or response.text[:200] or f"HTTP {status}"
    detail = ProviderDetail(PROVIDER, status=status, code=code, message=message, request_id=request_id,
                            raw=body if body is not None else response.text[:500])
    if status == 429:
        retry_after = retry_after_seconds(response)
        return ProviderRateLimited(detail, retry_after=DEFAULT_RETRY_AFTER if retry_after is None else retry_after)
    if status in (401, 403):
        return ProviderAuthFailed(detail)
    if status == 408 or status >= 500 or body is None:
        return ProviderUnavailable(detail)
    if status in (404, 412):
        return ProviderRejected(detail)
    if code == DUPLICATE:  # BC's message says the record "already exists"; say what that means for a caller
        message = f"Duplicate number: {message}"
    return ProviderRejected(ProviderDetail(PROVIDER, status=status, code=code, message=message,
                                           request_id=request_id, raw=body,
                                           fields=[FieldError(field_for(message), message)]))


def is_not_found(error: ProviderError) -> bool:
    return error.detail.status == 404 or error.detail.code in NOT_FOUND_CODES


def is_duplicate(error: ProviderError) -> bool:
    return error.detail.code == DUPLICATE


def is_stale(error: ProviderError) -> bool:
    return error.detail.status == 412 or error.detail.code == "Request_EntityChanged"
