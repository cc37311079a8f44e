"""The sliding-window quota: when the next call may start, and refusing a caller who cannot wait that long."""

from __future__ import annotations

import pytest

from ledgerbridge.connectors.quota import WINDOW_MARGIN, NoSlot, Quota


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
