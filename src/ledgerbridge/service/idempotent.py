"""Idempotency-Key for every write (POST, PATCH, DELETE): one set of rules over :mod:`ledgerbridge.store.idempotency`.

A request holding a key runs once: a retry of a finished one is answered with the stored answer (replayed), one
still running is a 409, and the key used for a different request is a 422 naming the header. A request that fails
releases its key (nothing was stored, so the caller may retry with it) — unless its work says the provider may
have acted (``hold.keep``: a create whose answer was lost, :mod:`ledgerbridge.service.outcomes`). Such a key stays
``uncertain``, and the next request with it runs ``resolve`` instead of the work. The answer of one that succeeds
is saved by the work itself, in the transaction that stores the change (``idempotency.finish``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from ledgerbridge import wire
from ledgerbridge.errors import Conflict, FieldError, ValidationFailed
from ledgerbridge.runtime import Runtime
from ledgerbridge.service.answer import Answer
from ledgerbridge.store import idempotency
from ledgerbridge.store.records import Scope


def request_hash(**parts: Any) -> str:
    """What "the same request" means for a key: the body, and for changes the method and record too, so a key
    first used on another record, with another method (or on a POST) is a mismatch like another body."""
    return hashlib.sha256(wire.dumps(parts).encode()).hexdigest()


@dataclass
class Hold:
    """Set ``keep`` when the work failed but its key must not be released (the outcome is unknown)."""

    keep: bool = False


async def run_keyed(
    runtime: Runtime,
    scope: Scope,
    key: str | None,
    fingerprint: str,
    work: Callable[[], Awaitable[Answer]],
    *,
    hold: Hold | None = None,
    resolve: Callable[[idempotency.Uncertain], Awaitable[Answer]] | None = None,
) -> Answer:
    """Run ``work`` holding ``key`` (or just run it, without one)."""
    if key is None:
        return await work()
    claim = await idempotency.claim(
        runtime.engine, scope, key, fingerprint, ttl=dt.timedelta(hours=runtime.settings.idempotency_ttl_hours)
    )
    if isinstance(claim, idempotency.Replay):
        return Answer(claim.status_code, claim.response, replayed=True)
    if isinstance(claim, idempotency.InProgress):
        raise Conflict("A request with this Idempotency-Key is still being processed")
    if isinstance(claim, idempotency.Mismatch):
        raise ValidationFailed(
            "This Idempotency-Key was used with a different request",
            errors=[FieldError("Idempotency-Key", "already used with a different method, record or body")],
        )
    if isinstance(claim, idempotency.Uncertain):
        if resolve is None:  # only creates leave keys uncertain, and they resolve them
            raise Conflict("An earlier request with this Idempotency-Key has an unknown outcome")
        run: Callable[[], Awaitable[Answer]] = lambda: resolve(claim)  # noqa: E731
    else:
        run = work
    try:
        return await run()
    except BaseException:
        if hold is None or not hold.keep:
            await idempotency.release(runtime.engine, scope, key)
        raise
