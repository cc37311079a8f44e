"""The Moneybird connector: the objects it serves, each declared in :mod:`.objects`, run by the connector template.

:mod:`.client` talks HTTP (administration path, ``.json``, bearer tokens, quota), :mod:`.errors` classifies
Moneybird's answers, :mod:`.reader` reads a resource, :mod:`.mapping` turns records into unified ones and back
without I/O. Moneybird's ``version`` (an optimistic-lock counter on invoices, contacts and documents) is the
version If-Match is held to.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Connector, declarations
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.moneybird.client import PAGE_SIZE, MoneybirdClient
from ledgerbridge.connectors.moneybird.errors import PROVIDER
from ledgerbridge.connectors.moneybird.objects import (
    account,
    contact,
    credit_note,
    invoice,
    journal_entry,
    payment,
    settings,
)


class MoneybirdConnector(Connector):
    provider = PROVIDER
    objects = declarations(
        invoice.DECLARATION,
        contact.DECLARATION,
        account.DECLARATION,
        settings.ITEM,
        settings.TAX_RATE,
        settings.COMPANY_INFO,
        settings.TRACKING_CATEGORY,
        payment.DECLARATION,
        credit_note.DECLARATION,
        journal_entry.DECLARATION,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = MoneybirdClient(context, http)

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        version = (remote_data or {}).get("version")
        return None if version is None else str(version)
