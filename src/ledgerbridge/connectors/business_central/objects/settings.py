"""The reference objects Business Central's v1.0 API serves read-only to this connector: accounts (read-only in
v1.0 itself), items, tax rates (tax groups), company information and credit notes (sales credit memos)."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.business_central.mapping import settings as mapping
from ledgerbridge.connectors.business_central.reader import Reader

ACCOUNT = Reader(("accounts",), mapping.account)
ITEM = Reader(("items",), mapping.item)
TAX_RATE = Reader(("taxGroups",), mapping.tax_rate)
COMPANY_INFO = Reader(("companyInformation",), mapping.company_info)
CREDIT_NOTE = Reader(("salesCreditMemos",), mapping.credit_note, expand={"salesCreditMemos": "salesCreditMemoLines"})

ACCOUNT_DECLARATION = ObjectDeclaration(name="account", list=ACCOUNT.pages, fetch=ACCOUNT.fetch)
ITEM_DECLARATION = ObjectDeclaration(name="item", list=ITEM.pages, fetch=ITEM.fetch)
TAX_RATE_DECLARATION = ObjectDeclaration(name="tax_rate", list=TAX_RATE.pages, fetch=TAX_RATE.fetch)
COMPANY_INFO_DECLARATION = ObjectDeclaration(name="company_info", list=COMPANY_INFO.pages, fetch=COMPANY_INFO.fetch)
CREDIT_NOTE_DECLARATION = ObjectDeclaration(name="credit_note", list=CREDIT_NOTE.pages, fetch=CREDIT_NOTE.fetch)
