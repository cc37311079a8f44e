"""Contacts ⇄ Pennylane customers (``/customers``: companies and individuals) and suppliers (``/suppliers``),
two tables with their own ids: the remote key says which (``customers/42``, ``suppliers/7``).

A contact is created as a company customer unless it is only a supplier. Pennylane requires a billing address on
a customer; our contact has none, so an empty French one is sent (Pennylane's default country).
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.pennylane.mapping.common import stamp, text
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import Contact, ContactInput
from ledgerbridge.unified.status import RecordStatus

CUSTOMERS, SUPPLIERS = "customers", "suppliers"
EMPTY_ADDRESS = {"address": "", "postal_code": "", "city": "", "country_alpha2": "FR"}


def to_unified(remote: dict[str, Any], path: str) -> RemoteRecord:
    supplier = path == SUPPLIERS
    emails = remote.get("emails") or []
    contact = Contact(
        name=text(remote.get("name")),
        is_customer=not supplier,
        is_supplier=supplier,
        email_address=text(emails[0]) if emails else None,
        tax_number=text(remote.get("vat_number")),
        status=RecordStatus.ACTIVE,
    )
    return RemoteRecord(object="contact", remote_key=f"{path}/{remote['id']}", remote_id=str(remote["id"]),
                        data=contact, remote_data=remote, remote_updated_at=stamp(remote.get("updated_at")))


def target(body: ContactInput) -> str:
    """Where a new contact goes: a supplier only when it is only a supplier."""
    return SUPPLIERS if body.is_supplier and not body.is_customer else CUSTOMERS


def to_remote(body: ContactInput, path: str, *, creating: bool, individual: bool = False) -> dict[str, Any]:
    remote: dict[str, Any] = {}
    if individual:
        first, _, last = body.name.rpartition(" ")
        remote.update({"first_name": first, "last_name": last})
    else:
        remote["name"] = body.name
    remote["emails"] = [str(body.email_address)] if body.email_address else []
    if body.tax_number:
        remote["vat_number"] = body.tax_number
    if creating and path == CUSTOMERS:
        remote["billing_address"] = dict(EMPTY_ADDRESS)
    return remote


def write_warnings(body: ContactInput, path: str) -> list[Warning_]:
    warnings: list[Warning_] = []
    if body.is_customer and body.is_supplier:
        warnings.append(Warning_(field="is_supplier", message="Pennylane keeps customers and suppliers apart; "
                                 "the contact was made a customer only"))
    if body.status == RecordStatus.ARCHIVED:
        warnings.append(Warning_(field="status", message="Pennylane has no archived customers or suppliers"))
    if body.currency:
        warnings.append(Warning_(field="currency", message="Pennylane keeps no currency on a customer or supplier"))
    if body.company_info_id is not None:
        warnings.append(Warning_(field="company_info_id", message="a Pennylane connection is one company; ignored"))
    if body.field_mappings:
        warnings.append(Warning_(field="field_mappings", message="custom field mappings are not sent to Pennylane"))
    return warnings
