"""Credit notes at Xero: customer credits (``/CreditNotes`` of Type ACCRECCREDIT), read only."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.xero.collection import CUSTOMER_CREDITS
from ledgerbridge.connectors.xero.mapping import credit_note as mapping
from ledgerbridge.connectors.xero.reader import Reader, with_accounts

READER = Reader(CUSTOMER_CREDITS, with_accounts(mapping.to_unified, keep=mapping.is_customer_credit))

DECLARATION = ObjectDeclaration(name="credit_note", list=READER.pages, fetch=READER.fetch)
