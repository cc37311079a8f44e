"""Contacts: customers and suppliers (QuickBooks Customer and Vendor, Xero Contact, Tryton party)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import EmailStr, Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_
from ledgerbridge.unified.status import RecordStatusField
from ledgerbridge.unified.types import CurrencyCode


class ContactFields(UnifiedModel):
    name: str | None = None
    is_supplier: bool | None = None
    is_customer: bool | None = None
    email_address: str | None = None
    tax_number: str | None = None
    status: RecordStatusField | None = None
    currency: CurrencyCode | None = None
    company_info_id: UUID | None = None


class ContactInput(ContactFields):
    name: str = Field(min_length=1, max_length=500)
    email_address: EmailStr | None = None
    field_mappings: dict[str, Any] = Field(default_factory=dict)


class Contact(ContactFields):
    pass


class ContactOutput(Contact, RecordEnvelope):
    warnings: list[Warning_] | None = None
