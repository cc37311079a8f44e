"""Credit notes at Moneybird: credit invoices among the sales invoices, read only."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.moneybird.mapping import credit_note as mapping
from ledgerbridge.connectors.moneybird.mapping.invoice import is_credit
from ledgerbridge.connectors.moneybird.reader import Reader, Resource

READER = Reader(Resource("sales_invoices", filter="state:all", sync=True, keep=is_credit), mapping.to_unified)

DECLARATION = ObjectDeclaration(name="credit_note", list=READER.pages, fetch=READER.fetch,
                                fetch_many=READER.fetch_many)
