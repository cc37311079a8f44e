"""Dates on Pennylane's wire: ISO 8601 everywhere."""

from __future__ import annotations

import datetime as dt


def parse_datetime(value: str) -> dt.datetime:
    """An ISO 8601 date-time (``Z`` or an offset; a naive one is taken as UTC)."""
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)
