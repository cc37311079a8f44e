"""Vendor credits at Xero: supplier credits (``/CreditNotes`` of Type ACCPAYCREDIT), read only."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.xero.collection import SUPPLIER_CREDITS
from ledgerbridge.connectors.xero.mapping import vendor_credit as mapping
from ledgerbridge.connectors.xero.reader import Reader, with_accounts

READER = Reader(SUPPLIER_CREDITS, with_accounts(mapping.to_unified, keep=mapping.is_vendor_credit))

DECLARATION = ObjectDeclaration(name="vendor_credit", list=READER.pages, fetch=READER.fetch)
