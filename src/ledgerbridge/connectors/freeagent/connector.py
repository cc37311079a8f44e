"""The FreeAgent connector: the objects it serves, each declared in :mod:`.objects`, run by the connector template.

:mod:`.client` talks HTTP (bearer token, paging by ``Link``, envelopes), :mod:`.errors` classifies FreeAgent's
answers, :mod:`.reader` reads a collection, :mod:`.mapping` turns FreeAgent resources into unified records and back
without I/O. FreeAgent's version of a record is its ``updated_at``.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Connector, declarations
from ledgerbridge.connectors.freeagent.client import PAGE_SIZE, FreeAgentClient
from ledgerbridge.connectors.freeagent.errors import PROVIDER
from ledgerbridge.connectors.freeagent.objects import (
    account,
    company_info,
    contact,
    credit_note,
    invoice,
    item,
    journal_entry,
    payment,
    tax_rate,
    tracking_category,
)
from ledgerbridge.connectors.http import ProviderHttp


class FreeAgentConnector(Connector):
    provider = PROVIDER
    objects = declarations(
        invoice.DECLARATION,
        contact.DECLARATION,
        account.DECLARATION,
        item.DECLARATION,
        tax_rate.DECLARATION,
        payment.DECLARATION,
        credit_note.DECLARATION,
        company_info.DECLARATION,
        tracking_category.DECLARATION,
        journal_entry.DECLARATION,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = FreeAgentClient(context, http)

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        """FreeAgent has no conditional write; a record's ``updated_at`` is compared before writing instead."""
        stamp = (remote_data or {}).get("updated_at")
        return None if stamp is None else str(stamp)
