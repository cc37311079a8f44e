"""Business Central's per-user limits: 6,000 OData requests in a sliding 5-minute window, 5 requests running at
once with up to 95 more queued; beyond either, 429 ``Application_TooManyRequests`` with ``Retry-After``.

``time_scale`` shrinks the window (5 minutes last 300/time_scale seconds) so the demo sees the same ratios faster.
A refused call does no work, so it is decided before the handler runs.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.responses import Response

from .errors import BCError

WINDOW_S = 300.0
PER_WINDOW = 6000
CONCURRENT = 5
QUEUE = 95


@dataclass
class _User:
    calls: deque[float] = field(default_factory=deque)
    running: int = 0
    waiting: int = 0
    free: asyncio.Event | None = None


class RateLimiter:
    def __init__(self, clock: Callable[[], float], *, per_window: int = PER_WINDOW, concurrent: int = CONCURRENT,
                 queue: int = QUEUE, time_scale: float = 1.0) -> None:
        self.clock = clock
        self.per_window, self.concurrent, self.queue = per_window, concurrent, queue
        self.window_s = WINDOW_S / time_scale
        self._users: dict[str, _User] = {}

    @property
    def per_minute(self) -> int:
        """The window's quota as a per-minute rate (a test that lifts quotas sets this, like Xero's)."""
        return int(self.per_window * 60 / WINDOW_S)

    @per_minute.setter
    def per_minute(self, value: int) -> None:
        self.per_window = int(value * WINDOW_S / 60)

    async def enter(self, user: str) -> Response | None:
        """None when the call may run (it then holds a slot until :meth:`leave`), else the 429 to answer."""
        u = self._users.setdefault(user, _User())
        now = self.clock()
        while u.calls and u.calls[0] <= now - self.window_s:
            u.calls.popleft()
        if len(u.calls) >= self.per_window:
            wait = max(1, math.ceil(u.calls[0] + self.window_s - now))
            return BCError(429, "Application_TooManyRequests", "Too many requests reached. Actual "
                           f"({len(u.calls) + 1}). Maximum ({self.per_window}).",
                           {"Retry-After": str(wait)}).response()
        if u.running >= self.concurrent:
            if u.waiting >= self.queue:
                return BCError(429, "Application_TooManyRequests", "Too many concurrent requests queued.",
                               {"Retry-After": "1"}).response()
            u.waiting += 1
            try:
                while u.running >= self.concurrent:
                    u.free = u.free or asyncio.Event()
                    await u.free.wait()
            finally:
                u.waiting -= 1
        u.running += 1
        u.calls.append(now)
        return None

    def leave(self, user: str) -> None:
        u = self._users[user]
        u.running -= 1
        if u.free is not None:
            u.free.set()
            u.free = None
