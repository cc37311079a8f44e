"""A contact's ``Addresses``/``Phones`` → address and phone-number records (read only). Pure.

Xero keeps addresses and phones inside the contact (one per AddressType / PhoneType), so each becomes a record
keyed ``<ContactID>#<type>``: stable across syncs, and its ``contact_id`` always resolves. Xero sends empty
placeholders (``{"PhoneType": "FAX"}`` with no number) for every type; those are skipped.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import RefMaker, text
from ledgerbridge.unified.contact_details import Address, PhoneNumber

_ADDRESS_FIELDS = ("AddressLine1", "AddressLine2", "City", "Region", "PostalCode", "Country")


def addresses_to_unified(remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    contact_key = str(remote["ContactID"]).lower()
    contact = ctx.ref("contact", contact_key)
    found = []
    for addr in remote.get("Addresses") or []:
        kind = text(addr.get("AddressType"))
        if kind is None or not any(text(addr.get(f)) for f in _ADDRESS_FIELDS):
            continue
        address = Address(
            type=kind.upper(), street_1=text(addr.get("AddressLine1")), street_2=text(addr.get("AddressLine2")),
            city=text(addr.get("City")), state=text(addr.get("Region")),
            country_subdivision=text(addr.get("Region")), country=text(addr.get("Country")),
            zip=text(addr.get("PostalCode")), contact_id=contact,
        )
        key = f"{contact_key}#{kind.upper()}"
        found.append(RemoteRecord("address", key, key, address, addr, read_date(remote.get("UpdatedDateUTC"))))
    return found


def phones_to_unified(remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    contact_key = str(remote["ContactID"]).lower()
    contact = ctx.ref("contact", contact_key)
    found = []
    for phone in remote.get("Phones") or []:
        kind, number = text(phone.get("PhoneType")), text(phone.get("PhoneNumber"))
        if kind is None or number is None:
            continue
        # Xero splits the number in three; the unified number is the dialable whole.
        whole = " ".join(p for p in (text(phone.get("PhoneCountryCode")), text(phone.get("PhoneAreaCode")), number)
                         if p)
        key = f"{contact_key}#{kind.upper()}"
        data = PhoneNumber(number=whole, type="PRIMARY" if kind.upper() == "DEFAULT" else kind.upper(),
                           contact_id=contact)
        found.append(RemoteRecord("phone_number", key, key, data, phone, read_date(remote.get("UpdatedDateUTC"))))
    return found


def contact_of(remote_key: str) -> str:
    """The ContactID an address or phone record key belongs to."""
    return remote_key.partition("#")[0]

