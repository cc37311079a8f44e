"""Contacts ⇄ Moneybird contacts.

A Moneybird contact is one record for customers and suppliers alike, so every contact is both ``is_customer``
and ``is_supplier``. ``name`` ⇄ ``company_name`` (read: the company, else first and last name);
``email_address`` ⇄ ``send_invoices_to_email``; ``tax_number`` ⇄ ``tax_number``; ``status`` ARCHIVED ⇄
``archived``. Moneybird keeps no currency on a contact.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.moneybird.mapping.common import RefMaker, read_date, text
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import Contact, ContactInput
from ledgerbridge.unified.status import RecordStatus


def display_name(row: dict[str, Any]) -> str | None:
    person = " ".join(p for p in (text(row.get("firstname")), text(row.get("lastname"))) if p)
    return text(row.get("company_name")) or text(person)


def to_unified(row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    contact = Contact(
        name=display_name(row),
        is_customer=True,
        is_supplier=True,
        email_address=text(row.get("send_invoices_to_email")) or text(row.get("email")),
        tax_number=text(row.get("tax_number")),
        status=RecordStatus.ARCHIVED if row.get("archived") else RecordStatus.ACTIVE,
    )
    return RemoteRecord(object="contact", remote_key=str(row["id"]), remote_id=str(row["id"]), data=contact,
                        remote_data=row, remote_updated_at=read_date(row.get("updated_at")))


def to_remote(body: ContactInput) -> dict[str, Any]:
    attrs: dict[str, Any] = {"company_name": body.name}
    if body.email_address is not None:
        attrs["send_invoices_to_email"] = str(body.email_address)
    if body.tax_number is not None:
        attrs["tax_number"] = body.tax_number
    return attrs


def write_warnings(body: ContactInput) -> list[Warning_]:
    warnings = []
    if body.currency is not None:
        warnings.append(Warning_(field="currency", message="Moneybird keeps no currency on a contact; not sent"))
    if body.status == RecordStatus.ARCHIVED:
        warnings.append(Warning_(field="status", message="Moneybird archives a contact only by deleting it; "
                                                         "not sent"))
    if body.field_mappings:
        warnings.append(Warning_(field="field_mappings", message="custom field mappings are not sent to Moneybird"))
    return warnings
