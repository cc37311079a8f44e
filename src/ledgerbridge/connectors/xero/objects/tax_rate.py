"""Tax rates at Xero: ``/TaxRates`` (one call), read only, keyed by TaxType."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.xero.collection import TAX_RATES
from ledgerbridge.connectors.xero.mapping import tax_rate as mapping
from ledgerbridge.connectors.xero.reader import Reader, each

READER = Reader(TAX_RATES, each(mapping.to_unified))

DECLARATION = ObjectDeclaration(name="tax_rate", list=READER.pages, fetch=READER.fetch)
