"""Moneybird's list filters: ``filter=key:value,key:value`` with ``|`` between alternatives, and periods.

A filter replaces the defaults entirely (the spec: "Any filter you pass replaces the defaults below"); documents
default to ``period:this_year``. A draft without ``invoice_date`` matches a period only when it contains today.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from typing import Any

from .errors import bad_request
from .state import parse_iso

Predicate = Callable[[dict[str, Any]], bool]


def parse(text: str | None) -> dict[str, list[str]]:
    terms: dict[str, list[str]] = {}
    for term in (text or "").split(","):
        if not term.strip():
            continue
        key, sep, value = term.partition(":")
        if not sep:
            raise bad_request(f"Filter term '{term}' must be key:value", "filter")
        terms[key.strip()] = [v for v in value.split("|") if v != ""]
    return terms


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period(text: str, today: dt.date) -> tuple[dt.date, dt.date]:
    year, month = today.year, today.month
    quarter_start = 3 * ((month - 1) // 3) + 1
    named: dict[str, tuple[dt.date, dt.date]] = {
        "this_year": (dt.date(year, 1, 1), dt.date(year, 12, 31)),
        "prev_year": (dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31)),
        "next_year": (dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31)),
        "this_month": (dt.date(year, month, 1), _month_end(year, month)),
        "this_quarter": (dt.date(year, quarter_start, 1), _month_end(year, quarter_start + 2)),
        "this_week": (today - dt.timedelta(days=today.weekday()), today + dt.timedelta(days=6 - today.weekday())),
    }
    if text in named:
        return named[text]
    start_text, _, end_text = text.partition("..")
    end_text = end_text or start_text
    try:
        start = _edge(start_text, first=True)
        end = _edge(end_text, first=False)
    except ValueError as exc:
        raise bad_request("Period is not valid", "period", "invalid") from exc
    if end < start:
        raise bad_request("Period must have an end after its start", "period", "invalid")
    return start, end


def _edge(text: str, *, first: bool) -> dt.date:
    if len(text) == 8:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        year, month = int(text[:4]), int(text[4:])
        return dt.date(year, month, 1) if first else _month_end(year, month)
    raise ValueError(text)


def document_predicate(terms: dict[str, list[str]], *, date_field: str, today: dt.date,
                       state_of: Callable[[dict[str, Any]], str], states: tuple[str, ...]) -> Predicate:
    """The test a sales or purchase invoice (or journal document) must pass to be listed."""
    checks: list[Predicate] = []
    if "period" in terms:
        start, end = period(terms["period"][0] if terms["period"] else "this_year", today)

        def in_period(doc: dict[str, Any]) -> bool:
            when = doc.get(date_field)
            day = dt.date.fromisoformat(when) if when else today
            return start <= day <= end

        checks.append(in_period)
    wanted = [s for s in terms.get("state", []) if s != "all"]
    for state in wanted:
        if state not in states:
            raise bad_request("Status is not included in the list", "state", "inclusion")
    if wanted:
        checks.append(lambda doc: state_of(doc) in wanted)
    for key in ("contact_id", "reference"):
        if key in terms:
            checks.append(_equals(key, terms[key]))
    for key in ("updated_after", "created_after"):
        if key in terms:
            try:
                after = parse_iso(terms[key][0])
            except (ValueError, IndexError) as exc:
                raise bad_request(f"{key} is not a valid time", key, "invalid") from exc
            checks.append(_after(key.replace("_after", "_at"), after))
    return lambda doc: all(check(doc) for check in checks)


def _equals(field: str, values: list[str]) -> Predicate:
    return lambda doc: str(doc.get(field)) in values


def _after(field: str, after: float) -> Predicate:
    return lambda doc: parse_iso(doc[field]) > after
