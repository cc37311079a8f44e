"""FreeAgent's per-user limits: 120 requests a minute and 3,600 an hour (providers.md; the collection is silent).

A refused call answers 429 with ``Retry-After`` in seconds and does no work. ``time_scale`` shrinks both windows
for the demo's fast clock.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable

PER_MINUTE = 120
PER_HOUR = 3600


class RateLimiter:
    def __init__(self, clock: Callable[[], float], *, per_minute: int = PER_MINUTE, per_hour: int = PER_HOUR,
                 time_scale: float = 1.0) -> None:
        self.clock = clock
        self.per_minute, self.per_hour = per_minute, per_hour
        self.minute_s, self.hour_s = 60.0 / time_scale, 3600.0 / time_scale
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def acquire(self, user: str) -> int:
        """0 when the call may go ahead (and is counted); else the seconds to wait before retrying."""
        with self._lock:
            now = self.clock()
            calls = self._calls.setdefault(user, deque())
            while calls and calls[0] <= now - self.hour_s:
                calls.popleft()
            in_minute = [t for t in calls if t > now - self.minute_s]
            if len(in_minute) >= self.per_minute:
                return max(1, math.ceil(in_minute[0] + self.minute_s - now))
            if len(calls) >= self.per_hour:
                return max(1, math.ceil(calls[0] + self.hour_s - now))
            calls.append(now)
            return 0

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
