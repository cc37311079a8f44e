"""Delivering the webhook outbox: claim due rows, POST them signed, record the outcome, back off on failure.

:func:`deliver_due` is a plain async job function (the job system schedules it; embedded mode runs
:func:`run_forever` in-process). Each attempt is a POST of the stored body with::

    Content-Type: application/json
    Ledgerbridge-Signature: t=…,v1=…      (see ledgerbridge.webhooks.signing)
    Ledgerbridge-Event-Id: <uuid>          (the same on every retry: receivers dedupe on it)
    Ledgerbridge-Event-Type: accounting.invoice.created
    Ledgerbridge-Delivery-Attempt: 1

Any 2xx is delivered. Anything else (other status, timeout, refused connection) is retried with exponential
backoff and jitter — 10 s, 20 s, 40 s … capped at 6 h — and given up on (status ``failed``) after
``MAX_ATTEMPTS``; the delivery log (``GET /webhooks/{id}/deliveries``) shows every outcome and a failed delivery
can be sent again. Redirects are not followed: a receiver answers where it was registered.

Every attempt passes the egress policy (:mod:`ledgerbridge.egress`) again, at delivery time: a receiver's name
that resolves to a loopback, private or metadata address by now (a DNS change since registration) is refused
before any connection, and the request goes to the address that was checked. The log keeps what a receiver's
owner needs and nothing an attacker could read another host with: the status code and the attempt's time, never
the body that came back, and one error kind for every failure to get an answer (refused, unreachable, timed out,
not allowed), so the log cannot be used to scan ports. The precise reason goes to the server's own log.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
from dataclasses import dataclass

import httpx

from ledgerbridge import egress
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import webhooks
from ledgerbridge.webhooks.signing import HEADER, sign

log = logging.getLogger("ledgerbridge.webhooks")

CLIENT = "webhooks"  # the ProviderHttp client name; tests inject a transport under it
MAX_ATTEMPTS = 12
BASE_DELAY = dt.timedelta(seconds=10)
MAX_DELAY = dt.timedelta(hours=6)
LEASE = dt.timedelta(minutes=2)  # a claimed row is invisible to other workers this long
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
BATCH = 100
NO_ANSWER = "delivery failed: no HTTP answer from the receiver"  # the one error kind without a status code


def backoff(attempts: int, *, jitter: float | None = None) -> dt.timedelta:
    """Delay after the ``attempts``-th failed attempt: doubling from BASE_DELAY, capped, ±20 % jitter so a
    receiver coming back up is not hit by every retry in the same second."""
    delay = min(MAX_DELAY, BASE_DELAY * (2 ** max(0, attempts - 1)))
    factor = 0.8 + 0.4 * (random.random() if jitter is None else jitter)
    return delay * factor


@dataclass
class DeliveryReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0

    @property
    def attempted(self) -> int:
        return self.delivered + self.retrying + self.failed


async def _attempt(client: httpx.AsyncClient, due: webhooks.Due) -> tuple[int | None, str | None]:
    """POST once; (status code, error text) — error is None on a 2xx."""
    body = due.payload.encode()
    headers = {
        "Content-Type": "application/json",
        HEADER: sign(body, *due.secrets),
        "Ledgerbridge-Event-Id": str(due.event_id),
        "Ledgerbridge-Event-Type": due.event_type,
        "Ledgerbridge-Delivery-Attempt": str(due.attempts),
    }
    try:
        async with client.stream("POST", due.url, content=body, headers=headers, timeout=TIMEOUT,
                                 follow_redirects=False) as response:
            status = response.status_code  # the body is never read: the receiver's answer is not ours to show
    except httpx.HTTPError as exc:
        log.info("webhook %s to endpoint %s: %s: %s", due.event_id, due.endpoint_id, type(exc).__name__, exc)
        return None, NO_ANSWER
    if 200 <= status < 300:
        return status, None
    return status, f"HTTP {status}"


async def deliver_due(runtime: Runtime, *, limit: int = BATCH, now: dt.datetime | None = None) -> DeliveryReport:
    """Send every delivery that is due (up to ``limit``), concurrently; safe to run in several workers at once."""
    now = now or dt.datetime.now(dt.UTC)
    async with runtime.engine.begin() as db:
        claimed = await webhooks.claim_due(db, runtime.sealer, now=now, lease=LEASE, limit=limit)
    report = DeliveryReport()
    if not claimed:
        return report
    policy = egress.EgressPolicy.from_settings(runtime.settings)
    async with egress.client(policy, runtime.http.transport(CLIENT), timeout=TIMEOUT) as client:
        outcomes = await asyncio.gather(*(_attempt(client, due) for due in claimed))
    finished = dt.datetime.now(dt.UTC)
    async with runtime.engine.begin() as db:
        for due, (status_code, error) in zip(claimed, outcomes, strict=True):
            if error is None:
                status, next_at = webhooks.DELIVERED, None
                report.delivered += 1
            elif due.attempts >= MAX_ATTEMPTS:
                status, next_at = webhooks.FAILED, None
                report.failed += 1
                log.warning("webhook %s to endpoint %s given up after %d attempts: %s",
                            due.event_id, due.endpoint_id, due.attempts, error)
            else:
                status, next_at = webhooks.PENDING, finished + backoff(due.attempts)
                report.retrying += 1
            await webhooks.finish(db, delivery_id=due.id, status=status, at=finished, status_code=status_code,
                                  error=error, next_attempt_at=next_at)
    return report


async def run_forever(runtime: Runtime, *, interval: float = 1.0, stop: asyncio.Event | None = None) -> None:
    """Embedded mode: deliver whatever is due every ``interval`` seconds until ``stop`` is set (or cancelled).

    A full batch is followed immediately by the next one, so a backlog drains without waiting. Errors are
    logged and the loop goes on: a database hiccup must not stop webhooks for good.
    """
    stop = stop or asyncio.Event()
    while not stop.is_set():
        try:
            report = await deliver_due(runtime)
        except Exception:
            log.exception("webhook delivery pass failed")
            report = DeliveryReport()
        if report.attempted >= BATCH:
            continue
        with contextlib.suppress(TimeoutError):  # the interval passed without a stop: go round again
            await asyncio.wait_for(stop.wait(), timeout=interval)
