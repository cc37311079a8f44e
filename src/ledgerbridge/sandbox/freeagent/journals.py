"""Journal sets: manual journals, each a dated set of journal entries booked to categories.

A ``debit_value`` is signed as in the collection's example (``-123.45`` on one category, ``123.45`` on another):
positive debits, negative credits. The entries of a set must balance (sum to zero), name categories the company
has, and be at least two. Sets are listed by ``from_date``/``to_date``/``tag`` (the collection's filters).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .errors import invalid, not_found
from .state import Store, money, relative
from .values import date, decimal


def create(store: Store, company: str, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise invalid("Journal set can't be blank")
    dated = date(body.get("dated_on"), "dated on")
    if not body.get("description"):
        raise invalid("Description can't be blank")
    raw = body.get("journal_entries")
    if not isinstance(raw, list) or len(raw) < 2:
        raise invalid("A journal set needs at least two journal entries")
    entries = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise invalid("Journal entries must be objects")
        category = relative(entry.get("category"))
        if category is None or store.get(company, "categories", category.rsplit("/", 1)[-1]) is None:
            raise invalid(f"Category {entry.get('category')} does not exist")
        value = decimal(entry.get("debit_value"), "debit value")
        if value == 0:
            raise invalid("Debit value must not be zero")
        entries.append({"category": category, "description": str(entry.get("description") or ""),
                        "debit_value": money(value)})
    if sum((Decimal(e["debit_value"]) for e in entries), Decimal(0)) != 0:
        raise invalid("Journal entries must balance: debits and credits differ")
    with store.lock:
        for entry in entries:
            entry["url"] = f"/v2/journal_entries/{store.next_id(company, 'journal_entries')}"
        key = str(store.next_id(company, "journal_sets"))
        record = {"url": f"/v2/journal_sets/{key}", "dated_on": dated.isoformat(), "description": body["description"],
                  "tag": body.get("tag"), "journal_entries": entries}
        return store.put(company, "journal_sets", key, record)


def delete(store: Store, company: str, key: str) -> None:
    with store.lock:
        if store.get(company, "journal_sets", key) is None:
            raise not_found()
        store.delete(company, "journal_sets", key)
