"""Credit notes ← QBO CreditMemo (read only)."""

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import credit_note as mapping

READER = EntityReader((Entity("CreditMemo"),), each(mapping.to_unified), cdc=True)
DECLARATION = ObjectDeclaration("credit_note", list=READER.pages, fetch=READER.fetch, fetch_many=READER.fetch_many,
                                deleted=READER.deleted)
