"""Tracking categories ← QBO Class and Department (read only)."""

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each_of
from ledgerbridge.connectors.quickbooks.mapping import tracking_category as mapping

READER = EntityReader((Entity("Class", has_active=True), Entity("Department", has_active=True)),
                      each_of(mapping.to_unified))
DECLARATION = ObjectDeclaration("tracking_category", list=READER.pages, fetch=READER.fetch,
                                fetch_many=READER.fetch_many)
