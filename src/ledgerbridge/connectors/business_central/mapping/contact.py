"""Contacts ⇄ Business Central ``customers`` and ``vendors``: two entity sets, so a contact is one or the other
(its remote key says which: ``customers/{id}``, ``vendors/{id}``). A contact sent as both customer and supplier
is created as a customer, with a warning. ``blocked`` other than blank (``Ship``, ``Invoice``, ``All``) is an
archived contact."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, id_of, read_date, text
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import Contact, ContactInput
from ledgerbridge.unified.status import RecordStatus

CUSTOMERS, VENDORS = "customers", "vendors"


def entity_set_of(body: ContactInput) -> str:
    return VENDORS if body.is_supplier and not body.is_customer else CUSTOMERS


def to_unified(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    ident = id_of(row)
    contact = Contact(
        name=text(row.get("displayName")),
        is_customer=entity_set == CUSTOMERS,
        is_supplier=entity_set == VENDORS,
        email_address=text(row.get("email")),
        tax_number=text(row.get("taxRegistrationNumber")),
        status=RecordStatus.ACTIVE if text(row.get("blocked")) is None else RecordStatus.ARCHIVED,
        currency=text(row.get("currencyCode")),
    )
    return RemoteRecord(object="contact", remote_key=f"{entity_set}/{ident}", remote_id=ident, data=contact,
                        remote_data=row, remote_updated_at=read_date(row.get("lastModifiedDateTime")))


def to_remote(body: ContactInput) -> dict[str, Any]:
    remote: dict[str, Any] = {"displayName": body.name[:100]}
    if body.email_address:
        remote["email"] = str(body.email_address)
    if body.tax_number:
        remote["taxRegistrationNumber"] = body.tax_number
    if body.currency:
        remote["currencyCode"] = body.currency
    if body.status is not None:
        remote["blocked"] = " " if body.status == RecordStatus.ACTIVE else "All"
    return remote


def write_warnings(body: ContactInput, entity_set: str) -> list[Warning_]:
    warnings: list[Warning_] = []
    if body.is_customer and body.is_supplier:
        warnings.append(Warning_(field="is_supplier", message="Business Central keeps customers and vendors "
                                 "apart; the contact was created as a customer"))
    if body.company_info_id is not None:
        warnings.append(Warning_(field="company_info_id", message="a connection is one company; ignored"))
    if body.field_mappings:
        warnings.append(Warning_(field="field_mappings", message="custom field mappings are not sent"))
    if len(body.name) > 100:
        warnings.append(Warning_(field="name", message="Business Central keeps 100 characters; the name was cut"))
    return warnings
