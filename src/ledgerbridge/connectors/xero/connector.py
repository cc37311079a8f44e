"""The Xero connector: the objects it serves, each declared in :mod:`.objects`, run by the connector template.

:mod:`.client` talks HTTP (tenant header, idempotency, paging, pacing), :mod:`.errors` classifies Xero's answers,
:mod:`.collection` says which Xero collection backs an object, :mod:`.reader` reads it, :mod:`.mapping` turns
Xero records into unified ones and back without I/O. What is left here is what several declarations share: the
codes Xero uses in place of ids (learnt from its settings lists, once per connector) and the bank account a
payment goes into.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Connector, Refs, declarations, reject
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.xero.client import PAGE_SIZE, XeroClient
from ledgerbridge.connectors.xero.errors import PROVIDER, is_not_found
from ledgerbridge.connectors.xero.mapping.common import Lookup, text
from ledgerbridge.connectors.xero.objects import (
    account,
    address,
    attachment,
    balance_sheet,
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
    transaction,
    vendor_credit,
)
from ledgerbridge.errors import FieldError, ProviderDetail, ProviderRejected


class XeroConnector(Connector):
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
        transaction.DECLARATION,
        expense.DECLARATION,
        vendor_credit.DECLARATION,
        purchase_order.DECLARATION,
        company_info.DECLARATION,
        address.DECLARATION,
        phone_number.DECLARATION,
        attachment.DECLARATION,
        balance_sheet.DECLARATION,
        income_statement.DECLARATION,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = XeroClient(context, http)
        self.lookup = Lookup()  # codes and names Xero uses in place of ids; see learn()
        self._learnt: set[str] = set()  # which settings lists the lookup holds

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        """Xero has no conditional write; the record's ``UpdatedDateUTC`` is compared before writing instead."""
        stamp = (remote_data or {}).get("UpdatedDateUTC")
        return None if stamp is None else str(stamp)

    # --- codes in place of ids -----------------------------------------------------------------------------

    async def learn(self, collections: Iterable[str]) -> Lookup:
        """Load the settings lists (``Accounts``, ``Items``, ``TrackingCategories``) a mapping needs to turn
        codes and names into ids, each once per connector; the lookup that holds them."""
        for collection in sorted(set(collections) - self._learnt):
            params = {"includeArchived": "true"} if collection == "TrackingCategories" else None
            rows = await self.client.get(collection, params=params)
            if collection == "Accounts":
                self.lookup.add_accounts(rows)
            elif collection == "Items":
                self.lookup.add_items(rows)
            else:
                self.lookup.options.update(Lookup.build(categories=rows).options)
            self._learnt.add(collection)
        return self.lookup

    async def learn_line_codes(self, lines: Iterable[Any], refs: Refs) -> Lookup:
        """What a document's lines are written with (expenses, purchase orders): account and item codes."""
        lookup = await self.learn({"Accounts"})
        await self.learn_item_codes(lines, refs)
        return lookup

    async def learn_item_codes(self, lines: Iterable[Any], refs: Refs) -> None:
        """Xero lines name items by Code; our item remote key is the ItemID. Read the codes not known yet."""
        for i, line in enumerate(lines):
            ref = refs.get(line.item_id)
            if ref is None or self.lookup.item_code(ref.remote_id) is not None:
                continue
            try:
                self.lookup.add_items(await self.client.get("Items", ref.remote_id))
            except ProviderRejected as exc:
                if not is_not_found(exc):
                    raise
            if self.lookup.item_code(ref.remote_id) is None:
                reject([FieldError(f"line_items[{i}].item_id", f"Xero has no item {ref.remote_id} any more")])

    async def payment_account(self) -> dict[str, str]:
        """Where payments go: the connection's ``payment_account_code``, else Xero's first active BANK account."""
        code = text(self.context.credentials.get("payment_account_code"))
        if code:
            return {"Code": code}
        banks = await self.client.get("Accounts", params={"where": 'Type=="BANK" AND Status=="ACTIVE"',
                                                          "order": "Code ASC"})
        if not banks:
            raise ProviderRejected(ProviderDetail(
                PROVIDER, message="no bank account to record the payment in",
                fields=[FieldError("status", "Xero needs a BANK account to record a payment; add one or set "
                                             "payment_account_code on the connection")]))
        first = banks[0]
        return {"Code": str(first["Code"])} if text(first.get("Code")) else {"AccountID": str(first["AccountID"])}

