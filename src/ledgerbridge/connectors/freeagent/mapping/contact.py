"""Contacts ⇄ FreeAgent contacts. FreeAgent does not tell customers from suppliers: any contact can be invoiced
and billed, so both flags are true. Writes use the keys the collection's contact bodies have — ``first_name``,
``last_name``, ``email`` — so a unified name is split into a first and a last name (FreeAgent requires both when
there is no organisation name, which the contract has no key for)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import RefMaker, day, key_of, text
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.contact import Contact, ContactInput
from ledgerbridge.unified.status import RecordStatus

_STATUS = {"Active": RecordStatus.ACTIVE, "Hidden": RecordStatus.ARCHIVED}


def name_of(remote: dict[str, Any]) -> str | None:
    person = " ".join(p for p in (text(remote.get("first_name")), text(remote.get("last_name"))) if p)
    return text(remote.get("organisation_name")) or text(person)


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(key_of(remote["url"]))
    contact = Contact(
        name=name_of(remote),
        is_customer=True,
        is_supplier=True,
        email_address=text(remote.get("email")),
        tax_number=text(remote.get("sales_tax_registration_number")),
        status=_STATUS.get(str(remote.get("status") or "Active")),
    )
    return RemoteRecord(object="contact", remote_key=key, remote_id=key, data=contact, remote_data=remote,
                        remote_updated_at=day(remote.get("updated_at")))


def validate(body: ContactInput) -> list[FieldError]:
    if len(body.name.strip().split()) < 2:
        return [FieldError("name", "FreeAgent needs a first and a last name for a contact (the contract has no "
                                   "organisation name): give at least two words")]
    return []


def to_remote(body: ContactInput) -> dict[str, Any]:
    first, _, last = body.name.strip().rpartition(" ")
    remote: dict[str, Any] = {"first_name": first.strip(), "last_name": last}
    if body.email_address:
        remote["email"] = str(body.email_address)
    return remote
