"""Company info ← QBO CompanyInfo (read only)."""

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import company_info as mapping

READER = EntityReader((Entity("CompanyInfo"),), each(mapping.to_unified))
DECLARATION = ObjectDeclaration("company_info", list=READER.pages, fetch=READER.fetch,
                                fetch_many=READER.fetch_many)
