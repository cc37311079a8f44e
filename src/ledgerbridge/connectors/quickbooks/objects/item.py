"""Items ← QBO Item (read only)."""

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import item as mapping

READER = EntityReader((Entity("Item", has_active=True),), each(mapping.to_unified))
DECLARATION = ObjectDeclaration("item", list=READER.pages, fetch=READER.fetch, fetch_many=READER.fetch_many)
