"""The company at Business Central: ``companyInformation`` (read)."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.business_central.mapping import company_info as mapping
from ledgerbridge.connectors.business_central.reader import Reader

READER = Reader(("companyInformation",), mapping.to_unified)

DECLARATION = ObjectDeclaration(name="company_info", list=READER.pages, fetch=READER.fetch)
