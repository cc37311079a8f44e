"""The QuickBooks Online connector: the objects it serves, each declared in ``objects/<object>.py``.

Each declaration says which QBO entities stand behind its object and how they are read, written and mapped
(pure mappers in :mod:`.mapping`); HTTP, idempotency and the query language are in :mod:`.client`, error
classification in :mod:`.errors`. The template (:class:`~ledgerbridge.connectors.base.Connector`) runs
require → validate → dispatch.

    contact           → Customer, Vendor            address, phone_number → inside Customer, Vendor
    invoice           → Invoice (receivable), Bill (payable); create, update, void
    tracking_category → Class, Department           tax_rate → TaxCode, rated by its TaxRate entities
    item              → Item                        account  → Account (create too)
    payment           → Payment (create too)        credit_note → CreditMemo
    journal_entry     → JournalEntry (create too)   expense → Purchase (create too)
    purchase_order    → PurchaseOrder (create too)  vendor_credit → VendorCredit
    company_info      → CompanyInfo                 attachment → Attachable (create: a multipart upload)
    balance_sheet, income_statement, cash_flow_statement → reports, fetched live for a period

Not here, so the API answers "not supported": transaction (QBO has no general transaction entity; its money
movements are the typed entities above).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel

from ledgerbridge.connectors.base import ConnectionContext, Connector, NotifiedFetch, declarations
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.quickbooks import notified
from ledgerbridge.connectors.quickbooks.client import PAGE_SIZE, QuickBooksClient
from ledgerbridge.connectors.quickbooks.entities import EntityReader
from ledgerbridge.connectors.quickbooks.objects import (
    account,
    address,
    attachment,
    balance_sheet,
    cash_flow_statement,
    company_info,
    contact,
    credit_note,
    expense,
    income_statement,
    invoice,
    item,
    journal_entry,
    payment,
    phone_number,
    purchase_order,
    tax_rate,
    tracking_category,
    vendor_credit,
)
from ledgerbridge.unified.base import Warning_


class QuickBooksConnector(Connector):
    provider = "quickbooks"
    objects = declarations(
        invoice.DECLARATION,
        contact.DECLARATION,
        address.DECLARATION,
        phone_number.DECLARATION,
        item.DECLARATION,
        account.DECLARATION,
        payment.DECLARATION,
        credit_note.DECLARATION,
        journal_entry.DECLARATION,
        expense.DECLARATION,
        purchase_order.DECLARATION,
        vendor_credit.DECLARATION,
        company_info.DECLARATION,
        attachment.DECLARATION,
        tax_rate.DECLARATION,
        tracking_category.DECLARATION,
        balance_sheet.DECLARATION,
        income_statement.DECLARATION,
        cash_flow_statement.DECLARATION,
    )
    # The readers of the objects Intuit notifies, for reading notified changes through CDC (:mod:`.notified`)
    notified_readers: ClassVar[Mapping[str, EntityReader]] = {
        module.DECLARATION.name: module.READER
        for module in (invoice, contact, item, account, payment, credit_note, journal_entry, expense,
                       purchase_order, vendor_credit, tracking_category)
    }
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = QuickBooksClient(context, http)

    async def fetch_notified(self, wanted: Mapping[str, Sequence[str]], since: dt.datetime | None) -> NotifiedFetch:
        """One CDC call for every notified object that has a reader, where CDC can answer; by key otherwise."""
        through_cdc = {name: keys for name, keys in wanted.items() if name in self.notified_readers}
        rest = {name: keys for name, keys in wanted.items() if name not in through_cdc}
        answer = None
        if since is not None and through_cdc:
            answer = await notified.fetch_notified(self, self.notified_readers, through_cdc, since)
        if answer is None:
            return await super().fetch_notified(wanted, since)
        if rest:
            more = await super().fetch_notified(rest, since)
            answer.found |= more.found
            answer.gone |= more.gone
            answer.reads += more.reads
        return answer

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        token = (remote_data or {}).get("SyncToken")
        return None if token is None else str(token)

    def not_stored(self, object_name: str, body: BaseModel) -> list[Warning_]:
        """A warning for each field the caller set that QuickBooks cannot store (the declaration's
        ``unsupported_fields``; ``line_items[].x`` when any line sets ``x``)."""
        return [Warning_(field=name, message="QuickBooks cannot store this; it was not sent")
                for name in sorted(self.objects[object_name].unsupported_fields) if _given(body, name)]


def _given(body: BaseModel, name: str) -> bool:
    head, _, leaf = name.partition("[].")
    if leaf:
        return any(getattr(line, leaf, None) for line in getattr(body, head, []))
    return bool(getattr(body, name, None))
