"""A contact's ``Addresses``/``Phones`` → address and phone-number records (read only). Pure.

Xero keeps addresses and phones inside the contact (one per AddressType / PhoneType), so each becomes a record
keyed ``<ContactID>#<type>``: stable across syncs, and its ``contact_id`` always resolves. Xero sends empty
placeholders (``{"PhoneType": "FAX"}`` with no number) for every type; those are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import RefMaker, text
from ledgerbridge.unified.contact_details import Address, PhoneNumber

_ADDRESS_FIELDS = ("AddressLine1", "AddressLine2", "City", "Region", "PostalCode", "Country")


def _entries(remote: dict[str, Any], ctx: RefMaker, list_name: str, type_field: str, object_name: str,
             to_data: Callable[[dict[str, Any], str, UUID | None], BaseModel | None]) -> list[RemoteRecord]:
    """A record for each entry of the contact's ``list_name`` that has a type and is not an empty placeholder
    (``to_data`` gives None), keyed ``<ContactID>#<TYPE>``."""
    contact_key = str(remote["ContactID"]).lower()
    contact = ctx.ref("contact", contact_key)
    found = []
    for entry in remote.get(list_name) or []:
        kind = (text(entry.get(type_field)) or "").upper()
        if kind and (data := to_data(entry, kind, contact)) is not None:
            key = f"{contact_key}#{kind}"
            found.append(RemoteRecord(object_name, key, key, data, entry, read_date(remote.get("UpdatedDateUTC"))))
    return found


def _address(addr: dict[str, Any], kind: str, contact: UUID | None) -> Address | None:
    if not any(text(addr.get(f)) for f in _ADDRESS_FIELDS):
        return None
    return Address(
        type=kind, street_1=text(addr.get("AddressLine1")), street_2=text(addr.get("AddressLine2")),
        city=text(addr.get("City")), state=text(addr.get("Region")),
        country_subdivision=text(addr.get("Region")), country=text(addr.get("Country")),
        zip=text(addr.get("PostalCode")), contact_id=contact,
    )


def _phone(phone: dict[str, Any], kind: str, contact: UUID | None) -> PhoneNumber | None:
    if (number := text(phone.get("PhoneNumber"))) is None:
        return None
    # Xero splits the number in three; the unified number is the dialable whole.
    whole = " ".join(p for p in (text(phone.get("PhoneCountryCode")), text(phone.get("PhoneAreaCode")), number) if p)
    return PhoneNumber(number=whole, type="PRIMARY" if kind == "DEFAULT" else kind, contact_id=contact)


def addresses_to_unified(remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    return _entries(remote, ctx, "Addresses", "AddressType", "address", _address)


def phones_to_unified(remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    return _entries(remote, ctx, "Phones", "PhoneType", "phone_number", _phone)


def contact_of(remote_key: str) -> str:
    """The ContactID an address or phone record key belongs to."""
    return remote_key.partition("#")[0]

