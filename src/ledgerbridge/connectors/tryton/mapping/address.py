"""Addresses: every Tryton ``party.address`` → a unified address. Pure.

Every address is listed, including the blank one Tryton gives each new party (invoices point at it). Tryton keeps
the street as one multi-line text: its first line is ``street_1``, the rest ``street_2``. ``type`` is BILLING for an
address flagged for invoices, else None. ``country_subdivision`` is the ISO code (``US-CA``), ``state`` the
subdivision's name.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key, nested, text
from ledgerbridge.unified.contact_details import Address

FIELDS = ["party", "street", "city", "postal_code", "country.code", "subdivision.code", "subdivision.name",
          "invoice", "create_date", "write_date"]


def to_unified(record: dict[str, Any], ref: RefFn) -> Address:
    lines = [line.strip() for line in (record.get("street") or "").splitlines() if line.strip()]
    return Address(
        type="BILLING" if record.get("invoice") else None,
        street_1=lines[0] if lines else None,
        street_2=", ".join(lines[1:]) or None,
        city=text(record.get("city")),
        state=nested(record, "subdivision.name"),
        country_subdivision=nested(record, "subdivision.code"),
        country=nested(record, "country.code"),
        zip=text(record.get("postal_code")),
        contact_id=ref("contact", key(MODELS["contact"], record.get("party"))),
    )
