"""The sliding-window quota: when the next call may start, and refusing a caller who cannot wait that long."""

from __future__ import annotations

import pytest

from ledgerbridge.connectors.quota import WINDOW_MARGIN, NoSlot, Quota
from ledgerbridge.errors import QuotaExhausted


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_calls_beyond_the_limit_start_when_the_oldest_in_the_window_is_a_window_old() -> None:
    clock = Clock()
    quota = Quota(limit=3, window=60.0, clock=clock)
    assert [quota.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert quota.reserve() == pytest.approx(60.0 + WINDOW_MARGIN)  # a 4th waits for the 1st to leave the window
    clock.now += 10
    assert quota.reserve() == pytest.approx(50.0 + WINDOW_MARGIN)  # and a 5th for the 2nd, not sooner


def test_a_caller_who_cannot_wait_is_told_when_and_takes_nothing() -> None:
    clock = Clock()
    quota = Quota(limit=2, window=10.0, clock=clock)
    quota.reserve()
    clock.now += 4
    quota.reserve()
    with pytest.raises(NoSlot) as refused:
        quota.reserve(max_wait=2.0)
    assert refused.value.delay == pytest.approx(6.0 + WINDOW_MARGIN)
    # Nothing was reserved by the refusal: the next caller gets the same slot.
    assert quota.reserve(max_wait=7.0) == pytest.approx(6.0 + WINDOW_MARGIN)


def test_reservations_are_first_come_first_served_and_the_window_rolls_on() -> None:
    clock = Clock()
    quota = Quota(limit=1, window=5.0, clock=clock)
    assert quota.reserve() == 0.0
    first = quota.reserve()
    second = quota.reserve()
    assert second > first  # a later caller never overtakes an earlier one
    clock.now += 100
    assert quota.reserve() == 0.0


@pytest.mark.parametrize("provider", ["moneybird", "pennylane"])
async def test_write_loops_that_wait_out_a_429_answer_a_quota_refusal_at_once(provider: str) -> None:
    """Moneybird's and Pennylane's clients send a write again after a 429; never after our own quota refusal,
    which must reach the caller within the write's wait (waiting it out here would hold the request)."""
    from ledgerbridge.connectors.moneybird.client import MoneybirdClient
    from ledgerbridge.connectors.pennylane.client import PennylaneClient
    from ledgerbridge.connectors.quota import exhausted

    calls = 0

    async def refused(*_args: object, **_kwargs: object) -> dict[str, object]:
        nonlocal calls
        calls += 1
        raise exhausted(provider, 30.0, reason="no room")

    cls = MoneybirdClient if provider == "moneybird" else PennylaneClient
    client = object.__new__(cls)
    client.send = refused  # type: ignore[method-assign]
    with pytest.raises(QuotaExhausted) as raised:
        if provider == "moneybird":
            await client.write("POST", "sales_invoices", body={})  # type: ignore[attr-defined]
        else:
            await client.post("customer_invoices", {})  # type: ignore[attr-defined]
    assert calls == 1 and raised.value.retry_after == 30
