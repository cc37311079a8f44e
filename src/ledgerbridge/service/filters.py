"""List filters: the generic ones every object has, and the per-object ones its model's fields allow.

Per-object filters are declared by the model, not by hand: an object whose unified model has ``status``,
``type``, ``contact_id`` or ``issue_date`` can be filtered on it, because the store extracts those fields into
indexed columns on every upsert (:data:`ledgerbridge.store.records.FILTER_COLUMNS`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True)
class FieldFilter:
    param: str  # the query parameter
    field: str  # the unified field it reads
    column: str  # the store column it compares
    description: str
    range_: str | None = None  # "after" (>=) or "before" (<) for date ranges; None for equality


_CANDIDATES = (
    FieldFilter("status", "status", "status", "Only records with this status."),
    FieldFilter("type", "type", "kind", "Only records of this type."),
    FieldFilter("contact_id", "contact_id", "contact_id", "Only records of this contact (its Ledgerbridge id)."),
    FieldFilter("issue_date_after", "issue_date", "issued_at", "Only records issued at or after this.", "after"),
    FieldFilter("issue_date_before", "issue_date", "issued_at", "Only records issued before this.", "before"),
)


def for_model(model: type[BaseModel]) -> tuple[FieldFilter, ...]:
    return tuple(f for f in _CANDIDATES if f.field in model.model_fields)


def annotation(model: type[BaseModel], filter_: FieldFilter) -> Any:
    """The query parameter's type: the model field's own (so enums and their aliases validate the same way)."""
    if filter_.range_ is not None:
        return dt.datetime | None
    return model.model_fields[filter_.field].annotation


_EARLIEST = dt.datetime.min.replace(tzinfo=dt.UTC)
_LATEST = dt.datetime.max.replace(tzinfo=dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    """In UTC (naive means UTC). A time at the ends of the calendar whose UTC instant falls outside it (say
    ``9999-12-31T23:59:59-14:00``) becomes the calendar's first or last instant: no stored record lies beyond
    either, so every comparison filter answers the same."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    try:
        return value.astimezone(dt.UTC)
    except OverflowError:
        return _LATEST if value.year == dt.MAXYEAR else _EARLIEST


@dataclass(frozen=True)
class Filters:
    remote_id: str | None = None
    modified_after: dt.datetime | None = None
    created_after: dt.datetime | None = None
    include_deleted: bool = False
    equal: dict[str, str] = field(default_factory=dict)
    issued_after: dt.datetime | None = None
    issued_before: dt.datetime | None = None

    @classmethod
    def build(cls, model: type[BaseModel], values: dict[str, Any], **generic: Any) -> Filters:
        equal: dict[str, str] = {}
        issued: dict[str, dt.datetime] = {}
        for f in for_model(model):
            value = values.get(f.param)
            if value is None:
                continue
            if f.range_ is not None:
                issued[f.range_] = _utc(value)
            else:
                equal[f.column] = str(getattr(value, "value", value))
        for name in ("modified_after", "created_after"):
            if generic.get(name) is not None:
                generic[name] = _utc(generic[name])
        return cls(equal=equal, issued_after=issued.get("after"), issued_before=issued.get("before"), **generic)
