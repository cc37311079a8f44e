"""Vendor credits ← QBO VendorCredit (read only)."""

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import vendor_credit as mapping

READER = EntityReader((Entity("VendorCredit"),), each(mapping.to_unified), cdc=True)
DECLARATION = ObjectDeclaration("vendor_credit", list=READER.pages, fetch=READER.fetch,
                                fetch_many=READER.fetch_many, deleted=READER.deleted)
