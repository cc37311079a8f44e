"""Phone numbers: Tryton contact mechanisms of type phone (PRIMARY), mobile (MOBILE) and fax (FAX). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key, text
from ledgerbridge.unified.contact_details import PhoneNumber

FIELDS = ["party", "type", "value", "create_date", "write_date"]
TYPES = {"phone": "PRIMARY", "mobile": "MOBILE", "fax": "FAX"}


def to_unified(record: dict[str, Any], ref: RefFn) -> PhoneNumber:
    kind = record.get("type") or ""
    return PhoneNumber(
        number=text(record.get("value")),
        type=TYPES.get(kind, kind.upper() or None),
        contact_id=ref("contact", key(MODELS["contact"], record.get("party"))),
    )
