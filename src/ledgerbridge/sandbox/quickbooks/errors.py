"""QBO fault bodies.

Two envelopes exist on the wire: the usual ``{"Fault":{"Error":[...],"type":...},"time":...}`` for
validation/system faults, and an all-lower-case one for 401s (``time`` as epoch ms). SDKs branch on
``Fault.Error[].code`` (python-quickbooks maps 610 → ObjectNotFound, 2000-4999 → Validation), so codes
and envelopes must be exact.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.responses import Response

from .wire import dumps, envelope_time


class QBOFault(Exception):
    """Raised anywhere in request handling; rendered as a Fault body. Raising before any write keeps
    the 'a fault writes nothing' guarantee simple."""

    def __init__(self, code: str, message: str, detail: str, element: str | None = None, *,
                 fault_type: str = "ValidationFault", status: int = 400) -> None:
        super().__init__(f"{code} {message}: {detail}")
        self.code = code
        self.message = message
        self.detail = detail
        self.element = element
        self.fault_type = fault_type
        self.status = status

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"Message": self.message, "Detail": self.detail, "code": self.code}
        if self.element is not None:
            error["element"] = self.element
        return {"Fault": {"Error": [error], "type": self.fault_type}, "time": envelope_time(time.time())}


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, media_type="application/json", headers=headers)


def fault_response(fault: QBOFault, headers: dict[str, str] | None = None) -> Response:
    return json_response(fault.body(), fault.status, headers)


# --- constructors for the faults the sandbox raises, so messages stay identical everywhere ---

def required(element: str, entity: str = "") -> QBOFault:
    return QBOFault("2020", "Required param missing, need to supply the required value for the API",
                    f"Required parameter {element} is missing in the request", element)


def invalid_ref(element: str, value: str, entity: str) -> QBOFault:
    return QBOFault("2500", "Invalid Reference Id",
                    f"Invalid Reference Id : {entity} assigned to this transaction does not exist "
                    f"or has been made inactive: {value}", element)


def not_found(entity: str, entity_id: str) -> QBOFault:
    return QBOFault("610", "Object Not Found",
                    f"Object Not Found : Something you're trying to use has been made inactive. "
                    f"Check the fields with accounts, customers, items, vendors or employees. ({entity} {entity_id})",
                    "")


def stale(entity: str, entity_id: str, token: str) -> QBOFault:
    return QBOFault("5010", "Stale Object Error",
                    f"Stale Object Error : You and root were working on this at the same time. "
                    f"root finished before you did, so your work was not saved. "
                    f"({entity} {entity_id}, SyncToken {token})",
                    "")


def business(detail: str, element: str = "") -> QBOFault:
    return QBOFault("6000", "A business validation error has occurred while processing your request",
                    f"Business Validation Error: {detail}", element)


def unsupported_property(entity: str, prop: str) -> QBOFault:
    return QBOFault("2010", "Request has invalid or unsupported property",
                    f"Property Name:Unrecognized field \"{prop}\" (class com.intuit.schema.finance.v3.{entity}), "
                    f"not marked as ignorable", prop)


def unsupported_operation(path: str) -> QBOFault:
    return QBOFault("500", "Unsupported Operation",
                    f"Operation Could not find resource for relative : {path} is not supported.")


def query_parse(detail: str) -> QBOFault:
    return QBOFault("4000", "Error parsing query", f"QueryParserError: {detail}")


def query_invalid(detail: str) -> QBOFault:
    return QBOFault("4001", "Invalid query", f"QueryValidationError: {detail}")


def throttle() -> QBOFault:
    return QBOFault("3001", "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                    "The request limit was reached.  Try again later", fault_type="ThrottleExceeded", status=429)


def system_fault(status: int = 500) -> QBOFault:
    return QBOFault("10000", "An application error has occurred while processing your request",
                    "System Failure Error: An unexpected error occurred while accessing or saving your data. "
                    "Please wait a few minutes and try again.", fault_type="SystemFault", status=status)


def unavailable() -> QBOFault:
    return QBOFault("10000", "Service unavailable",
                    "The service is temporarily unavailable. Please wait a few minutes and try again.",
                    fault_type="SystemFault", status=503)


def auth_failed_response(detail: str, status: int = 401) -> Response:
    """The 401 envelope: lower-case keys, explicit nulls, epoch-ms ``time`` (recorded/qbo/fault/…401…)."""
    code = "3200" if status == 401 else "3100"
    kind = "AuthenticationFailed" if status == 401 else "AuthorizationFailed"
    body: dict[str, Any] = {
        "warnings": None, "intuitObject": None,
        "fault": {"error": [{"message": f"message={kind}; errorCode=00{code}; statusCode={status}",
                             "detail": detail, "code": code, "element": None}],
                  "type": "AUTHENTICATION" if status == 401 else "AUTHORIZATION"},
        "report": None, "queryResponse": None, "batchItemResponse": [], "attachableResponse": [],
        "syncErrorResponse": None, "requestId": None, "time": int(time.time() * 1000), "status": None,
        "cdcresponse": [],
    }
    return json_response(body, status, {"WWW-Authenticate": 'Bearer realm="Intuit", error="invalid_token"'})


def render_injected(status: int) -> Response:
    """Renderer for FaultInjectionMiddleware: injected statuses look like the real provider's."""
    if status == 429:
        return fault_response(throttle())
    if status == 503:
        return fault_response(unavailable())
    if status == 401 or status == 403:
        return auth_failed_response("Injected authentication fault", status)
    if status >= 500:
        return fault_response(system_fault(status))
    return fault_response(QBOFault(str(status), "Injected fault", f"Injected HTTP {status}", status=status))
