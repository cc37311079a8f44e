"""Unified ⇄ Tryton, as pure functions, one module per object: records in, models or payloads out. No I/O.

Remote keys are ``<tryton model>/<id>`` (``account.invoice/5``); the unified ``remote_id`` is the bare id ("5").
Tryton dates are days; unified dates are instants, so a Tryton date reads as that day at 00:00 UTC and a unified
instant is written as its UTC day. A dotted read (``currency.code``) comes back nested under ``"currency."``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any
from uuid import UUID

RefFn = Callable[[str, str | None], UUID | None]
"""``ConnectionContext.ref``: (unified object, remote key) → Ledgerbridge id."""

# The Tryton model behind each unified object (credit notes and vendor credits are invoices with a negative total).
MODELS = {
    "invoice": "account.invoice",
    "credit_note": "account.invoice",
    "vendor_credit": "account.invoice",
    "contact": "party.party",
    "account": "account.account",
    "item": "product.product",
    "tax_rate": "account.tax",
    "company_info": "company.company",
    "address": "party.address",
    "phone_number": "party.contact_mechanism",
    "journal_entry": "account.move",
    "payment": "account.move.line",
    "attachment": "ir.attachment",
}


def key(model: str, record_id: int | None) -> str | None:
    return None if record_id is None else f"{model}/{record_id}"


def parse_key(remote_key: str, model: str) -> int | None:
    """The id in ``<model>/<id>`` (a bare id is accepted too); None when it is not one of ``model``'s keys."""
    prefix, _, raw = remote_key.rpartition("/")
    if prefix not in ("", model) or not raw.isdigit():
        return None
    return int(raw)


def to_int(remote_id: str | None) -> int | None:
    """A resolved reference's Tryton id (None when absent or not an id)."""
    return int(remote_id) if remote_id is not None and remote_id.isdigit() else None


def to_instant(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    if isinstance(day, dt.datetime):
        return day.astimezone(dt.UTC)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def to_day(instant: dt.datetime | None) -> dt.date | None:
    return None if instant is None else instant.astimezone(dt.UTC).date()


def updated_at(*stamps: dt.datetime | None) -> dt.datetime | None:
    present = [s for s in stamps if s is not None]
    return max(present) if present else None


def stamp(value: Any) -> str | None:
    """``write_date`` as one string whatever its form (a datetime from RPC, ISO text from the store)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat()
    return str(value)


def nested(record: dict[str, Any], name: str) -> Any:
    """A dotted read: ``company.currency.code`` from ``{"company.": {"currency.": {"code": …}}}``; through a
    one-to-many (``lines_to_pay.maturity_date``) the list of its values."""
    node: Any = record
    *heads, last = name.split(".")
    for head in heads:
        node = node.get(head + ".") if isinstance(node, dict) else None
    if isinstance(node, list):
        return [item.get(last) for item in node if isinstance(item, dict)]
    return node.get(last) if isinstance(node, dict) else None


def text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def chunks(ids: Iterable[int], size: int) -> Iterable[list[int]]:
    batch: list[int] = []
    for record_id in ids:
        batch.append(record_id)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
