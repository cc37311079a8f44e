"""Pennylane's rate limit: 25 requests per 5 seconds per token (providers.md §3; the contract is silent).

Every answer carries ``ratelimit-limit``, ``ratelimit-remaining`` and ``ratelimit-reset`` (seconds until the window
ends); a refused call is answered 429 with ``retry-after`` and does no work. ``time_scale`` shortens the window
for the demo's accelerated clock.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

PER_WINDOW = 25
WINDOW_SECONDS = 5.0


@dataclass
class Decision:
    allowed: bool
    headers: dict[str, str]


class RateLimiter:
    def __init__(self, clock: Callable[[], float], *, per_window: int = PER_WINDOW, time_scale: float = 1.0) -> None:
        self.clock = clock
        self.per_window = per_window
        self.window = WINDOW_SECONDS / time_scale
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def acquire(self, token: str) -> Decision:
        with self._lock:
            now = self.clock()
            calls = self._calls.setdefault(token, deque())
            while calls and calls[0] <= now - self.window:
                calls.popleft()
            reset = max(1, math.ceil((calls[0] + self.window - now) if calls else self.window))
            if len(calls) >= self.per_window:
                headers = self._headers(0, reset)
                headers["retry-after"] = str(reset)
                return Decision(False, headers)
            calls.append(now)
            return Decision(True, self._headers(self.per_window - len(calls), reset))

    def _headers(self, remaining: int, reset: int) -> dict[str, str]:
        return {"ratelimit-limit": str(self.per_window), "ratelimit-remaining": str(max(0, remaining)),
                "ratelimit-reset": str(reset)}

    @property
    def per_minute(self) -> int:
        """The quota as calls a minute (test suites lift it through this name, as for the other sandboxes)."""
        return int(self.per_window * 60 / self.window)

    @per_minute.setter
    def per_minute(self, value: int) -> None:
        self.per_window = max(1, int(value * self.window / 60))

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
