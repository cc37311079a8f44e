"""Embedded mode's view of the queue, for the metrics (the worker itself lives in :mod:`.queue`)."""

from __future__ import annotations

from ledgerbridge.jobs.queue import _JOBS


def depth() -> dict[str, int]:
    totals: dict[str, int] = {}
    for jobs in list(_JOBS.values()):
        for queue, count in jobs.depth().items():
            totals[queue] = totals.get(queue, 0) + count
    return totals
