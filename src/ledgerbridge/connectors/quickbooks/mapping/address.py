"""Addresses ← the BillAddr / ShipAddr of QBO Customers and Vendors, one record each (read only). Pure.

A remote key is the contact's and the element's: ``Customer/58#BillAddr``.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, key, updated_at
from ledgerbridge.unified.contact_details import Address

ADDRESSES = {"BillAddr": "BILLING", "ShipAddr": "SHIPPING"}


def to_unified(entity: str, remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    contact = ctx.ref("contact", key(entity, str(remote["Id"])))
    found = []
    for element, kind in ADDRESSES.items():
        addr = remote.get(element)
        if not isinstance(addr, dict) or not any(addr.get(k) for k in ("Line1", "City", "PostalCode")):
            continue
        address = Address(
            type=kind, street_1=addr.get("Line1"), street_2=addr.get("Line2"), city=addr.get("City"),
            state=addr.get("CountrySubDivisionCode"), country_subdivision=addr.get("CountrySubDivisionCode"),
            country=addr.get("Country"), zip=addr.get("PostalCode"), contact_id=contact,
        )
        remote_id = str(addr.get("Id") or f"{remote['Id']}-{element}")
        found.append(RemoteRecord("address", f"{key(entity, str(remote['Id']))}#{element}", remote_id, address,
                                  addr, updated_at(remote)))
    return found
