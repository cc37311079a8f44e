"""What a Xero response means, as one table: HTTP status and body → Ledgerbridge error.

| Xero says                                                         | we raise                                 |
|-------------------------------------------------------------------|------------------------------------------|
| 2xx JSON without errors                                           | nothing (success)                        |
| 2xx whose elements carry ``HasErrors``/``HasValidationErrors``,   | ProviderRejected, every message a field  |
|   ``StatusAttributeString: ERROR`` or ``ValidationErrors``        |   (``summarizeErrors=false`` answers)    |
| 2xx that is not JSON                                              | ProviderUnavailable (retryable)          |
| 400 ``ValidationException``                                       | ProviderRejected: every                  |
|                                                                   |   ``Elements[].ValidationErrors[]`` and  |
|                                                                   |   line-level one becomes a FieldError    |
| 400 other ``Type`` (PostDataInvalid, QueryParse…)                 | ProviderRejected with Xero's Message     |
| 401, 403 (problem details: Title/Detail, or lower-case keys)      | ProviderAuthFailed                       |
| 404 (a bare sentence)                                             | ProviderRejected, status 404: see        |
|                                                                   |   :func:`is_not_found`; fetch → None     |
| 429                                                               | ProviderRateLimited, Retry-After (60 s   |
|                                                                   |   if absent), X-Rate-Limit-Problem named |
| 5xx, or another status with a body that is not JSON               | ProviderUnavailable (retryable)          |

``RefreshingAuth`` has already refreshed and retried once before a 401 reaches this table.
Xero's validation messages name no field, so :data:`FIELD_PATTERNS` guesses the unified field from the message
("Account code '999' is not a valid code" → ``line_items[].account_id``); when a message sits on a line
(``Elements[].LineItems[i].ValidationErrors``) the line index is kept.
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

PROVIDER = "xero"
DEFAULT_RETRY_AFTER = 60.0
NOT_FOUND = "NotFound"
_ERROR_FLAGS = ("HasErrors", "HasValidationErrors")

# (pattern on Xero's message, unified field; "[]" is replaced by the line index when known)
FIELD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), f)
    for p, f in (
        (r"\baccount\b", "line_items[].account_id"),
        (r"\bitem code\b|\bitem\b", "line_items[].item_id"),
        (r"\btax ?type\b|\btax rate\b", "line_items[].tax_rate_id"),
        (r"\btracking\b", "line_items[].tracking_categories"),
        (r"\bquantity\b|\bunitamount\b|\bunit amount\b|\bline ?amount\b|\bline total\b", "line_items[].total_amount"),
        (r"\bline items?\b|\blineitems\b", "line_items"),
        (r"\bcontact\b", "contact_id"),
        (r"invoice #|\binvoice ?number\b", "number"),
        (r"\bdue ?date\b", "due_date"),
        (r"\bdate\b", "issue_date"),
        (r"\bcurrency rate\b|\bexchange rate\b", "exchange_rate"),
        (r"\bcurrency\b", "currency"),
        (r"\breference\b", "memo"),
        (r"\bstatus\b|\bpayments?\b", "status"),
        (r"\bemail\b", "email_address"),
        (r"\btax ?number\b", "tax_number"),
        (r"\bname\b", "name"),
    )
)


def field_for(message: str, line: int | None = None) -> str:
    for pattern, field in FIELD_PATTERNS:
        if pattern.search(message):
            if line is not None:
                return field.replace("line_items[]", f"line_items[{line}]") if "[]" in field else (
                    f"line_items[{line}]" if field == "line_items" else field)
            return field.replace("[]", "")
    return f"line_items[{line}]" if line is not None else "body"


def _messages(entries: Any) -> list[str]:
    return [str(e.get("Message")) for e in entries or [] if isinstance(e, dict) and e.get("Message")]


def element_errors(element: dict[str, Any]) -> list[FieldError]:
    """Every validation message of one echoed element, its lines' included, as field errors."""
    errors = [FieldError(field_for(m), m) for m in _messages(element.get("ValidationErrors"))]
    for key in ("LineItems", "JournalLines"):
        for index, line in enumerate(element.get(key) or []):
            if isinstance(line, dict):
                errors.extend(FieldError(field_for(m, index), m) for m in _messages(line.get("ValidationErrors")))
    return errors


