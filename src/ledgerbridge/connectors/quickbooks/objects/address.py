"""Addresses ← the BillAddr / ShipAddr of QBO Customers and Vendors (read only)."""

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.quickbooks.entities import EntityReader, each_of
from ledgerbridge.connectors.quickbooks.mapping import address as mapping
from ledgerbridge.connectors.quickbooks.objects.contact import ENTITIES

READER = EntityReader(ENTITIES, each_of(mapping.to_unified))
DECLARATION = ObjectDeclaration("address", list=READER.pages, fetch=READER.fetch, fetch_many=READER.fetch_many)
