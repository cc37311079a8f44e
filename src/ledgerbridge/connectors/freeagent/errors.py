"""What a FreeAgent response means, as one table: HTTP status and body → Ledgerbridge error.

| FreeAgent says                                         | we raise                                             |
|--------------------------------------------------------|------------------------------------------------------|
| 2xx                                                    | nothing (success)                                    |
| 422 ``{"errors": [{"message"}…]}``                     | ProviderRejected, each message a FieldError on the   |
|                                                        |   unified field it names (:data:`FIELD_PATTERNS`)    |
| 400, other 4xx ``{"errors": {"error": {"message"}}}``  | ProviderRejected with FreeAgent's message            |
| 404                                                    | ProviderRejected, status 404 (:func:`is_not_found`)  |
| 401, 403                                               | ProviderAuthFailed                                   |
| 429                                                    | ProviderRateLimited, ``Retry-After`` (60 s if absent)|
| 5xx, or a body that is not JSON                        | ProviderUnavailable (retryable)                      |

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

PROVIDER = "freeagent"
DEFAULT_RETRY_AFTER = 60.0
NOT_FOUND = "NotFound"

FIELD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), f)
    for p, f in (
        (r"^reference\b", "number"),
        (r"^contact\b", "contact_id"),
        (r"^category\b", "line_items[].account_id"),
        (r"^dated on\b", "issue_date"),
        (r"^due on\b", "due_date"),
        (r"sales tax rate", "line_items[].tax_rate_id"),
        (r"^(quantity|price|item type)\b", "line_items"),
        (r"first name|last name|organisation name", "name"),
        (r"^email\b", "email_address"),
        (r"^(payment|gross value)\b", "status"),
    )
)


def _field(message: str) -> str:
    return next((field for pattern, field in FIELD_PATTERNS if pattern.search(message)), "body")


def _messages(body: Any) -> list[str]:
    if not isinstance(body, dict):
        return []
    errors = body.get("errors")
    if isinstance(errors, list):
        return [str(e.get("message")) for e in errors if isinstance(e, dict) and e.get("message")]
    if isinstance(errors, dict) and isinstance(errors.get("error"), dict):
        return [str(errors["error"].get("message") or "")]
    return []


def classify(response: httpx.Response) -> ProviderError | None:
    """The error ``response`` stands for, or None when it is a success (see the module table)."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    try:
        body = loads(response.content) if response.content.strip() else None
    except ValueError:
        body = None
    messages = _messages(body)
    message = "; ".join(messages) or response.text[:200] or f"HTTP {status}"
    if status == 429:
        retry_after = retry_after_seconds(response)
        return ProviderRateLimited(ProviderDetail(PROVIDER, status=status, code="RateLimited", message=message),
                                   retry_after=DEFAULT_RETRY_AFTER if retry_after is None else retry_after)
    if status in (401, 403):
        return ProviderAuthFailed(ProviderDetail(PROVIDER, status=status, message=message, raw=body))
    if status == 404:
        return ProviderRejected(ProviderDetail(PROVIDER, status=404, code=NOT_FOUND, message=message))
    if status >= 500 or body is None:
        return ProviderUnavailable(ProviderDetail(PROVIDER, status=status, message=message,
                                                  raw=body if body is not None else response.text[:500]))
    fields = [FieldError(_field(m), m) for m in messages] or [FieldError("body", message)]
    return ProviderRejected(ProviderDetail(PROVIDER, status=status, message=message, raw=body, fields=fields))


def is_not_found(error: ProviderError) -> bool:
    return error.detail.status == 404 or error.detail.code == NOT_FOUND


def is_duplicate_reference(error: ProviderError) -> bool:
    return isinstance(error, ProviderRejected) and any(
        f.field == "number" and "taken" in f.message for f in error.detail.fields)
