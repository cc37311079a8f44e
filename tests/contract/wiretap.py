"""A transport that sits between a connector and its provider: it records every call and can lose answers.

The sandboxes' fault plans fail a call *before* the provider acts. A lost answer is the other half of the
contract: the provider did the write, the reply never arrived. A connector may only retry such a write when it
carries the provider's idempotency key (the provider then answers the first result again); an unkeyed write must
reach the provider once. :class:`Wiretap` forwards to the real transport (a sandbox app, or the network for a
real server) and, while armed, drops the reply of matching calls after the provider answered them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

Match = Callable[[httpx.Request], bool]


@dataclass
class LostAnswers:
    match: Match
    times: int
    before: bool = False  # fail before the provider sees the call (a 503), rather than lose its answer
    lost: int = 0


@dataclass
class Wiretap(httpx.AsyncBaseTransport):
    inner: httpx.AsyncBaseTransport
    calls: list[httpx.Request] = field(default_factory=list)
    _lose: list[LostAnswers] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()  # keep the body readable for the assertions
        self.calls.append(request)
        armed = next((a for a in self._lose if a.lost < a.times and a.match(request)), None)
        if armed is not None and armed.before:
            armed.lost += 1
            return httpx.Response(503, json={"error": "unavailable (contract suite)"}, request=request)
        response = await self.inner.handle_async_request(request)
        if armed is None:
            return response
        await response.aread()  # the provider has answered: its work is done
        await response.aclose()
        armed.lost += 1
        raise httpx.ReadError("answer lost on the way back (contract suite)", request=request)

    def lose_answers(self, match: Match, *, times: int = 1, before: bool = False) -> LostAnswers:
        armed = LostAnswers(match, times, before)
        self._lose.append(armed)
        return armed

    def disarm(self) -> None:
        self._lose.clear()

    def matching(self, match: Match, *, since: int = 0) -> list[httpx.Request]:
        """The recorded calls from index ``since`` on that ``match``."""
        return [request for request in self.calls[since:] if match(request)]

    async def aclose(self) -> None:
        await self.inner.aclose()
