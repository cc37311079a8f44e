"""Change notifications sent by a sandbox the way QuickBooks and Xero send theirs: batched, signed with the
subscriber's key, POSTed to the URL configured for the app, and retried on failure.

A sandbox hook calls :meth:`Notifier.record` whenever a record changes (from any thread: the sandboxes are
synchronous); :meth:`Notifier.flush` sends what is due through an ``httpx.AsyncClient`` (tests pass one aimed at
an ASGI app); :meth:`Notifier.start` runs flushes in a thread of its own for the demo and the benchmark. The
provider modules (``sandbox/<provider>/webhooks.py``) say how a batch is encoded and signed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

log = logging.getLogger("ledgerbridge.sandbox.notifier")

#: (changes of one account, subscriber's key) → (body, headers)
Encoder = Callable[[list[dict[str, Any]], str], tuple[bytes, dict[str, str]]]
#: subscriber's key → the requests that check a new URL first, each (body, headers, status the receiver must answer)
Handshake = Callable[[str], list[tuple[bytes, dict[str, str], int]]]


@dataclass
class Subscription:
    url: str
    key: str
    accounts: frozenset[str] | None = None  # None: every account of the sandbox
    verified: bool = True  # False until the handshake (if the service has one) passed: nothing is sent before


@dataclass
class _Batch:
    subscription: Subscription
    body: bytes
    headers: dict[str, str]
    attempts: int = 0
    next_at: float = 0.0


@dataclass
class Notifier:
    encode: Encoder
    #: seconds changes are gathered before being sent (the services batch too)
    window: float = 1.0
    #: waits before each retry of a failed POST; given up after the last
    retry_delays: tuple[float, ...] = (60.0, 300.0, 1200.0)
    clock: Callable[[], float] = time.monotonic
    handshake: Handshake | None = None
    subscriptions: list[Subscription] = field(default_factory=list)
    sent: int = 0  # POSTs answered 2xx
    failed: int = 0  # POSTs that failed (each attempt)
    _changes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _first_at: float | None = None
    _outbox: list[_Batch] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _thread: threading.Thread | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    def subscribe(self, url: str, key: str, accounts: set[str] | None = None) -> Subscription:
        subscription = Subscription(url, key, None if accounts is None else frozenset(accounts),
                                    verified=self.handshake is None)
        with self._lock:
            self.subscriptions.append(subscription)
        return subscription

    def record(self, account: str, change: dict[str, Any]) -> None:
        """One record changed (called by the sandbox's hook). Nothing is kept while nobody subscribes."""
        with self._lock:
            if not self.subscriptions:
                return
            self._changes.setdefault(account, []).append(change)
            if self._first_at is None:
                self._first_at = self.clock()

    def pending(self) -> int:
        with self._lock:
            return sum(len(c) for c in self._changes.values()) + len(self._outbox)

    def _batch_due(self, force: bool) -> None:
        with self._lock:
            if self._first_at is None or (not force and self.clock() - self._first_at < self.window):
                return
            changes, self._changes, self._first_at = self._changes, {}, None
            for account, items in changes.items():
                for subscription in self.subscriptions:
                    if subscription.accounts is None or account in subscription.accounts:
                        body, headers = self.encode(items, subscription.key)
                        self._outbox.append(_Batch(subscription, body, headers))

    async def flush(self, client: httpx.AsyncClient, *, force: bool = False) -> int:
        """Send every batch that is due (``force``: also changes still inside the window); POSTs made."""
        self._batch_due(force)
        for subscription in [s for s in self.subscriptions if not s.verified]:
            subscription.verified = await self._shake(client, subscription)
        now = self.clock()
        with self._lock:
            due = [b for b in self._outbox if b.subscription.verified and (force or b.next_at <= now)]
        for batch in due:
            batch.attempts += 1
            ok = await self._post(client, batch)
            with self._lock:
                if ok or batch.attempts > len(self.retry_delays):
                    self._outbox.remove(batch)
                    if not ok:
                        log.warning("sandbox notification to %s given up after %d attempts",
                                    batch.subscription.url, batch.attempts)
                else:
                    batch.next_at = self.clock() + self.retry_delays[batch.attempts - 1]
        return len(due)

    async def _shake(self, client: httpx.AsyncClient, subscription: Subscription) -> bool:
        assert self.handshake is not None
        for body, headers, expected in self.handshake(subscription.key):
            try:
                response = await client.post(subscription.url, content=body,
                                             headers={"content-type": "application/json", **headers})
            except httpx.HTTPError:
                return False
            if response.status_code != expected:
                log.info("sandbox handshake with %s: %d, expected %d", subscription.url, response.status_code,
                         expected)
                return False
        return True

    async def _post(self, client: httpx.AsyncClient, batch: _Batch) -> bool:
        try:
            response = await client.post(batch.subscription.url, content=batch.body,
                                         headers={"content-type": "application/json", **batch.headers})
        except httpx.HTTPError as exc:
            log.info("sandbox notification to %s failed: %s", batch.subscription.url, exc)
            self.failed += 1
            return False
        if 200 <= response.status_code < 300:
            self.sent += 1
            return True
        self.failed += 1
        return False

    # -- a thread of its own, for the demo and the benchmark -------------------------------------------------------

    def start(self, *, tick: float = 0.2) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run(tick)), name="sandbox-notifier",
                                        daemon=True)
        self._thread.start()

    async def _run(self, tick: float) -> None:
        async with httpx.AsyncClient(timeout=10.0) as client:
            while not self._stop.is_set():
                with contextlib.suppress(Exception):
                    await self.flush(client)
                await asyncio.sleep(tick)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None


def demo_sender(subscribed: Callable[[str], Notifier], key: str) -> tuple[Callable[[str], str], Callable[[], None]]:
    """For the demo: (receiver URL → ``key``, after starting to send there; stop sending).

    ``subscribed(url)`` gives a provider's notifier already subscribed to send to ``url`` under ``key``.
    """
    started: list[Notifier] = []

    def notify(url: str) -> str:
        notifier = subscribed(url)
        notifier.start()
        started.append(notifier)
        return key

    def stop() -> None:
        for notifier in started:
            notifier.stop()

    return notify, stop
