"""Moneybird's rate limit: 150 requests per 5 minutes for each access token (providers.md §3).

The headers are those the OpenAPI document gives its 429 answer: ``RateLimit-Limit``, ``RateLimit-Remaining``,
``RateLimit-Reset`` and ``Retry-After``, the last two both "the time at which the current rate limit window resets
in UTC epoch seconds" (so Retry-After is an instant here, not a delay). The sandbox sends the first three on every
API answer too, so a client can pace itself. A refused call does no work.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

LIMIT = 150
WINDOW_SECONDS = 300.0


@dataclass
class Decision:
    allowed: bool
    headers: dict[str, str]


class RateLimiter:
    def __init__(self, clock: Callable[[], float], *, limit: int = LIMIT, time_scale: float = 1.0) -> None:
        self.clock, self.limit = clock, limit
        self.window = WINDOW_SECONDS / time_scale
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def acquire(self, token: str) -> Decision:
        with self._lock:
            now = self.clock()
            calls = self._calls.setdefault(token, deque())
            while calls and calls[0] <= now - self.window:
                calls.popleft()
            allowed = len(calls) < self.limit
            if allowed:
                calls.append(now)
            reset = math.ceil((calls[0] if calls else now) + self.window)
            headers = {"RateLimit-Limit": str(self.limit), "RateLimit-Remaining": str(max(0, self.limit - len(calls))),
                       "RateLimit-Reset": str(reset)}
            if not allowed:
                headers["Retry-After"] = str(reset)
            return Decision(allowed, headers)

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
