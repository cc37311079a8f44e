"""Addresses at Xero: each non-empty entry of a contact's ``Addresses`` (``/Contacts``, paged), read only."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.xero.collection import CONTACTS
from ledgerbridge.connectors.xero.mapping import contact_details as mapping
from ledgerbridge.connectors.xero.reader import Reader, each

READER = Reader(CONTACTS, each(mapping.addresses_to_unified), holder=mapping.contact_of)

DECLARATION = ObjectDeclaration(name="address", list=READER.pages, fetch=READER.fetch)
