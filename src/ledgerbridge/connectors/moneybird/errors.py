"""What a Moneybird response means: HTTP status and body → Ledgerbridge error.

| Moneybird says                                                      | we raise                                  |
|---------------------------------------------------------------------|-------------------------------------------|
| 2xx                                                                 | nothing (success)                         |
| 400/402/422 ``{"error": "…", "symbolic": {field: code}}``           | ProviderRejected, a FieldError per field  |
| 422 ``{"error": {field: [messages]}, "details": …}``                | ProviderRejected, a FieldError per message|
| 401, 403                                                            | ProviderAuthFailed                        |
| 404                                                                 | ProviderRejected, status 404 (fetch→None) |
| 429 ``"Retry later"``; ``Retry-After`` is an instant (epoch s)      | ProviderRateLimited, seconds until then   |
| 5xx, or a body that is not JSON                                     | ProviderUnavailable (retryable)           |

Moneybird names its own fields (``details_attributes.0.tax_rate_id``, ``contact_id``, ``reference``); they are
turned into the unified field they came from where the mapping is fixed (:data:`FIELDS`), else kept as said.
"""

from __future__ import annotations

import re
import time
from typing import Any

import httpx

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

PROVIDER = "moneybird"
DEFAULT_RETRY_AFTER = 60.0
EPOCH_THRESHOLD = 1_000_000_000  # a Retry-After this large is an instant, as Moneybird's OpenAPI describes it

# Moneybird attribute → unified field (lines keep their index)
FIELDS = {
    "contact_id": "contact_id", "invoice_date": "issue_date", "due_date": "due_date", "date": "issue_date",
    "currency": "currency", "discount": "total_discount", "price": "unit_price", "amount": "quantity",
    "tax_rate_id": "tax_rate_id", "ledger_account_id": "account_id", "product_id": "item_id",
    "description": "description", "company_name": "name", "firstname": "name", "lastname": "name",
    "send_invoices_to_email": "email_address", "tax_number": "tax_number", "name": "name",
    "account_type": "classification", "account_id": "account_number", "payment_date": "transaction_date",
    "state": "status",
}
_LINE = re.compile(r"^(details_attributes|details|general_journal_document_entries(?:_attributes)?)\.(\d+)\.(\w+)$")


def unified_field(name: str) -> str:
    line = _LINE.match(name)
    if line:
        return f"line_items[{line.group(2)}].{FIELDS.get(line.group(3), line.group(3))}"
    return FIELDS.get(name, name)


def _json(response: httpx.Response) -> Any:
    try:
        return loads(response.content)
    except ValueError:
        return None


def _fields(body: Any) -> tuple[str, list[FieldError]]:
    if not isinstance(body, dict):
        return str(body or ""), []
    error = body.get("error")
    if isinstance(error, dict):  # a record's validation: {field: [messages]}
        fields = [FieldError(unified_field(str(k)), f"{k} {m}") for k, msgs in error.items()
                  for m in (msgs if isinstance(msgs, list) else [msgs])]
        return "; ".join(f.message for f in fields), fields
    message = str(error or "")
    symbolic = body.get("symbolic")
    if not isinstance(symbolic, dict):
        symbolic = {}
    return message, [FieldError(unified_field(str(k)), f"{message} ({k}: {v})") for k, v in symbolic.items()]


def retry_after(response: httpx.Response) -> float:
    value = response.headers.get("Retry-After") or response.headers.get("RateLimit-Reset")
    try:
        seconds = float(value) if value is not None else DEFAULT_RETRY_AFTER
    except ValueError:
        return DEFAULT_RETRY_AFTER
    return max(1.0, seconds - time.time()) if seconds > EPOCH_THRESHOLD else max(0.0, seconds)


def classify(response: httpx.Response) -> ProviderError | None:
    status = response.status_code
    if 200 <= status < 300:
        return None
    body = _json(response)
    if status == 429:
        detail = ProviderDetail(PROVIDER, status=429, code="rate_limited", raw=body,
                                message=f"rate limit exceeded ({body if isinstance(body, str) else 'Retry later'})")
        return ProviderRateLimited(detail, retry_after=retry_after(response))
    message, fields = _fields(body)
    if status in (401, 403):
        return ProviderAuthFailed(ProviderDetail(PROVIDER, status=status, message=message or f"HTTP {status}",
                                                 raw=body))
    if status == 404:
        return ProviderRejected(ProviderDetail(PROVIDER, status=404, code="not_found", raw=body,
                                               message=message or "record not found"))
    if status >= 500 or body is None:
        return ProviderUnavailable(ProviderDetail(PROVIDER, status=status, message=message or f"HTTP {status}",
                                                  raw=body if body is not None else response.text[:500]))
    return ProviderRejected(ProviderDetail(PROVIDER, status=status, message=message or f"HTTP {status}", raw=body,
                                           fields=fields or [FieldError("body", message or f"HTTP {status}")]))


def is_not_found(error: ProviderError) -> bool:
    return error.detail.status == 404
