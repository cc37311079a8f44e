"""Per-realm throttling like QBO: N requests per sliding minute and M in flight at once.

``time_scale`` shrinks the minute so tests and demos can exhaust and regain quota quickly.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque


class RateLimiter:
    def __init__(self, per_minute: int, max_concurrent: int, time_scale: float = 1.0) -> None:
        self.per_minute = per_minute
        self.max_concurrent = max_concurrent
        self.window = 60.0 / time_scale
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._in_flight: dict[str, int] = defaultdict(int)

    def acquire(self, realm: str) -> float | None:
        """Take one slot; returns None when admitted, else the seconds until a slot frees (Retry-After)."""
        now = time.monotonic()
        hits = self._hits[realm]
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return max(hits[0] + self.window - now, 0.001)
        if self._in_flight[realm] >= self.max_concurrent:
            return 1.0 / max(self.window / 60.0, 1e-9) if self.window < 60 else 1.0
        hits.append(now)
        self._in_flight[realm] += 1
        return None

    def release(self, realm: str) -> None:
        self._in_flight[realm] = max(0, self._in_flight[realm] - 1)

    @staticmethod
    def retry_after_header(seconds: float) -> str:
        return str(max(1, math.ceil(seconds)))
