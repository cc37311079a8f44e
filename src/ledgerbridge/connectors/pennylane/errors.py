"""What a Pennylane answer means, as one table: HTTP status and body → Ledgerbridge error.

| Pennylane says                                              | we raise                                         |
|-------------------------------------------------------------|--------------------------------------------------|
| 2xx                                                         | nothing (success)                                |
| 400 ``{"message", "code"[, "field"]}`` (the body broke the  | ProviderRejected with Pennylane's message; the   |
|   contract) or ``{"error", "status"}``                      |   field it names, when it names one              |
| 401, 403 ``{"error", "status"}``                            | ProviderAuthFailed                               |
| 404 ``{"error": "Not Found"}``                              | ProviderRejected, status 404 (fetch → None)      |
| 422 ``{"error", "status"}`` (a business rule)               | ProviderRejected with Pennylane's message        |
| 429 with ``retry-after``                                    | ProviderRateLimited                              |
| 5xx, or a body that is not JSON                             | ProviderUnavailable (retryable)                  |

``RefreshingAuth`` has already refreshed and retried once before a 401 reaches this table.
"""

from __future__ import annotations

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

PROVIDER = "pennylane"
DEFAULT_RETRY_AFTER = 5.0  # the rate limit's window

#: Pennylane's field names → the unified field they stand for on an invoice or a contact
FIELDS = {"customer_id": "contact_id", "supplier_id": "contact_id", "date": "issue_date", "deadline": "due_date",
          "invoice_lines": "line_items", "label": "name", "name": "name", "emails": "email_address",
          "vat_number": "tax_number", "currency": "currency", "pdf_description": "memo"}


def _body(response: httpx.Response) -> dict[str, Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def is_not_found(error: ProviderError) -> bool:
    return error.detail.status == 404


def classify(response: httpx.Response) -> ProviderError | None:
    status = response.status_code
    if status < 300:
        return None
    body = _body(response)
    message = str((body or {}).get("error") or (body or {}).get("message") or response.reason_phrase)
    detail = ProviderDetail(PROVIDER, status=status, message=message, code=(body or {}).get("code"),
                            raw=body if body is not None else response.text[:500])
    if status == 429:
        return ProviderRateLimited(detail, retry_after=retry_after_seconds(response) or DEFAULT_RETRY_AFTER)
    if status >= 500 or body is None:
        return ProviderUnavailable(detail)
    if status in (401, 403):
        return ProviderAuthFailed(detail)
    field = (body or {}).get("field")
    if isinstance(field, str) and field:
        name = field.split(".")[0]
        detail.fields.append(FieldError(FIELDS.get(name, name), message))
    return ProviderRejected(detail)
