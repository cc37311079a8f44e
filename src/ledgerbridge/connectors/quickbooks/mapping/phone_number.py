"""Phone numbers ← the PrimaryPhone / Mobile / Fax / AlternatePhone of QBO Customers and Vendors (read only). Pure.

A remote key is the contact's and the element's: ``Vendor/7#Mobile``.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, key, updated_at
from ledgerbridge.unified.contact_details import PhoneNumber

PHONES = {"PrimaryPhone": "PRIMARY", "Mobile": "MOBILE", "Fax": "FAX", "AlternatePhone": "ALTERNATE"}


def to_unified(entity: str, remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    contact = ctx.ref("contact", key(entity, str(remote["Id"])))
    found = []
    for element, kind in PHONES.items():
        number = (remote.get(element) or {}).get("FreeFormNumber")
        if not number:
            continue
        phone = PhoneNumber(number=number, type=kind, contact_id=contact)
        found.append(RemoteRecord("phone_number", f"{key(entity, str(remote['Id']))}#{element}",
                                  f"{remote['Id']}-{element}", phone, remote.get(element), updated_at(remote)))
    return found
