"""A partial update (PATCH body) applied to a stored record, giving the whole record as an input body.

Rules, so the result is predictable:

- a field in the patch replaces the stored one; a field left out keeps its stored value;
- figures the provider computes (totals, balance, paid date, payment status) are not carried over from the
  stored record: the provider recomputes them, and a stale figure would only contradict the new lines;
- ``line_items``, when present, is the new list of lines, in order. A line with the ``id`` of a stored line is
  that line with the patch's fields over it; a line without ``id`` is new; stored lines not listed are removed.
  A line that changes quantity or unit_price without a total drops the stored total (the provider recomputes
  it); one that changes the total without quantity and unit_price drops those. New figures never disagree
  with old ones.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.errors import FieldError

# Per object: fields the provider derives, never carried from the stored copy into an update.
DERIVED: dict[str, frozenset[str]] = {
    "invoice": frozenset({"sub_total", "total_tax_amount", "total_amount", "balance", "paid_on_date", "status"}),
}
_PER_UNIT = ("quantity", "unit_price")
_TOTAL = ("total_amount", "value")


def merge(object_name: str, stored: dict[str, Any], patch: dict[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    derived = DERIVED.get(object_name, frozenset())
    merged = {k: v for k, v in stored.items() if k not in derived}
    merged.update({k: v for k, v in patch.items() if k != "line_items"})
    errors: list[FieldError] = []
    if "line_items" in patch:
        lines = patch["line_items"]
        if isinstance(lines, list):
            merged["line_items"], errors = _lines(stored.get("line_items") or [], lines)
        else:
            merged["line_items"] = lines  # not a list: validation names it
    return merged, errors


def _lines(stored: list[dict[str, Any]], patch: list[Any]) -> tuple[list[Any], list[FieldError]]:
    by_id = {str(line.get("id")): line for line in stored if isinstance(line, dict) and line.get("id")}
    lines: list[Any] = []
    errors: list[FieldError] = []
    for index, line in enumerate(patch):
        if not isinstance(line, dict) or line.get("id") is None:
            lines.append(line)
            continue
        base = by_id.get(str(line["id"]))
        if base is None:
            errors.append(
                FieldError(f"line_items[{index}].id", "no line with this id on this record; leave id out to add a line")
            )
            lines.append(line)  # still validated as a new line, so its other problems are reported too
            continue
        lines.append({**_drop_stale_figures(base, line), **line})
    return lines, errors


def _drop_stale_figures(base: dict[str, Any], line: dict[str, Any]) -> dict[str, Any]:
    per_unit = any(name in line for name in _PER_UNIT)
    total = any(name in line for name in _TOTAL)
    if per_unit and not total:
        return {k: v for k, v in base.items() if k not in _TOTAL}
    if total and not per_unit:
        return {k: v for k, v in base.items() if k not in _PER_UNIT}
    return base
