"""Company info at Xero: ``/Organisation`` (one organisation per connection), read only."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.xero.collection import ORGANISATION
from ledgerbridge.connectors.xero.mapping import company_info as mapping
from ledgerbridge.connectors.xero.reader import Reader, each


def the_organisation(remote_key: str) -> None:
    """``GET /Organisation`` takes no id: the organisation is read and checked to be the one asked for."""
    return None


READER = Reader(ORGANISATION, each(mapping.to_unified), holder=the_organisation)

DECLARATION = ObjectDeclaration(name="company_info", list=READER.pages, fetch=READER.fetch)
