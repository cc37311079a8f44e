"""What a QBO response means, as one table: HTTP status and fault ``code`` → Ledgerbridge error.

| QBO says                                                   | we raise                          |
|------------------------------------------------------------|-----------------------------------|
| 2xx with a JSON body                                       | nothing (success)                 |
| 2xx with a body that is not JSON                           | ProviderUnavailable (retryable)   |
| 429, or fault code 3001 ThrottleExceeded (once sent as 403)| ProviderRateLimited, Retry-After  |
|   — JSON or XML body alike; no Retry-After means 60 s      |                                   |
| 401 (lower-case ``fault`` envelope), 403                   | ProviderAuthFailed                |
| 5xx, or a non-JSON error body                              | ProviderUnavailable (retryable)   |
| other 4xx with ``Fault`` (ValidationFault, 610, 5010, …)   | ProviderRejected, QBO's code kept |

``RefreshingAuth`` has already refreshed and retried once before a 401 reaches this table, so a 401 here means
the connection's grant is gone. A 610 (object not found) is a ProviderRejected too: ``fetch`` turns it
into None. A 5010 (Stale Object Error: the SyncToken sent is not the entity's current one) is a ProviderRejected
the writes that sent a caller's version turn into a 412 (:func:`is_stale`).

The upload answers a refused file inside a 200 (``AttachableResponse[].Fault``): :func:`upload_fault`.
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

PROVIDER = "quickbooks"
NOT_FOUND_CODES = frozenset({"610"})
STALE_CODE = "5010"
THROTTLE_CODES = frozenset({"3001"})
DEFAULT_RETRY_AFTER = 60.0  # Intuit: "wait 60 seconds" after a 429

# QBO ``element`` → unified field, for the fields Ledgerbridge sends. QBO names lines "Line" or "Line.Amount".
ELEMENT_FIELDS: dict[str, str] = {
    "CustomerRef": "contact_id",
    "VendorRef": "contact_id",
    "DocNumber": "number",
    "TxnDate": "issue_date",
    "DueDate": "due_date",
    "PrivateNote": "memo",
    "CurrencyRef": "currency",
    "ExchangeRate": "exchange_rate",
    "ClassRef": "tracking_categories",
    "DepartmentRef": "tracking_categories",
    "Line": "line_items",
    "Line.Amount": "line_items.total_amount",
    "Line.Description": "line_items.description",
    "ItemRef": "line_items.item_id",
    "AccountRef": "line_items.account_id",
    "TaxCodeRef": "line_items.tax_rate_id",
    "Qty": "line_items.quantity",
    "UnitPrice": "line_items.unit_price",
    "DisplayName": "name",
    "PrimaryEmailAddr": "email_address",
    "PrimaryTaxIdentifier": "tax_number",
    "TaxIdentifier": "tax_number",
    "Active": "status",
}


def _json(response: httpx.Response) -> Any:
    try:
        return loads(response.content)
    except ValueError:
        return None


def _first_error(body: Any) -> dict[str, Any]:
    """The first error of either envelope: ``Fault.Error[]`` (400s) or ``fault.error[]`` (401/403)."""
    if not isinstance(body, dict):
        return {}
    fault = body.get("Fault") or body.get("fault") or {}
    errors = fault.get("Error") or fault.get("error") or []
    first = errors[0] if errors else {}
    # Normalise the lower-case 401 envelope to QBO's usual keys.
    return {k[:1].upper() + k[1:]: v for k, v in first.items()} if isinstance(first, dict) else {}


_XML_CODE = re.compile(rb'<Error[^>]*\bcode="(\d+)"')
_XML_MESSAGE = re.compile(rb"<Message>(.*?)</Message>", re.S)


def _xml_fault(content: bytes) -> tuple[str | None, str]:
    code = _XML_CODE.search(content)
    message = _XML_MESSAGE.search(content)
    return (
        code.group(1).decode() if code else None,
        message.group(1).decode(errors="replace").strip() if message else "",
    )


def _fields(element: Any, message: str) -> list[FieldError]:
    if not element:
        return []
    name = str(element)
    field = ELEMENT_FIELDS.get(name) or ELEMENT_FIELDS.get(name.split(".")[-1]) or name
    return [FieldError(field, message)]


def classify(response: httpx.Response) -> ProviderError | None:
    """The error ``response`` stands for, or None when it is a success (see the module table)."""
    status = response.status_code
    request_id = response.headers.get("intuit_tid")
    if 200 <= status < 300:
        # Only a glance: the client parses a success body once, where it reads it (a sync page is ~1 MB of JSON).
        if response.content.lstrip()[:1] != b"{":
            return ProviderUnavailable(
                ProviderDetail(
                    PROVIDER,
                    status=status,
                    message="answered with a body that is not JSON",
                    request_id=request_id,
                    raw=response.text[:500],
                )
            )
        return None

    body = _json(response)
    element: Any = None
    if body is None:  # XML (429 ThrottleExceeded does this), HTML from a proxy, or nothing
        code, message = _xml_fault(response.content)
    else:
        first = _first_error(body)
        code = str(first["Code"]) if first.get("Code") not in (None, "") else None
        message = " — ".join(str(p) for p in (first.get("Message"), first.get("Detail")) if p)
        element = first.get("Element")
    detail = ProviderDetail(
        PROVIDER,
        status=status,
        message=message or f"HTTP {status}",
        code=code,
        request_id=request_id,
        raw=body if body is not None else response.text[:500],
    )

    if status == 429 or code in THROTTLE_CODES:
        retry_after = retry_after_seconds(response)
        return ProviderRateLimited(
            detail, retry_after=DEFAULT_RETRY_AFTER if retry_after is None else retry_after
        )
    if status in (401, 403):
        return ProviderAuthFailed(detail)
    if status >= 500 or body is None:
        return ProviderUnavailable(detail)
    detail.fields = _fields(element, message or f"HTTP {status}")
    return ProviderRejected(detail)


def is_not_found(error: ProviderError) -> bool:
    return error.detail.status == 404 or error.detail.code in NOT_FOUND_CODES


def is_stale(error: ProviderError) -> bool:
    return error.detail.code == STALE_CODE


def upload_fault(answer: dict[str, Any]) -> ProviderError:
    """What an upload answer without an Attachable means: QBO's per-file Fault as a refusal, else an outage."""
    errors = ((answer.get("Fault") or {}).get("Error")) or []
    first = errors[0] if errors and isinstance(errors[0], dict) else {}
    if not first:
        return ProviderUnavailable(ProviderDetail(PROVIDER, status=200, message="upload answered no Attachable",
                                                  raw=answer))
    message = " — ".join(str(p) for p in (first.get("Message"), first.get("Detail")) if p)
    return ProviderRejected(ProviderDetail(PROVIDER, status=400, message=message or "upload refused",
                                           code=str(first.get("code") or first.get("Code") or "") or None, raw=answer))
