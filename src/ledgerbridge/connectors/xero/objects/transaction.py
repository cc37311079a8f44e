"""Transactions at Xero: every ``/BankTransactions`` record (paged), read only."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.xero.collection import BANK_TRANSACTIONS
from ledgerbridge.connectors.xero.mapping import transaction as mapping
from ledgerbridge.connectors.xero.reader import Reader, with_accounts

READER = Reader(BANK_TRANSACTIONS, with_accounts(mapping.to_unified))

DECLARATION = ObjectDeclaration(name="transaction", list=READER.pages, fetch=READER.fetch)
