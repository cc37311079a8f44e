"""The classification table of connectors/xero/errors.py, on recorded and Xero-shaped bodies."""

from __future__ import annotations

from pathlib import Path

import httpx
import simplejson

from ledgerbridge.connectors.xero.errors import classify, is_not_found
from ledgerbridge.errors import ProviderAuthFailed, ProviderRateLimited, ProviderRejected, ProviderUnavailable

RECORDED = Path("/work/shared/reference/recorded/xero/error")
URL = "http://xero/api.xro/2.0/Invoices"


def response(status: int, body: object = None, *, method: str = "PUT", headers: dict[str, str] | None = None,
             text: str | None = None) -> httpx.Response:
    content = text.encode() if text is not None else simplejson.dumps(body).encode() if body is not None else b""
    return httpx.Response(status, content=content, headers=headers, request=httpx.Request(method, URL))


def test_validation_exception_surfaces_every_message_by_field() -> None:
    body = {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
            "Elements": [{"ValidationErrors": [
                {"Message": "Account code '999' is not a valid code for this document."},
                {"Message": "The Contact must contain at least 1 of the following elements to identify the contact: "
                            "Name, ContactID, ContactNumber"}],
                "LineItems": [{}, {"ValidationErrors": [{"Message": "Item code 'NOPE' is not valid"}]}]}]}
    error = classify(response(400, body))
    assert isinstance(error, ProviderRejected) and error.detail.code == "ValidationException"
    assert [(e.field, e.message[:20]) for e in error.errors] == [
        ("line_items.account_id", "Account code '999' i"), ("contact_id", "The Contact must con"),
        ("line_items[1].item_id", "Item code 'NOPE' is ")]
    assert "Account code '999'" in error.message


def test_a_200_with_errors_inside_is_a_rejection_on_writes_only() -> None:
    body = {"Invoices": [{"HasErrors": True, "StatusAttributeString": "ERROR",
                          "ValidationErrors": [{"Message": "The TaxType code 'X' does not exist"}]}]}
    error = classify(response(200, body))
    assert isinstance(error, ProviderRejected) and error.errors[0].field == "line_items.tax_rate_id"
    assert classify(response(200, body, method="GET")) is None
    ok = {"Invoices": [{"HasErrors": False, "LineItems": [{"ValidationErrors": []}]}]}
    assert classify(response(200, ok)) is None


def test_auth_rate_limit_not_found_and_outages() -> None:
    expired = classify(response(401, text=(RECORDED / "xeroizer-401-token-expired.json").read_text()))
    assert isinstance(expired, ProviderAuthFailed) and "TokenExpired" in expired.message
    tenant = classify(response(403, text=(RECORDED / "xeroizer-403-invalid-tenant.json").read_text()))
    assert isinstance(tenant, ProviderAuthFailed)
    limited = classify(response(429, headers={"Retry-After": "7", "X-Rate-Limit-Problem": "minute"}))
    assert isinstance(limited, ProviderRateLimited) and limited.retry_after == 7 and "minute" in limited.message
    assert classify(response(429)).retry_after == 60
    missing = classify(response(404, text="The resource you're looking for cannot be found", method="GET"))
    assert isinstance(missing, ProviderRejected) and is_not_found(missing)
    assert isinstance(classify(response(503, {"Title": "Service Unavailable"})), ProviderUnavailable)
    assert isinstance(classify(response(200, text="<html>proxy</html>", method="GET")), ProviderUnavailable)
    other = classify(response(400, {"ErrorNumber": 17, "Type": "PostDataInvalidException", "Message": "Invalid Json"}))
    assert isinstance(other, ProviderRejected) and other.detail.code == "PostDataInvalidException"
