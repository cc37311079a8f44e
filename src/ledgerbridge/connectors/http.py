"""Talking to providers: one shared HTTP client per provider, a request budget per provider account, retries.

``ProviderHttp`` owns the process's clients. Each provider gets one ``httpx.AsyncClient`` (one connection pool,
reused by every connection of that provider); tests and the demo inject a transport, e.g.
``httpx.ASGITransport(app=sandbox_app)``, so no code path differs between the sandbox and the real thing.

``send`` applies a :class:`Budget` (requests per minute and in flight, as the provider allows per account),
classifies failures through the connector's ``classify`` function and retries what is safe to retry: reads, and
writes that carry the provider's idempotency key. ``Retry-After`` is honoured — except by a caller's write, which
never waits for quota longer than its deadline (:mod:`.quota`): it fails with a 429 saying when to retry instead.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from ledgerbridge import metrics
from ledgerbridge.connectors import quota
from ledgerbridge.connectors.quota import NoSlot, Quota
from ledgerbridge.egress import EgressPolicy, EgressTransport
from ledgerbridge.errors import ProviderDetail, ProviderError, ProviderRateLimited, ProviderUnavailable

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class ProviderHttp:
    """The shared clients, keyed by provider name.

    ``guarded`` names the providers whose server a connect-page user typed (key-form providers such as Tryton):
    their every call passes the ``egress`` policy and goes to the address that was checked, so a host that
    resolved to a public address when the form was saved cannot rebind to an internal one later. Those calls are
    not kept alive (see :mod:`ledgerbridge.egress`).
    """

    def __init__(
        self,
        transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
        *,
        egress: EgressPolicy | None = None,
        guarded: Collection[str] = (),
        timeout: float | None = None,
        attempts: int = 4,
    ) -> None:
        self.attempts = attempts  # per call that is safe to retry (see send)
        self._transports = transports if transports is not None else {}
        self._timeout = DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout, connect=min(timeout, 10.0))
        self._egress = egress or EgressPolicy()
        self._guarded = frozenset(guarded)
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._budgets: dict[tuple[str, str], Budget] = {}

    def client(self, provider: str) -> httpx.AsyncClient:
        client = self._clients.get(provider)
        if client is None:
            transport = self._transports.get(provider)
            if provider in self._guarded:
                transport = EgressTransport(self._egress, transport)
            client = httpx.AsyncClient(
                transport=transport,
                timeout=self._timeout,
                limits=httpx.Limits(max_connections=100, max_keepalive_connections=50),
                headers={"User-Agent": "ledgerbridge/0.1"},
            )
            self._clients[provider] = client
        return client

    def transport(self, provider: str) -> httpx.AsyncBaseTransport | None:
        return self._transports.get(provider)

    def budget(self, provider: str, account: str, *, per_minute: int, concurrent: int) -> Budget:
        key = (provider, account)
        budget = self._budgets.get(key)
        if budget is None:
            budget = self._budgets[key] = Budget(per_minute=per_minute, concurrent=concurrent)
        return budget

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()


@dataclass
class Budget:
    """A provider's quota for one account (QuickBooks realm, Xero tenant): calls per minute and in flight.

    ``acquire(max_wait)`` takes a slot in flight, then the next start the per-minute :class:`Quota` allows; with
    ``max_wait`` (a caller's write, see :mod:`.quota`) it raises :class:`~.quota.NoSlot` instead of waiting
    longer, having taken nothing. ``hold_until`` is the provider asking us to slow down (Xero's remaining-calls
    headers): no call starts before then.
    """

    per_minute: int
    concurrent: int

    def __post_init__(self) -> None:
        self.quota = Quota(self.per_minute)
        self._slots = asyncio.Semaphore(self.concurrent)
        self.not_before = 0.0

    def hold_until(self, moment: float) -> None:
        self.not_before = max(self.not_before, moment)

    async def acquire(self, max_wait: float | None = None) -> None:
        started = time.monotonic()
        if max_wait is None:
            await self._slots.acquire()
        else:
            try:
                async with asyncio.timeout(max(0.0, max_wait)):
                    await self._slots.acquire()
            except TimeoutError:
                # Every slot is held by a call in flight; one frees within a call's time, not a quota minute.
                raise NoSlot(1.0) from None
        try:
            left = None if max_wait is None else max_wait - (time.monotonic() - started)
            delay = self.quota.reserve(left, not_before=self.not_before)
            if delay > 0:
                await asyncio.sleep(delay)
        except BaseException:
            self._slots.release()
            raise

    def release(self) -> None:
        self._slots.release()

    async def __aenter__(self) -> None:
        await self.acquire()

    async def __aexit__(self, *exc: object) -> None:
        self.release()


Classifier = Callable[[httpx.Response], ProviderError | None]
"""Turns a provider response into the error it means, or None when it is a success."""


def _retryable(error: BaseException) -> bool:
    return isinstance(error, ProviderError) and error.retryable


class _WaitRetryAfter:
    """Wait what the provider asked for (Retry-After), else exponential backoff with jitter."""

    def __init__(self) -> None:
        self._backoff = wait_exponential_jitter(multiplier=0.2, max=8)

    def __call__(self, retry_state: Any) -> float:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        if isinstance(error, ProviderError) and error.retry_after is not None:
            return min(float(error.retry_after), 120.0)
        return float(self._backoff(retry_state))


async def send(
    client: httpx.AsyncClient,
    request: httpx.Request,
    *,
    provider: str,
    classify: Classifier,
    budget: Budget | None = None,
    auth: httpx.Auth | None = None,
    safe_to_retry: bool,
    attempts: int = 4,
) -> httpx.Response:
    """Send ``request``; return the successful response or raise the classified :class:`ProviderError`."""

    # Once one attempt may have reached the provider, the call's outcome is unknown whatever later attempts say:
    # a final 503 after a lost answer does not mean nothing was written.
    maybe_written = False

    def failed(error: ProviderError) -> ProviderError:
        nonlocal maybe_written
        maybe_written = maybe_written or error.may_have_written
        error.may_have_written = maybe_written
        return error

    async def once() -> httpx.Response:
        deadline = quota.current()  # a caller's write that has sent nothing yet: it may wait only so long
        if budget is not None:
            try:
                await budget.acquire(None if deadline is None else deadline.remaining())
            except NoSlot as exc:
                metrics.provider_call(provider, "quota")
                raise quota.exhausted(provider, exc.delay, reason=f"{provider}'s quota for this account has no "
                                      "room within the time a write may wait") from None
        marked = quota.note_sending(request.method)
        try:
            response = await client.send(request, auth=auth)
        except httpx.TimeoutException as exc:
            metrics.provider_call(provider, "timeout")
            sent = not isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout)
            raise failed(ProviderUnavailable(ProviderDetail(provider, message=f"timed out: {exc!r}"),
                                             may_have_written=sent)) from exc
        except httpx.TransportError as exc:
            metrics.provider_call(provider, "error")
            sent = not isinstance(exc, httpx.ConnectError | httpx.UnsupportedProtocol)
            raise failed(ProviderUnavailable(ProviderDetail(provider, message=f"connection failed: {exc!r}"),
                                             may_have_written=sent)) from exc
        finally:
            if budget is not None:
                budget.release()
        metrics.provider_call(provider, response.status_code)
        error = classify(response)
        if isinstance(error, ProviderRateLimited):
            if marked is not None:
                marked.wrote = False  # a 429 did nothing at the provider: the write is still certainly unsent
            wait = error.retry_after if error.retry_after is not None else 60.0
            if deadline is not None and wait > deadline.remaining():
                raise quota.exhausted(provider, wait, reason=f"{provider} answered 429 (its quota is spent) and asks "
                                      "for a longer wait than a write may take") from error
        if error is not None:
            error.may_have_written = may_have_acted(response.status_code)
            raise failed(error)
        return response

    if not safe_to_retry:
        attempts = 1
    retrying = AsyncRetrying(
        stop=stop_after_attempt(attempts),
        wait=_WaitRetryAfter(),
        retry=retry_if_exception(_retryable),
        reraise=True,
    )
    async for attempt in retrying:
        with attempt:
            return await once()
    raise AssertionError("unreachable")  # pragma: no cover


def may_have_acted(status: int) -> bool:
    """Whether a provider that answered ``status`` may still have carried the request out.

    4xx (429 included) are refusals, and 503 is what providers and their gateways answer when they are not taking
    requests (Xero and QuickBooks both use it for "unavailable, try later"). A 500, 502 or 504 can come from a
    server or gateway that failed after the provider's own logic committed: that outcome is unknown.
    """
    return status >= 500 and status != 503


def retry_after_seconds(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
