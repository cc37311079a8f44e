"""Business Central's error answers: OData ``{"error": {"code", "message"}}`` with the status BC uses.

The v1.0 contract declares no error responses; codes and statuses follow providers.md and Business Central's
documented troubleshooting codes.
"""

from __future__ import annotations

from starlette.responses import Response

from .state import dumps


class BCError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}

    def response(self) -> Response:
        return json_response({"error": {"code": self.code, "message": self.message}}, self.status, self.headers)


def json_response(body: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, headers=headers,
                    media_type="application/json; odata.metadata=minimal; odata.streaming=true")


def not_found(entity: str, ident: str) -> BCError:
    return BCError(404, "BadRequest_NotFound", f"The {entity} with id {ident} does not exist.")


def record_not_found(entity: str, field: str, value: object) -> BCError:
    return BCError(404, "Internal_RecordNotFound",
                   f"The {entity} does not exist. Identification fields and values: {field}='{value}'")


def bad_request(message: str, code: str = "BadRequest") -> BCError:
    return BCError(400, code, message)


def dialog(message: str) -> BCError:
    """A business rule refused the change (posting, deleting a posted document…)."""
    return BCError(400, "Application_DialogException", message)


def entity_changed() -> BCError:
    return BCError(412, "Request_EntityChanged",
                   "Another user has already changed the record. Refresh and try again.")


def missing_etag() -> BCError:
    return BCError(400, "BadRequest",
                   "Could not validate the client concurrency token required by the service. "
                   "Please provide a valid token in the client request.")


def unauthorized(message: str = "The credentials provided are incorrect") -> BCError:
    return BCError(401, "Authentication_InvalidCredentials", message,
                   {"WWW-Authenticate": 'Bearer authorization_uri="https://login.microsoftonline.com/common/'
                                        'oauth2/authorize", error="invalid_token"'})


def render_fault(status: int) -> Response:
    """What an injected fault answers: the OData error Business Central gives for that status."""
    codes = {429: "Application_TooManyRequests", 503: "Application_ServiceUnavailable",
             504: "Application_GatewayTimeout", 408: "Application_RequestTimeout", 401: "Unauthorized"}
    return BCError(status, codes.get(status, "Internal_ServerError"), "Injected fault").response()
