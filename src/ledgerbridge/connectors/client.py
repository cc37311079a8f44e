"""The base of every provider's HTTP client: request building, budget, retries and error classification.

A provider's client (``connectors/<provider>/client.py``) subclasses :class:`ProviderClient`, sets where calls
go and what every call carries, and adds public methods in its provider's terms (``read``, ``query``,
``put``…). Nothing outside a client builds requests: connectors and declarations call those public methods or
:meth:`ProviderClient.send`.
"""

from __future__ import annotations

from typing import Any

import httpx

from ledgerbridge.connectors.http import Budget, Classifier, ProviderHttp, send
from ledgerbridge.errors import ProviderDetail, ProviderUnavailable
from ledgerbridge.wire import dumps, loads


class ProviderClient:
    """One connection's calls to its provider, on the provider's shared ``httpx.AsyncClient``.

    ``send`` answers the decoded JSON object of a successful response (``{}`` for an empty body) or raises the
    :class:`~ledgerbridge.errors.ProviderError` that ``classify`` made of the failure. A call is retried only
    when ``safe_to_retry``: reads, and writes that carry the provider's idempotency key.
    """

    provider: str
    # Set with ``classify = staticmethod(errors.classify)``: a plain function would become a method.
    classify: Classifier

    def __init__(self, http: ProviderHttp, *, base_url: str, auth: httpx.Auth | None, budget: Budget | None) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = http
        self.auth = auth
        self.budget = budget
        self._client = http.client(self.provider)

    def default_params(self) -> dict[str, str]:
        """Query parameters every call carries (QuickBooks: ``minorversion``)."""
        return {}

    def default_headers(self) -> dict[str, str]:
        """Headers every call carries (Xero: ``xero-tenant-id``)."""
        return {"Accept": "application/json"}

    async def send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        content: bytes | None = None,
        files: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        safe_to_retry: bool,
    ) -> dict[str, Any]:
        all_headers = {**self.default_headers(), **(headers or {})}
        if json_body is not None:
            all_headers["Content-Type"] = "application/json"
            content = dumps(json_body).encode()  # exact Decimal digits: 300.50 stays 300.50
        query = {**(params or {}), **self.default_params()}
        request = self._client.build_request(method, f"{self.base_url}/{path}", params=query or None,
                                             headers=all_headers, content=content, files=files)
        response = await send(self._client, request, provider=self.provider, classify=type(self).classify,
                              budget=self.budget, auth=self.auth, safe_to_retry=safe_to_retry,
                              attempts=self.http.attempts)
        return self.decode(response)

    def decode(self, response: httpx.Response) -> dict[str, Any]:
        if not response.content.strip():
            return {}
        try:
            body = loads(response.content)
        except ValueError:  # looked like JSON to classify(), but is not: the provider's fault, not the caller's
            detail = ProviderDetail(self.provider, status=response.status_code, raw=response.text[:500],
                                    message="answered with a body that is not JSON")
            raise ProviderUnavailable(detail) from None
        return body if isinstance(body, dict) else {}
