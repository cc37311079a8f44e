"""The Pennylane connector: the objects it serves, each declared in :mod:`.objects`, run by the connector template.

:mod:`.client` talks HTTP (bearer token, cursor paging, change feeds, pacing), :mod:`.errors` classifies
Pennylane's answers, :mod:`.reader` reads lists and change feeds, :mod:`.mapping` turns Pennylane records into
unified ones and back without I/O.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Connector, declarations
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.pennylane.client import PAGE_SIZE, PennylaneClient
from ledgerbridge.connectors.pennylane.errors import PROVIDER
from ledgerbridge.connectors.pennylane.objects import (
    account,
    company_info,
    contact,
    credit_note,
    invoice,
    item,
    journal_entry,
    tax_rate,
    tracking_category,
)


class PennylaneConnector(Connector):
    provider = PROVIDER
    objects = declarations(
        invoice.DECLARATION,
        contact.DECLARATION,
        account.DECLARATION,
        item.DECLARATION,
        tax_rate.DECLARATION,
        tracking_category.DECLARATION,
        company_info.DECLARATION,
        credit_note.DECLARATION,
        journal_entry.DECLARATION,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = PennylaneClient(context, http)

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        """Pennylane has no conditional write; the record's ``updated_at`` is compared before writing instead."""
        stamp = (remote_data or {}).get("updated_at")
        return None if stamp is None else str(stamp)
