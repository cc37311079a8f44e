"""What a Tryton answer means, as Ledgerbridge errors.

| Tryton says                                              | we raise                               |
|----------------------------------------------------------|----------------------------------------|
| 200 with ``{"result": …}``                               | nothing (success)                      |
| 200 with ``{"error": ["UserError", [message, desc, …]]}``| ProviderRejected (code UserError)      |
| 200 with ``{"error": ["UserWarning", [name, msg, …]]}``  | TrytonWarning (confirm it by ``name``) |
| 200 with ``{"error": ["ConcurrencyException", …]}``      | ProviderRejected                       |
| 200 with any other ``error`` (a server exception)        | ProviderUnavailable, no traceback      |
| 200 with a body that is not JSON                         | ProviderUnavailable                    |
| 401 (session or password refused), 404 (no database)     | ProviderAuthFailed                     |
| 429 (too many login attempts)                            | ProviderRateLimited, 60 s              |
| 403, other 4xx                                           | ProviderRejected                       |
| 5xx                                                      | ProviderUnavailable (retryable)        |
"""

from __future__ import annotations

from typing import Any

import httpx

from ledgerbridge.connectors.tryton.codec import loads
from ledgerbridge.errors import (
    ProviderAuthFailed,
    ProviderDetail,
    ProviderError,
    ProviderRateLimited,
    ProviderRejected,
    ProviderUnavailable,
)

PROVIDER = "tryton"


class TrytonWarning(ProviderRejected):
    """A ``UserWarning``: Tryton asks to confirm (e.g. a due date in the past). ``name`` is the key to skip it."""

    def __init__(self, detail: ProviderDetail, name: str) -> None:
        super().__init__(detail)
        self.name = name


def rpc_error(error: Any, status: int | None = None) -> ProviderError:
    """The Ledgerbridge error for a JSON-RPC ``error`` member."""
    kind, detail = (error[0], error[1]) if isinstance(error, list | tuple) and len(error) == 2 else (error, None)
    if kind == "UserError" and isinstance(detail, list | tuple):
        message = " ".join(str(part) for part in detail[:2] if part)
        return ProviderRejected(ProviderDetail(PROVIDER, status, message=message, code="UserError", raw=error))
    if kind == "UserWarning" and isinstance(detail, list | tuple):
        message = " ".join(str(part) for part in detail[1:3] if part)
        return TrytonWarning(ProviderDetail(PROVIDER, status, message=message, code="UserWarning", raw=error),
                             str(detail[0]))
    if kind == "ConcurrencyException":
        return ProviderRejected(ProviderDetail(PROVIDER, status, message=str(detail), code=kind, raw=error))
    # An unexpected server exception: [str(exception), traceback]. Keep the message, drop the traceback.
    return ProviderUnavailable(ProviderDetail(PROVIDER, status, message=str(kind), code="ServerError"))


def classify(response: httpx.Response) -> ProviderError | None:
    status = response.status_code
    if status == 401:
        return ProviderAuthFailed(ProviderDetail(PROVIDER, status, message="session or credentials refused"))
    if status == 429:
        return ProviderRateLimited(ProviderDetail(PROVIDER, status, message="too many login attempts"),
                                   retry_after=60)
    if status == 403:
        return ProviderRejected(ProviderDetail(PROVIDER, status, message="access denied to this method"))
    if status == 404:
        return ProviderAuthFailed(ProviderDetail(PROVIDER, status, message="no such database"))
    if status >= 500:
        return ProviderUnavailable(ProviderDetail(PROVIDER, status, message=response.text[:500]))
    if status >= 400:
        return ProviderRejected(ProviderDetail(PROVIDER, status, message=response.text[:500]))
    try:
        body = loads(response.content)
    except ValueError:
        return ProviderUnavailable(ProviderDetail(PROVIDER, status, message="the reply is not JSON"))
    if isinstance(body, dict) and body.get("error") is not None:
        return rpc_error(body["error"], status)
    return None
