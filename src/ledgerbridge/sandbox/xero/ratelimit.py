"""Per-tenant rate limits as Xero applies them: calls per minute, calls per day, concurrent calls.

``time_scale`` shrinks the windows (a minute lasts 60/time_scale seconds) so benchmarks see the same ratios
faster. A refused call (429) performs no work, so it must be decided before the handler runs.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

APP_PER_MINUTE = 10_000  # across all tenants of the app


@dataclass
class _TenantWindow:
    minute: deque[float] = field(default_factory=deque)
    day_start: float = 0.0
    day_count: int = 0
    in_flight: int = 0


@dataclass
class Decision:
    allowed: bool
    headers: dict[str, str]
    problem: str | None = None
    retry_after: int = 0


class RateLimiter:
    def __init__(self, clock: Callable[[], float], *, per_minute: int = 60, concurrent: int = 5,
                 per_day: int = 5000, time_scale: float = 1.0) -> None:
        self.clock = clock
        self.per_minute, self.concurrent, self.per_day = per_minute, concurrent, per_day
        self.minute_s = 60.0 / time_scale
        self.day_s = 86400.0 / time_scale
        self._tenants: dict[str, _TenantWindow] = {}
        self._app: deque[float] = deque()
        self._lock = threading.Lock()

    def _window(self, tenant: str, now: float) -> _TenantWindow:
        w = self._tenants.setdefault(tenant, _TenantWindow(day_start=now))
        while w.minute and w.minute[0] <= now - self.minute_s:
            w.minute.popleft()
        while self._app and self._app[0] <= now - self.minute_s:
            self._app.popleft()
        if now - w.day_start >= self.day_s:
            w.day_start, w.day_count = now, 0
        return w

    def _headers(self, w: _TenantWindow) -> dict[str, str]:
        return {"X-MinLimit-Remaining": str(max(0, self.per_minute - len(w.minute))),
                "X-DayLimit-Remaining": str(max(0, self.per_day - w.day_count)),
                "X-AppMinLimit-Remaining": str(max(0, APP_PER_MINUTE - len(self._app)))}

    def acquire(self, tenant: str) -> Decision:
        """Count one call; on refusal nothing is counted and the caller must answer 429."""
        with self._lock:
            now = self.clock()
            w = self._window(tenant, now)
            problem, retry = None, 0.0
            if w.day_count >= self.per_day:
                problem, retry = "day", w.day_start + self.day_s - now
            elif len(w.minute) >= self.per_minute:
                problem, retry = "minute", (w.minute[0] if w.minute else now) + self.minute_s - now
            elif len(self._app) >= APP_PER_MINUTE:
                problem, retry = "appminute", self._app[0] + self.minute_s - now
            elif w.in_flight >= self.concurrent:
                problem, retry = "concurrent", 1
            if problem:
                headers = self._headers(w)
                headers["Retry-After"] = str(max(1, math.ceil(retry)))
                headers["X-Rate-Limit-Problem"] = problem
                return Decision(False, headers, problem, int(headers["Retry-After"]))
            w.minute.append(now)
            self._app.append(now)
            w.day_count += 1
            w.in_flight += 1
            return Decision(True, self._headers(w))

    def release(self, tenant: str) -> None:
        with self._lock:
            w = self._tenants.get(tenant)
            if w and w.in_flight > 0:
                w.in_flight -= 1

    def reset(self) -> None:
        with self._lock:
            self._tenants.clear()
            self._app.clear()
