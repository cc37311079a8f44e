"""Contacts ⇄ Xero Contact. One Xero contact is both customer and supplier; Xero derives ``IsCustomer`` and
``IsSupplier`` from the invoices entered against it (its docs call them read-only), so they are read, not sent."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date
from ledgerbridge.connectors.xero.mapping.common import RefMaker, text
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import Contact, ContactInput
from ledgerbridge.unified.status import RecordStatus

_STATUS = {"ACTIVE": RecordStatus.ACTIVE, "ARCHIVED": RecordStatus.ARCHIVED}


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    contact_id = str(remote["ContactID"]).lower()
    status = str(remote.get("ContactStatus") or "ACTIVE").upper()
    contact = Contact(
        name=text(remote.get("Name")),
        is_customer=remote.get("IsCustomer"),
        is_supplier=remote.get("IsSupplier"),
        email_address=text(remote.get("EmailAddress")),
        tax_number=text(remote.get("TaxNumber")),
        status=_STATUS.get(status),
        currency=text(remote.get("DefaultCurrency")),
    )
    return RemoteRecord(
        object="contact",
        remote_key=contact_id,
        remote_id=contact_id,
        data=contact,
        remote_data=remote,
        remote_updated_at=read_date(remote.get("UpdatedDateUTC")),
        # GDPRREQUEST: Xero erases the contact's details on request; the record is gone for our purposes.
        deleted=status == "GDPRREQUEST",
    )


def to_remote(body: ContactInput) -> dict[str, Any]:
    remote: dict[str, Any] = {"Name": body.name}
    if body.email_address:
        remote["EmailAddress"] = str(body.email_address)
    if body.tax_number:
        remote["TaxNumber"] = body.tax_number
    if body.status is not None:
        remote["ContactStatus"] = body.status.value
    if body.currency:
        remote["DefaultCurrency"] = body.currency
    return remote


def write_warnings(body: ContactInput) -> list[Warning_]:
    warnings: list[Warning_] = []
    for field in ("is_customer", "is_supplier"):
        if getattr(body, field) is not None:
            warnings.append(Warning_(field=field, message="Xero sets this itself from the invoices and bills "
                                     "entered against the contact; it was not sent"))
    if body.company_info_id is not None:
        warnings.append(Warning_(field="company_info_id", message="a Xero connection is one organisation; ignored"))
    if body.field_mappings:
        warnings.append(Warning_(field="field_mappings", message="custom field mappings are not sent to Xero"))
    return warnings
