"""The Business Central connector: the objects it serves, each declared in :mod:`.objects`, run by the connector
template.

:mod:`.client` talks HTTP (company base URL, OData paging, etags), :mod:`.errors` classifies Business Central's
answers, :mod:`.reader` reads entity sets, :mod:`.mapping` turns records into unified ones and back without I/O.
What is left here is what several declarations share: the company's tax groups (lines name them by code), the
account a line without one is booked to, and the journal payments are entered in.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Connector, declarations, reject
from ledgerbridge.connectors.business_central.client import PAGE_SIZE, BusinessCentralClient
from ledgerbridge.connectors.business_central.errors import PROVIDER
from ledgerbridge.connectors.business_central.mapping.common import text
from ledgerbridge.connectors.business_central.mapping.lookup import Lookup
from ledgerbridge.connectors.business_central.objects import (
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
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.invoice import InvoiceType


class BusinessCentralConnector(Connector):
    provider = PROVIDER
    objects = declarations(
        invoice.DECLARATION,
        contact.DECLARATION,
        account.DECLARATION,
        item.DECLARATION,
        tax_rate.DECLARATION,
        tracking_category.DECLARATION,
        payment.DECLARATION,
        credit_note.DECLARATION,
        journal_entry.DECLARATION,
        company_info.DECLARATION,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = BusinessCentralClient(context, http)
        self._lookup: Lookup | None = None

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        """The record's ``@odata.etag``: Business Central's own concurrency token, sent back as ``If-Match``."""
        found = (remote_data or {}).get("@odata.etag")
        return None if found is None else str(found)

    async def lookup(self) -> Lookup:
        """The company's tax groups, read once per connector."""
        if self._lookup is None:
            self._lookup = Lookup.build(await self.client.read_all("taxGroups"))
        return self._lookup

    async def default_account(self, invoice_type: InvoiceType) -> dict[str, Any]:
        """Where a line without account or item goes: the connection's ``default_sales_account`` or
        ``default_purchase_account`` (an account number), else the first unblocked Income (sales) or Expense
        (bills) account by number."""
        receivable = invoice_type == InvoiceType.ACCOUNTS_RECEIVABLE
        configured = text(self.context.credentials.get(
            "default_sales_account" if receivable else "default_purchase_account"))
        category = "Income" if receivable else "Expense"
        where = f"number eq '{configured}'" if configured else f"category eq '{category}' and blocked eq false"
        accounts = sorted(await self.client.read_all("accounts", where=where), key=lambda a: str(a["number"]))
        if not accounts:
            reject([FieldError("line_items.account_id", f"Business Central has no usable {category.lower()} "
                                                        "account; give each line an account_id")])
        return accounts[0]

    async def payment_journal(self) -> str:
        """The customer payment journal payments are entered in (by id)."""
        code = text(self.context.credentials.get("payment_journal"))
        journals = await self.client.read_all("customerPaymentJournals",
                                              where=None if code is None else f"code eq '{code}'")
        if not journals:
            reject([FieldError("account_id", "Business Central has no customer payment journal to enter the "
                                             "payment in")])
        return str(journals[0]["id"])
