"""Contacts ⇄ Sage ``contacts``. A Sage contact is a CUSTOMER, a VENDOR (supplier) or both (``contact_types``);
its email lives on its main contact person."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.sage.mapping.common import RefMaker, currency, stamp, text
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import Contact, ContactInput
from ledgerbridge.unified.status import RecordStatus


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(remote["id"])
    types = [str(t.get("id")) for t in remote.get("contact_types") or [] if isinstance(t, dict)]
    active = remote.get("is_active")
    contact = Contact(
        name=text(remote.get("name")) or text(remote.get("displayed_as")),
        is_customer="CUSTOMER" in types if types else None,
        is_supplier="VENDOR" in types if types else None,
        email_address=text(remote.get("email")) or text((remote.get("main_contact_person") or {}).get("email")),
        tax_number=text(remote.get("tax_number")),
        status=None if active is None else RecordStatus.ACTIVE if active else RecordStatus.ARCHIVED,
        currency=currency(remote),
    )
    return RemoteRecord(object="contact", remote_key=key, remote_id=key, data=contact, remote_data=remote,
                        remote_updated_at=stamp(remote.get("updated_at")), deleted=bool(remote.get("deleted_at")))


def contact_types(body: ContactInput) -> list[str]:
    """Sage needs at least one type: a contact neither customer nor supplier is taken as a customer."""
    types = (["CUSTOMER"] if body.is_customer else []) + (["VENDOR"] if body.is_supplier else [])
    return types or ["CUSTOMER"]


def to_remote(body: ContactInput, *, creating: bool = True) -> dict[str, Any]:
    remote: dict[str, Any] = {"name": body.name}
    if creating or body.is_customer is not None or body.is_supplier is not None:
        remote["contact_type_ids"] = contact_types(body)
    if body.tax_number:
        remote["tax_number"] = body.tax_number
    if body.currency:
        remote["currency_id"] = body.currency
    if body.email_address:
        remote["main_contact_person"] = {"name": body.name, "email": str(body.email_address)}
    return remote


def write_warnings(body: ContactInput) -> list[Warning_]:
    warnings: list[Warning_] = []
    if body.is_customer is None and body.is_supplier is None:
        warnings.append(Warning_(field="is_customer", message="Sage needs a contact type; created as a customer"))
    if body.status is not None:
        warnings.append(Warning_(field="status", message="Sage sets a contact's activity itself; not sent"))
    if body.company_info_id is not None:
        warnings.append(Warning_(field="company_info_id", message="a Sage connection is one business; ignored"))
    if body.field_mappings:
        warnings.append(Warning_(field="field_mappings", message="custom field mappings are not sent to Sage"))
    return warnings
