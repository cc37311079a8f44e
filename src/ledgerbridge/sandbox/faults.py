"""Fault injection for the sandboxes: make a provider misbehave on demand.

Tests and benchmarks arm a :class:`FaultPlan` either in-process (``plan.add(Fault(...))``) or over HTTP
(``POST /_sandbox/faults`` with the same fields as JSON; ``DELETE /_sandbox/faults`` clears the plan).
The middleware consumes armed faults in order, so "the next two calls fail with 503" is one line::

    plan.add(Fault(kind="status", status=503, times=2))

``latency`` on the plan is a constant delay added to every call: it lets a benchmark give the sandbox the
response time of the real provider, so that ratios against it mean something.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

CONTROL_PATH = "/_sandbox/faults"

FaultKind = Literal["status", "latency", "timeout", "disconnect"]

@dataclass
class Fault:
    """One armed misbehaviour.

    - ``status``: answer ``status`` (with ``retry_after`` seconds in a ``Retry-After`` header, if given)
      without calling the provider logic.
    - ``latency``: sleep ``seconds`` and then answer normally.
    - ``timeout``: sleep ``seconds`` (default 3600) before answering, so the client's timeout fires first.
    - ``disconnect``: close the connection without an answer (the client sees a transport error).
    """

    kind: FaultKind = "status"
    status: int = 500
    seconds: float = 0.0
    times: int = 1
    path_contains: str = ""
    method: str | None = None
    retry_after: int | None = None

@dataclass
class FaultPlan:
    faults: list[Fault] = field(default_factory=list)
    latency: float = 0.0
    injected: int = 0

    def add(self, fault: Fault) -> None:
        self.faults.append(fault)

    def clear(self) -> None:
        self.faults.clear()
        self.latency = 0.0

    def take(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.path_contains and fault.path_contains not in path:
                continue
            if fault.method and fault.method.upper() != method.upper():
                continue
            fault.times -= 1
            if fault.times <= 0:
                self.faults.remove(fault)
            self.injected += 1
            return fault
        return None

ErrorRenderer = Callable[[int], Response]

def plain_error(status: int) -> Response:
    return JSONResponse({"error": "injected fault", "status": status}, status_code=status)

class FaultInjectionMiddleware:
    """ASGI middleware that applies a :class:`FaultPlan` before the sandbox sees a request.

    ``render_error`` builds the provider-shaped body for an injected status (a QBO ``Fault``, a Xero problem…).
    """

    def __init__(self, app: ASGIApp, plan: FaultPlan, render_error: ErrorRenderer = plain_error) -> None:
        self.app = app
        self.plan = plan
        self.render_error = render_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.endswith(CONTROL_PATH):
            response = await self._control(Request(scope, receive))
            await response(scope, receive, send)
            return
        if self.plan.latency:
            await asyncio.sleep(self.plan.latency)
        fault = self.plan.take(scope["method"], path)
        if fault is None:
            await self.app(scope, receive, send)
        elif fault.kind == "status":
            response = self.render_error(fault.status)
            if fault.retry_after is not None:
                response.headers["Retry-After"] = str(fault.retry_after)
            await response(scope, receive, send)
        elif fault.kind == "latency":
            await asyncio.sleep(fault.seconds)
            await self.app(scope, receive, send)
        elif fault.kind == "timeout":
            await asyncio.sleep(fault.seconds or 3600)
            await self.app(scope, receive, send)
        else:  # disconnect: raising makes the server drop the connection without a response
            raise ConnectionAbortedError("injected disconnect")

    async def _control(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.plan.clear()
            return Response(status_code=204)
        if request.method == "GET":
            return JSONResponse({"latency": self.plan.latency, "faults": [asdict(f) for f in self.plan.faults]})
        body: dict[str, Any] = json.loads(await request.body() or b"{}")
        if "latency" in body and len(body) == 1:
            self.plan.latency = float(body["latency"])
        else:
            self.plan.add(Fault(**body))
        return Response(status_code=204)
