"""The QBO response → error table, fed with recorded QBO faults."""

from __future__ import annotations

import json

import httpx
import pytest

from ledgerbridge.connectors.quickbooks.errors import classify, is_not_found
from ledgerbridge.errors import ProviderAuthFailed, ProviderRateLimited, ProviderRejected, ProviderUnavailable


@pytest.fixture
def fault(recorded_bytes):
    """A recorded QBO fault body as an httpx response with ``status``."""
    return lambda status, name: httpx.Response(status, content=recorded_bytes(f"fault/{name}"))


def fault_json(code: str, message: str, detail: str, element: str) -> bytes:
    error = {"Message": message, "Detail": detail, "code": code, "element": element}
    return json.dumps({"Fault": {"Error": [error], "type": "ValidationFault"}}).encode()


def test_success_is_none():
    assert classify(httpx.Response(200, content=b'{"Invoice":{"Id":"1"}}')) is None


def test_validation_fault_keeps_qbo_message_and_code(fault):
    error = classify(fault(400, "qbo_api-400-duplicate-name-6240.json"))
    assert isinstance(error, ProviderRejected)
    assert error.detail.code == "6240"
    assert "Duplicate Name Exists Error" in error.detail.message
    assert "The name supplied already exists" in error.detail.message
    assert error.status_code == 422 and not error.retryable


def test_element_maps_to_unified_field():
    error = classify(
        httpx.Response(
            400,
            content=fault_json("2020", "Required param missing", "CustomerRef is required", "CustomerRef"),
        )
    )
    assert [(e.field, e.message) for e in error.errors] == [
        ("contact_id", "Required param missing — CustomerRef is required")
    ]


def test_object_not_found_and_stale_object():
    detail = "Object Not Found : Something you're trying to use has been made inactive or is not found."
    body = fault_json("610", "Object Not Found", detail, "")
    missing = classify(httpx.Response(400, content=body))
    assert isinstance(missing, ProviderRejected) and is_not_found(missing)
    stale = classify(httpx.Response(400, content=body.replace(b'"610"', b'"5010"')))
    assert isinstance(stale, ProviderRejected) and stale.detail.code == "5010" and not is_not_found(stale)


def test_401_lower_case_envelope(fault):
    error = classify(fault(401, "qbo_api-401-authentication-failed.json"))
    assert isinstance(error, ProviderAuthFailed)
    assert error.detail.code == "3200" and "AuthenticationFailed" in error.detail.message


def test_403_is_auth_failed():
    assert isinstance(
        classify(httpx.Response(403, content=b'{"fault":{"error":[{"code":"3100"}]}}')), ProviderAuthFailed
    )


@pytest.mark.parametrize("name", ["quickbooks-ruby-throttle-429.xml", "quickbooks-ruby-throttle-403.xml"])
def test_throttle_xml_is_rate_limited_with_default_wait(fault, name):
    status = 429 if "429" in name else 403
    error = classify(fault(status, name))
    assert isinstance(error, ProviderRateLimited) and error.retryable
    assert error.retry_after == 60 and error.detail.code == "3001"


def test_429_honours_retry_after():
    error = classify(
        httpx.Response(429, content=b'{"Fault":{"Error":[{"code":"3001"}]}}', headers={"Retry-After": "7"})
    )
    assert isinstance(error, ProviderRateLimited) and error.retry_after == 7


SYSTEM_FAULT_XML = b"""<IntuitResponse xmlns="http://schema.intuit.com/finance/v3"><Fault type="SystemFault">
<Error code="10000"><Message>An application error has occurred</Message></Error></Fault></IntuitResponse>"""


@pytest.mark.parametrize(
    ("status", "content"),
    [
        (503, b'{"Fault":{"Error":[{"Message":"down","code":"10000"}]}}'),
        (500, SYSTEM_FAULT_XML),
        (502, b"<html>Bad gateway</html>"),
        (200, b"<html>maintenance</html>"),
        (400, b""),
    ],
)
def test_server_errors_and_unparseable_bodies_are_unavailable(status, content):
    error = classify(httpx.Response(status, content=content))
    assert isinstance(error, ProviderUnavailable) and error.retryable
