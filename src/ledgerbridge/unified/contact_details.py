"""Addresses and phone numbers: separate objects in Panora that point back at their contact (or the company).

Providers keep them inside the contact (QuickBooks ``BillAddr``/``PrimaryPhone``, Xero ``Addresses``/``Phones``);
the connectors split them out as read-only records keyed by contact and kind, so ``contact_id`` always resolves.
"""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel


class Address(UnifiedModel):
    type: str | None = Field(default=None, description="BILLING, SHIPPING, POSTAL, STREET or the provider's word.")
    street_1: str | None = None
    street_2: str | None = None
    city: str | None = None
    state: str | None = None
    country_subdivision: str | None = None
    country: str | None = None
    zip: str | None = None
    contact_id: UUID | None = None
    company_info_id: UUID | None = None


class AddressOutput(Address, RecordEnvelope):
    pass


class PhoneNumber(UnifiedModel):
    number: str | None = None
    type: str | None = Field(default=None, description="PRIMARY, MOBILE, FAX, DIRECT, DDI or the provider's word.")
    contact_id: UUID | None = None
    company_info_id: UUID | None = None


class PhoneNumberOutput(PhoneNumber, RecordEnvelope):
    pass
