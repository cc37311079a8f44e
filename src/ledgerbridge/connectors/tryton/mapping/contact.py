"""Contacts: Tryton ``party.party`` ⇄ the unified contact. Pure.

Tryton parties have no customer/supplier flag. A party is a customer when it has its own receivable account or a
customer invoice, a supplier when it has its own payable account or a supplier invoice; creating a contact with
``is_customer`` / ``is_supplier`` sets the party's receivable / payable account explicitly.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.unified.contact import Contact, ContactInput
from ledgerbridge.unified.status import RecordStatus

FIELDS = [
    "name", "code", "active", "tax_identifier", "identifiers", "identifiers.code", "contact_mechanisms",
    "contact_mechanisms.type", "contact_mechanisms.value", "account_receivable", "account_payable",
    "create_date", "write_date",
]


def to_unified(record: dict[str, Any], *, customer: bool, supplier: bool) -> Contact:
    emails = [m.get("value") for m in record.get("contact_mechanisms.") or [] if m.get("type") == "email"]
    codes = [i.get("code") for i in record.get("identifiers.") or [] if i.get("code")]
    tax_identifier = record.get("tax_identifier")
    tax_number = None
    if tax_identifier is not None:
        tax_number = next((i.get("code") for i in record.get("identifiers.") or [] if i["id"] == tax_identifier),
                          None)
    return Contact(
        name=record.get("name"),
        is_customer=customer or record.get("account_receivable") is not None,
        is_supplier=supplier or record.get("account_payable") is not None,
        email_address=emails[0] if emails else None,
        tax_number=tax_number or (codes[0] if codes else None),
        status=RecordStatus.ACTIVE if record.get("active", True) else RecordStatus.ARCHIVED,
    )


def to_remote(body: ContactInput, *, receivable: int | None, payable: int | None) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": body.name,
        # An RPC create gets no address (the clients add one); invoices require one.
        "addresses": [("create", [{}])],
    }
    if body.email_address:
        values["contact_mechanisms"] = [("create", [{"type": "email", "value": str(body.email_address)}])]
    if body.tax_number:
        values["identifiers"] = [("create", [{"code": body.tax_number}])]
    if body.is_customer and receivable is not None:
        values["account_receivable"] = receivable
    if body.is_supplier and payable is not None:
        values["account_payable"] = payable
    if body.status is RecordStatus.ARCHIVED:
        values["active"] = False
    return values

