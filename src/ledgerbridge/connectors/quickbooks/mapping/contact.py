"""Contacts ⇄ QBO Customer and Vendor.

QBO keeps customers and vendors as two entities with separate id sequences, so one unified contact is one of
them: ``Customer/58`` (is_customer) or ``Vendor/58`` (is_supplier). A caller asking for both gets a Customer
and a warning (see :mod:`ledgerbridge.connectors.quickbooks.objects.contact`).
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, active, currency, key, updated_at
from ledgerbridge.unified.contact import Contact, ContactInput
from ledgerbridge.unified.status import RecordStatus

# Where each entity keeps its tax number (IntuitNamesTypes.xsd).
_TAX_NUMBER = {"Customer": "PrimaryTaxIdentifier", "Vendor": "TaxIdentifier"}


def entity_for(body: ContactInput) -> str:
    """Vendor only for a pure supplier; everything else (customer, both, neither) is a Customer."""
    return "Vendor" if body.is_supplier and not body.is_customer else "Customer"


def to_unified(entity: str, remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    remote_id = str(remote["Id"])
    email = (remote.get("PrimaryEmailAddr") or {}).get("Address")
    contact = Contact(
        name=remote.get("DisplayName") or remote.get("CompanyName") or remote.get("FullyQualifiedName"),
        is_customer=entity == "Customer",
        is_supplier=entity == "Vendor",
        email_address=email or None,
        # Vendor TaxIdentifier comes masked ("XXXXXX9875"): that is all QBO gives, so that is what we keep.
        tax_number=remote.get(_TAX_NUMBER[entity]) or None,
        status=RecordStatus.ACTIVE if active(remote) else RecordStatus.ARCHIVED,
        currency=currency(remote),
    )
    return RemoteRecord(
        object="contact",
        remote_key=key(entity, remote_id),
        remote_id=remote_id,
        data=contact,
        remote_data=remote,
        remote_updated_at=updated_at(remote),
    )


def to_remote(body: ContactInput) -> dict[str, Any]:
    """The create body for :func:`entity_for` (``DisplayName`` is unique across both: QBO says 6240)."""
    entity = entity_for(body)
    remote: dict[str, Any] = {"DisplayName": body.name}
    if body.email_address:
        remote["PrimaryEmailAddr"] = {"Address": str(body.email_address)}
    if body.currency:
        remote["CurrencyRef"] = {"value": body.currency}
    if body.tax_number:
        remote[_TAX_NUMBER[entity]] = body.tax_number
    if body.status is not None:
        remote["Active"] = body.status == RecordStatus.ACTIVE
    return remote
