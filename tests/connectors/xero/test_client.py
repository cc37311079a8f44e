"""Client helpers: idempotency keys and pacing from Xero's rate-limit headers."""

from __future__ import annotations

import time

import httpx

from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.pacing import LOW_WATER, Pacer


def test_idempotency_key_is_stable_per_step_and_within_xero_limit() -> None:
    assert idempotency_key("req-1", "invoice") == idempotency_key("req-1", "invoice")
    assert idempotency_key("req-1", "invoice") != idempotency_key("req-1", "payment")
    assert len(idempotency_key("x" * 500)) <= 128


def test_pacer_spaces_calls_only_when_the_minute_runs_low() -> None:
    pacer = Pacer()
    pacer.observe(httpx.Response(200, headers={"X-MinLimit-Remaining": "40", "X-AppMinLimit-Remaining": "9000"}))
    assert pacer.pause_until == 0.0
    pacer.observe(httpx.Response(200, headers={"X-MinLimit-Remaining": "0"}))
    assert pacer.pause_until - time.monotonic() > LOW_WATER - 1  # about one second per missing call


async def test_a_pacer_with_the_tenants_budget_hands_its_pause_to_the_budget() -> None:
    """The budget holds the pause, so a caller's write that cannot wait that long is refused, not slept."""
    import pytest

    from ledgerbridge.connectors.http import Budget
    from ledgerbridge.connectors.quota import NoSlot

    budget = Budget(per_minute=60, concurrent=5)
    pacer = Pacer(budget=budget)
    pacer.observe(httpx.Response(200, headers={"X-MinLimit-Remaining": "0"}))
    assert budget.not_before == pacer.pause_until > time.monotonic() + LOW_WATER - 1
    started = time.monotonic()
    await pacer.wait()  # the budget waits (or refuses) instead
    assert time.monotonic() - started < 0.5
    with pytest.raises(NoSlot) as refused:
        await budget.acquire(max_wait=1.0)
    assert refused.value.delay > LOW_WATER - 1
