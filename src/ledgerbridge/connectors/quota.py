"""A provider account's quota, and how long a caller's write may wait for it.

:class:`Quota` is a sliding window, as Xero (60 calls in any 60 s per tenant) and QuickBooks (500 a minute per
realm) count: a call may start once the call ``limit`` places before it is a whole ``window`` old. Every call
*reserves* its start time first-come first-served, so the quota can say when the next free slot is — the
``Retry-After`` of a write that cannot wait that long. (aiolimiter's leaky bucket, used before, can only be
waited on: it cannot tell a caller when it would have capacity, and its burst-then-drip admits a 61st call
inside Xero's window, which Xero answers with a 429 and a minute's ``Retry-After``.)

A write made for a caller holds a :class:`WriteDeadline` (``write_deadline(seconds)``, set by the API's write
routes): until it has sent its first write, every provider call it makes may wait for quota only until the
deadline, and otherwise fails with :class:`~ledgerbridge.errors.QuotaExhausted` — before anything was sent, so
the write certainly did not happen. Once a write went out the request finishes what it started (failing its
second step would leave the first half-done at the provider), so later calls wait as background calls do.
Background work (syncs, reconciles, webhook-driven reads) holds no deadline and waits.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from ledgerbridge.errors import ProviderDetail, QuotaExhausted

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Our clock and the provider's differ by the network's latency: a call counted at our start time arrives a bit
# later, so its window at the provider ends a bit later too. The margin keeps us inside the provider's window.
WINDOW_MARGIN = 0.5


class NoSlot(Exception):
    """The quota has no slot within the time the caller may wait; ``delay`` is when the next one is free."""

    def __init__(self, delay: float) -> None:
        super().__init__(f"next slot in {delay:.1f} s")
        self.delay = delay


@dataclass
class Quota:
    """At most ``limit`` call starts in any ``window`` seconds, reserved first-come first-served."""

    limit: int
    window: float = 60.0
    clock: Callable[[], float] | None = None  # tests may pass a fake monotonic clock
    _starts: deque[float] = field(default_factory=deque, repr=False)

    def now(self) -> float:
        return self.clock() if self.clock is not None else time.monotonic()

    def next_start(self, not_before: float = 0.0) -> float:
        """When a call reserved now would start (never before an earlier reservation: no overtaking)."""
        now = max(self.now(), not_before)
        starts = self._starts
        span = self.window + WINDOW_MARGIN
        while starts and starts[0] <= now - span:
            starts.popleft()
        start = max(now, starts[-1]) if starts else now
        if len(starts) >= self.limit:
            start = max(start, starts[-self.limit] + span)
        return start

    def reserve(self, max_wait: float | None = None, *, not_before: float = 0.0) -> float:
        """Reserve the next slot (not before ``not_before``); the seconds to wait until it. Raises
        :class:`NoSlot` (reserving nothing) when that is longer than ``max_wait``."""
        start = self.next_start(not_before)
        delay = start - self.now()
        if max_wait is not None and delay > max_wait:
            raise NoSlot(delay)
        self._starts.append(start)
        return max(0.0, delay)


@dataclass
class WriteDeadline:
    """How long one caller's write may wait for quota (monotonic ``at``), held by the task serving it."""

    at: float
    task: asyncio.Task[object] | None
    wrote: bool = False  # a write went out: from here on the request finishes, waiting like background calls

    def remaining(self) -> float:
        return self.at - time.monotonic()


_DEADLINE: ContextVar[WriteDeadline | None] = ContextVar("ledgerbridge_write_deadline", default=None)


@contextlib.contextmanager
def write_deadline(seconds: float) -> Iterator[WriteDeadline]:
    """Serve a caller's write: provider calls inside may wait at most ``seconds`` (in all) for quota."""
    deadline = WriteDeadline(time.monotonic() + seconds, asyncio.current_task())
    token = _DEADLINE.set(deadline)
    try:
        yield deadline
    finally:
        _DEADLINE.reset(token)


def current() -> WriteDeadline | None:
    """The deadline the running call must keep, or None (background work; or the write already went out).

    Only the task that opened the deadline keeps it: a task started from inside the request (a queue worker
    started lazily, a prefetch) copies the context but is not the caller's write, and must not inherit an
    expired deadline.
    """
    deadline = _DEADLINE.get()
    if deadline is None or deadline.wrote:
        return None
    try:
        task = asyncio.current_task()
    except RuntimeError:
        return None
    return deadline if task is deadline.task else None


def note_sending(method: str) -> WriteDeadline | None:
    """Called just before a provider call goes out. A write marks the deadline as written (its outcome is no
    longer "certainly not sent"); returns the deadline it marked, so a refusal (429) can unmark it."""
    deadline = current()
    if deadline is not None and method.upper() not in SAFE_METHODS:
        deadline.wrote = True
        return deadline
    return None


def exhausted(provider: str, retry_after: float, *, reason: str) -> QuotaExhausted:
    """The 429 for a write that could not get ``provider``'s quota in time: nothing was sent."""
    seconds = max(1, math.ceil(retry_after))
    detail = ProviderDetail(provider, status=None, code="quota",
                            message=f"{reason}; nothing was written at {provider}: retry after {seconds} s (the "
                            "Idempotency-Key, if any, is free to retry with)")
    return QuotaExhausted(detail, retry_after=seconds)
