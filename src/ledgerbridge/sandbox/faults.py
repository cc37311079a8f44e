"""Fault injection for the sandboxes: make a provider misbehave on demand, the ways real providers do.

Tests and benchmarks arm a :class:`FaultPlan` either in-process (``plan.add(Fault(...))``) or over HTTP
(``POST /_sandbox/faults`` with the same fields as JSON; ``DELETE /_sandbox/faults`` clears the plan).
The middleware consumes armed faults in order, so "the next two calls fail with 503" is one line::

    plan.add(Fault(kind="status", status=503, times=2))

A fault with a ``rate`` is not consumed: it fires on that share of the matching calls until the plan is cleared,
drawn from the plan's seeded random generator (``FaultPlan(seed=7)``, or ``{"seed": 7}`` over HTTP) so a run can
be repeated. One draw per call is shared by all rate faults, so six faults of rate 0.05 fail 30 % of the calls::

    plan.add(Fault(kind="commit_timeout", rate=0.05, path_contains="/invoice"))

Some faults act before the provider logic runs (nothing is written), others after it committed (the write
happened, the answer is lost): the difference a client must handle to create exactly once.

``latency`` on the plan is a constant delay added to every call: it lets a benchmark give the sandbox the
response time of the real provider, so that ratios against it mean something.

A sandbox with provider-side idempotency keys (QuickBooks ``requestid``, Xero ``Idempotency-Key``) hooks
``forget_keys`` and ``key_memory`` into its plan, so a test can make it forget them (``{"forget_keys": true}``) or
remember only the last N (``{"key_memory": N}``), as real providers forget theirs after a while.

In-process (``httpx.ASGITransport``) nothing enforces the client's timeouts: wrap the transport in
:class:`EnforcedTimeouts` for the timeout faults to time out rather than hang.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable, MutableMapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTROL_PATH = "/_sandbox/faults"

FaultKind = Literal["status", "latency", "timeout", "disconnect", "refuse", "commit_timeout", "commit_disconnect"]

#: the kinds that let the provider logic run and commit, then lose its answer
AFTER_COMMIT: frozenset[str] = frozenset({"commit_timeout", "commit_disconnect"})


@dataclass
class Fault:
    """One armed misbehaviour.

    Before the provider logic runs (nothing is written):

    - ``status``: answer ``status`` (with ``retry_after`` seconds in a ``Retry-After`` header, if given).
    - ``latency``: sleep ``seconds`` and then answer normally.
    - ``timeout``: sleep ``seconds`` (default 3600) before handling the call, so the client's timeout fires
      first (in-process the call is then abandoned; a real server would carry it out late).
    - ``disconnect``: the connection drops without an answer (the client cannot tell whether the call was
      handled: to it this is the same as ``commit_disconnect``).
    - ``refuse``: the connection is refused (the client knows nothing was sent). In-process only: a real server
      cannot refuse a connection it already accepted, and answers 500 instead.

    After the provider logic committed (the write happened):

    - ``commit_timeout``: the answer is held ``seconds`` (default 3600), past the client's timeout.
    - ``commit_disconnect``: the connection drops after the status line, before the body.
    """

    kind: FaultKind = "status"
    status: int = 500
    seconds: float = 0.0
    times: int = 1
    path_contains: str = ""
    method: str | None = None
    retry_after: int | None = None
    rate: float | None = None  # fire on this share of matching calls (not consumed); None: the next ``times``

    def matches(self, method: str, path: str) -> bool:
        if self.path_contains and self.path_contains not in path:
            return False
        return not (self.method and self.method.upper() != method.upper())


@dataclass
class FaultPlan:
    faults: list[Fault] = field(default_factory=list)
    latency: float = 0.0
    injected: int = 0
    seed: int | None = None
    #: hooks of a sandbox that keeps provider-side idempotency keys (see the module docstring)
    forget_keys: Callable[[], None] | None = field(default=None, repr=False)
    key_memory: Callable[[int], None] | None = field(default=None, repr=False)
    #: how many calls each kind of fault hit (a chaos test shows the mix it ran)
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def reseed(self, seed: int | None) -> None:
        self.seed = seed
        self.rng = random.Random(seed)

    def add(self, fault: Fault) -> None:
        self.faults.append(fault)

    def clear(self) -> None:
        self.faults.clear()
        self.latency = 0.0

    def take(self, method: str, path: str) -> Fault | None:
        draw: float | None = None
        share = 0.0
        for fault in self.faults:
            if not fault.matches(method, path):
                continue
            if fault.rate is not None:
                if draw is None:
                    draw = self.rng.random()
                share += fault.rate
                if draw >= share:
                    continue
            else:
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
            self.injected += 1
            key = fault.kind if fault.kind != "status" else f"status {fault.status}"
            self.counts[key] = self.counts.get(key, 0) + 1
            return fault
        return None


ErrorRenderer = Callable[[int], Response]


def plain_error(status: int) -> Response:
    return JSONResponse({"error": "injected fault", "status": status}, status_code=status)


class FaultInjectionMiddleware:
    """ASGI middleware that applies a :class:`FaultPlan` around the sandbox.

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
        elif fault.kind == "refuse":
            raise httpx.ConnectError("injected fault: connection refused")
        elif fault.kind == "disconnect":
            await _drop(send, {"type": "http.response.start", "status": 200, "headers": []})
        else:  # after the commit: the provider logic runs to the end, its answer is held back
            answer: list[Message] = []

            async def keep(message: MutableMapping[str, Any]) -> None:
                answer.append(message)

            await self.app(scope, receive, keep)
            if fault.kind == "commit_disconnect":
                await _drop(send, answer[0])
            await asyncio.sleep(fault.seconds or 3600)
            for message in answer:
                await send(message)

    async def _control(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.plan.clear()
            return Response(status_code=204)
        if request.method == "GET":
            return JSONResponse({"latency": self.plan.latency, "seed": self.plan.seed, "injected": self.plan.injected,
                                 "counts": self.plan.counts, "faults": [asdict(f) for f in self.plan.faults]})
        body: dict[str, Any] = json.loads(await request.body() or b"{}")
        if "latency" in body:
            self.plan.latency = float(body.pop("latency"))
        if "seed" in body:
            self.plan.reseed(body.pop("seed"))
        for hook in ("forget_keys", "key_memory"):
            if hook not in body:
                continue
            value = body.pop(hook)
            if hook == "forget_keys" and value and self.plan.forget_keys is not None:
                self.plan.forget_keys()
            elif hook == "key_memory" and self.plan.key_memory is not None:
                self.plan.key_memory(int(value))
            elif getattr(self.plan, hook) is None:
                return JSONResponse({"error": f"this sandbox keeps no idempotency keys ({hook})"}, status_code=400)
        if body:
            self.plan.add(Fault(**body))
        return Response(status_code=204)


async def _drop(send: Send, start: Message) -> None:
    """Drop the connection after the status line: over a real server the client sees the connection close
    mid-answer (the server closes a connection whose application fails after starting its response);
    in-process the error itself reaches the client, as httpx would raise it."""
    await send(start)
    raise httpx.RemoteProtocolError("injected fault: peer closed connection without sending complete message body")


class EnforcedTimeouts(httpx.AsyncBaseTransport):
    """A transport that applies the client's read timeout to an in-process one (``ASGITransport`` has no
    network and ignores timeouts), so the sandbox's timeout faults make the call time out as they would over
    the wire. The abandoned call is cancelled, as a server's would be when its client goes away."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeout = (request.extensions.get("timeout") or {}).get("read")
        if timeout is None:
            return await self.inner.handle_async_request(request)
        try:
            return await asyncio.wait_for(self.inner.handle_async_request(request), timeout)
        except TimeoutError as exc:
            raise httpx.ReadTimeout(f"no answer within {timeout} s", request=request) from exc

    async def aclose(self) -> None:
        await self.inner.aclose()
