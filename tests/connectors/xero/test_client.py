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
