"""What a Sage response means, as one table: HTTP status and body → Ledgerbridge error.

| Sage says                                                    | we raise                                          |
|--------------------------------------------------------------|---------------------------------------------------|
| 2xx                                                          | nothing (success)                                 |
| 401, 403 (``[{"$dataCode": "AuthenticationFailed"…}]``)      | ProviderAuthFailed                                |
| 404 ``RecordNotFound``                                       | ProviderRejected 404 (a fetch answers None)       |
| 429 (Sage publishes no limit; generic, ``Retry-After``)      | ProviderRateLimited                               |
| 400/409/422: array of ``{$severity,$dataCode,$message,$source}`` | ProviderRejected; each ``$source`` a FieldError |
| 5xx, or a body that is not Sage's                            | ProviderUnavailable (retryable)                   |

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

PROVIDER = "sage"
DEFAULT_RETRY_AFTER = 60.0
NOT_FOUND = "RecordNotFound"

# Sage's attribute (its ``$source``) → our field; a line's attribute keeps its index
SOURCES = {
    "contact_id": "contact_id", "date": "issue_date", "due_date": "due_date", "invoice_number": "number",
    "vendor_reference": "number", "reference": "memo", "notes": "memo", "status_id": "status",
    "void_reason": "status", "currency_id": "currency", "exchange_rate": "exchange_rate",
    "invoice_lines": "line_items", "credit_note_lines": "line_items", "journal_lines": "line_items",
    "name": "name", "email": "email_address", "tax_number": "tax_number", "nominal_code": "account_number",
    "ledger_account_type_id": "classification", "display_name": "name", "contact_type_ids": "is_customer",
    "total_amount": "total_amount", "bank_account_id": "account_id", "transaction_type_id": "type",
}
LINE_SOURCES = {"ledger_account_id": "account_id", "tax_rate_id": "tax_rate_id", "product_id": "item_id",
                "unit_price": "unit_price", "quantity": "quantity", "description": "description",
                "tax_amount": "total_amount", "debit": "debit", "credit": "credit"}
_LINE = re.compile(r"^(?:invoice_lines|credit_note_lines|journal_lines)[.\[](\d+)\]?\.?(\w*)$")


def field_for(source: str) -> str:
    """Our name for the attribute Sage named: ``invoice_lines.2.ledger_account_id`` → ``line_items[2].account_id``."""
    line = _LINE.match(source or "")
    if line:
        index, attribute = line.groups()
        inner = LINE_SOURCES.get(attribute)
        return f"line_items[{index}]" + (f".{inner}" if inner else "")
    return SOURCES.get(source or "", "body")


def _entries(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict):
        body = [body]
    return [e for e in body or [] if isinstance(e, dict)] if isinstance(body, list) else []


def _message(entries: list[dict[str, Any]], fallback: str) -> str:
    return "; ".join(dict.fromkeys(str(e.get("$message") or "") for e in entries if e.get("$message"))) or fallback


def classify(response: httpx.Response) -> ProviderError | None:
    status = response.status_code
    if 200 <= status < 300:
        return None
    try:
        body = loads(response.content) if response.content.strip() else None
    except ValueError:
        body = None
    entries = _entries(body)
    code = str(entries[0].get("$dataCode")) if entries else None
    if status == 429:
        retry_after = retry_after_seconds(response)
        return ProviderRateLimited(ProviderDetail(PROVIDER, status=429, code=code or "TooManyRequests",
                                                  message=_message(entries, "rate limit exceeded")),
                                   retry_after=DEFAULT_RETRY_AFTER if retry_after is None else retry_after)
    if status in (401, 403):
        return ProviderAuthFailed(ProviderDetail(PROVIDER, status=status, code=code, raw=body,
                                                 message=_message(entries, f"HTTP {status}")))
    if status == 404:
        return ProviderRejected(ProviderDetail(PROVIDER, status=404, code=NOT_FOUND,
                                               message=_message(entries, "not found")))
    if status >= 500 or not entries:
        return ProviderUnavailable(ProviderDetail(PROVIDER, status=status, message=_message(entries, f"HTTP {status}"),
                                                  raw=body if body is not None else response.text[:500]))
    fields = [FieldError(field_for(str(e.get("$source") or "")), str(e.get("$message") or "invalid"))
              for e in entries]
    return ProviderRejected(ProviderDetail(PROVIDER, status=status, code=code, raw=body,
                                           message=_message(entries, f"HTTP {status}"), fields=fields))


def is_not_found(error: ProviderError) -> bool:
    return error.detail.status == 404 or error.detail.code == NOT_FOUND
