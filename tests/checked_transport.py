"""A transport that holds every exchange with a sandbox to the provider's official contract.

A harness wraps its sandbox's transport in :class:`CheckedTransport` with a ``check`` built from the provider's
contract file (an OpenAPI document, a Postman collection…); every request our connector sends and every answer the
sandbox gives in the end-to-end and contract suites is then checked, and the ``provider`` fixture fails the test
that caused a violation. The sandbox is only as faithful as this makes it: a field the contract does not know, an
envelope it does not describe, fails here.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

#: ``check(request, response)`` → what about this exchange the contract does not allow (empty when all is well)
Check = Callable[[httpx.Request, httpx.Response], list[str]]


class CheckedTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, check: Check) -> None:
        self.inner = inner
        self.check = check
        self.violations: list[str] = []
        self.checked = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        response = await self.inner.handle_async_request(request)
        content = await response.aread()
        problems = self.check(request, response)
        self.checked += 1
        self.violations += [f"{request.method} {request.url.path}: {problem}" for problem in problems]
        return httpx.Response(response.status_code, headers=response.headers, content=content,
                              extensions=response.extensions, request=request)

    async def aclose(self) -> None:
        await self.inner.aclose()
