"""Sage's settings lists and read-only transactions: accounts, items, tax rates, tracking (analysis type
categories), payments, credit notes, journals. Each is a reader over its collection; accounts and journals
are written in :mod:`.writes`."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.sage.mapping import reference, transactions
from ledgerbridge.connectors.sage.reader import Reader

ACCOUNTS = Reader("ledger_accounts", reference.account_to_unified, deleted_since=False)
ITEMS = Reader("products", reference.item_to_unified)
TAX_RATES = Reader("tax_rates", reference.tax_rate_to_unified, deleted_since=False)
PAYMENTS = Reader("contact_payments", transactions.payment_to_unified)
CREDIT_NOTES = Reader("sales_credit_notes", transactions.credit_note_to_unified)
TRACKING = Reader("analysis_type_categories", reference.tracking_to_unified, deleted_since=False)
JOURNALS = Reader("journals", transactions.journal_to_unified)

ITEM = ObjectDeclaration(name="item", list=ITEMS.pages, deleted=ITEMS.deleted, fetch=ITEMS.fetch)
TAX_RATE = ObjectDeclaration(name="tax_rate", list=TAX_RATES.pages, fetch=TAX_RATES.fetch)
CREDIT_NOTE = ObjectDeclaration(name="credit_note", list=CREDIT_NOTES.pages, deleted=CREDIT_NOTES.deleted,
                                fetch=CREDIT_NOTES.fetch)
TRACKING_CATEGORY = ObjectDeclaration(name="tracking_category", list=TRACKING.pages, fetch=TRACKING.fetch)