def _failed_elements(body: dict[str, Any]) -> list[dict[str, Any]]:
    """Elements of a 2xx answer that carry errors (``summarizeErrors=false``, or a Xero that hides them)."""
    found = []
    for value in body.values():
        if not isinstance(value, list):
            continue
        for element in value:
            if not isinstance(element, dict):
                continue
            flagged = any(element.get(flag) is True for flag in _ERROR_FLAGS)
            if flagged or element.get("StatusAttributeString") == "ERROR" or element_errors(element):
                found.append(element)
    return found


def _has_request(response: httpx.Response) -> bool:
    try:
        _ = response.request  # the property raises rather than returning None
    except RuntimeError:  # a Response built by hand (tests) has no request
        return False
    return True


def _json(response: httpx.Response) -> Any:
    try:
        return loads(response.content)
    except ValueError:
        return None


def _problem_message(body: Any) -> str:
    if not isinstance(body, dict):
        return ""
    lowered = {str(k).lower(): v for k, v in body.items()}
    parts = [lowered.get("title"), lowered.get("detail")]
    return " — ".join(str(p) for p in parts if p) or str(lowered.get("message") or "")


def _rejection(status: int, body: Any, elements: list[dict[str, Any]], request_id: str | None) -> ProviderRejected:
    fields = [e for element in elements for e in element_errors(element)] or [
        FieldError("body", "Xero flagged the record as invalid without a message")
    ]
    message = "; ".join(dict.fromkeys(f.message for f in fields))
    code = str(body.get("Type") or "ValidationException") if isinstance(body, dict) else "ValidationException"
    return ProviderRejected(ProviderDetail(PROVIDER, status=status, message=message, code=code,
                                           request_id=request_id, raw=body, fields=fields))


def classify(response: httpx.Response) -> ProviderError | None:
    """The error ``response`` stands for, or None when it is a success (see the module table)."""
    status = response.status_code
    request_id = response.headers.get("Xero-Correlation-Id")
    body = _json(response)

    if 200 <= status < 300:
        if body is None:
            if status == 204 or not response.content.strip():
                return None
            return ProviderUnavailable(ProviderDetail(PROVIDER, status=status, message="answered with a body that "
                                                      "is not JSON", request_id=request_id, raw=response.text[:500]))
        # Only a write can be refused inside a 200 (summarizeErrors=false); a read of a record Xero once
        # flagged must still succeed.
        writing = response.request.method in ("PUT", "POST") if _has_request(response) else True
        failed = _failed_elements(body) if writing and isinstance(body, dict) else []
        return _rejection(status, body, failed, request_id) if failed else None

    if status == 429:
        problem = response.headers.get("X-Rate-Limit-Problem") or "unknown"
        retry_after = retry_after_seconds(response)
        detail = ProviderDetail(PROVIDER, status=status, code="RateLimited", request_id=request_id,
                                message=f"rate limit exceeded (X-Rate-Limit-Problem: {problem})")
        return ProviderRateLimited(detail, retry_after=DEFAULT_RETRY_AFTER if retry_after is None else retry_after)
    if status in (401, 403):
        message = _problem_message(body) or response.text[:200] or f"HTTP {status}"
        return ProviderAuthFailed(ProviderDetail(PROVIDER, status=status, message=message, request_id=request_id,
                                                 raw=body))
    if status == 404:
        return ProviderRejected(ProviderDetail(PROVIDER, status=404, code=NOT_FOUND, request_id=request_id,
                                               message=response.text[:200] or "not found"))
    if status >= 500 or not isinstance(body, dict):
        message = _problem_message(body) or response.text[:200] or f"HTTP {status}"
        return ProviderUnavailable(ProviderDetail(PROVIDER, status=status, message=message, request_id=request_id,
                                                  raw=body if body is not None else response.text[:500]))
    if body.get("Type") == "ValidationException" or body.get("Elements"):
        return _rejection(status, body, [e for e in body.get("Elements") or [] if isinstance(e, dict)], request_id)
    message = str(body.get("Message") or body.get("Detail") or f"HTTP {status}")
    return ProviderRejected(ProviderDetail(PROVIDER, status=status, message=message, code=body.get("Type"),
                                           request_id=request_id, raw=body, fields=[FieldError("body", message)]))


def is_not_found(error: ProviderError) -> bool:
    return error.detail.status == 404 or error.detail.code == NOT_FOUND
