"""Phone numbers ← the PrimaryPhone / Mobile / Fax / AlternatePhone of QBO Customers and Vendors (read only)."""

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.quickbooks.entities import EntityReader, each_of
from ledgerbridge.connectors.quickbooks.mapping import phone_number as mapping
from ledgerbridge.connectors.quickbooks.objects.contact import ENTITIES

READER = EntityReader(ENTITIES, each_of(mapping.to_unified))
DECLARATION = ObjectDeclaration("phone_number", list=READER.pages, fetch=READER.fetch, fetch_many=READER.fetch_many)
