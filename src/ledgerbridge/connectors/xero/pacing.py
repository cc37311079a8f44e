"""Pacing from the limits Xero reports on every answer, so a tenant's minute allowance never runs into a 429.

Every Xero answer says how many calls are left (``X-MinLimit-Remaining``, ``X-DayLimit-Remaining``,
``X-AppMinLimit-Remaining``). When the minute allowance runs low the client spaces its next calls out instead of
running into a 429, which would cost a whole ``Retry-After`` (up to 60 s).
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import AsyncGenerator
from dataclasses import dataclass

import httpx

from ledgerbridge.connectors.http import Budget, ProviderHttp
from ledgerbridge.connectors.oauth import RefreshingAuth

PER_MINUTE = 60  # Xero's published quota per tenant
LOW_WATER = 5  # calls left in the minute below which calls are spaced out


@dataclass
class Pacer:
    """Spacing for one tenant, from the limits Xero reports on each answer.

    With the tenant's ``budget`` the pause is handed to it (``Budget.hold_until``), so a caller's write that
    cannot wait that long fails fast like any other lack of quota (see :mod:`ledgerbridge.connectors.quota`)
    instead of sleeping here; without one, ``wait`` sleeps.
    """

    pause_until: float = 0.0
    budget: Budget | None = None

    async def wait(self) -> None:
        if self.budget is not None:
            return
        delay = self.pause_until - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)

    def observe(self, response: httpx.Response) -> None:
        remaining = _int(response.headers.get("X-MinLimit-Remaining"))
        app_remaining = _int(response.headers.get("X-AppMinLimit-Remaining"))
        left = min(x for x in (remaining, app_remaining, LOW_WATER) if x is not None)
        if left < LOW_WATER:
            # One call per (60 / per_minute) seconds is what the minute allows on average; the fewer calls left,
            # the longer the gap, so the window has rolled on by the time the last ones are used.
            gap = 60.0 / PER_MINUTE * (LOW_WATER - left)
            self.pause_until = max(self.pause_until, time.monotonic() + gap)
            if self.budget is not None:
                self.budget.hold_until(self.pause_until)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# One Pacer per (shared HTTP object, tenant): connectors are built per request, the tenant's limits are not.
_PACERS: weakref.WeakKeyDictionary[ProviderHttp, dict[str, Pacer]] = weakref.WeakKeyDictionary()


def pacer_for(http: ProviderHttp, tenant_id: str, budget: Budget | None = None) -> Pacer:
    pacer = _PACERS.setdefault(http, {}).setdefault(tenant_id, Pacer())
    if budget is not None:
        pacer.budget = budget
    return pacer


class PacedAuth(httpx.Auth):
    """The bearer token (``RefreshingAuth``, refresh included) plus pacing, on every attempt ``send`` makes."""

    def __init__(self, inner: RefreshingAuth, pacer: Pacer) -> None:
        self.inner = inner
        self.pacer = pacer

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        await self.pacer.wait()
        flow = self.inner.async_auth_flow(request)
        outgoing = await flow.__anext__()
        while True:
            response = yield outgoing
            self.pacer.observe(response)
            try:
                outgoing = await flow.asend(response)
            except StopAsyncIteration:
                return
