"""A per-business call quota. Sage publishes no rate limit for v3.1 (providers.md: unverified, treat 429
generically), so the sandbox picks one — ``per_minute`` calls in a sliding minute per business — and answers
over it with 429, a ``Retry-After`` in seconds and Sage's error array. ``time_scale`` shortens the minute."""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable

DEFAULT_PER_MINUTE = 100


class RateLimiter:
    def __init__(self, clock: Callable[[], float], *, per_minute: int = DEFAULT_PER_MINUTE,
                 time_scale: float = 1.0) -> None:
        self.clock = clock
        self.per_minute = per_minute
        self.minute_s = 60.0 / time_scale
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def acquire(self, business: str) -> int | None:
        """None when the call may go ahead, else the seconds to wait (the call is not counted)."""
        now = self.clock()
        with self._lock:
            calls = self._calls.setdefault(business, deque())
            while calls and calls[0] <= now - self.minute_s:
                calls.popleft()
            if len(calls) >= self.per_minute:
                return max(1, math.ceil(calls[0] + self.minute_s - now))
            calls.append(now)
            return None
