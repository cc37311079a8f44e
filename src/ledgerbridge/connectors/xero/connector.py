"""The Xero connector: the objects it serves, each declared in :mod:`.objects`, run by the connector template.

:mod:`.client` talks HTTP (tenant header, idempotency, paging, pacing), :mod:`.errors` classifies Xero's answers,
:mod:`.collection` says which Xero collection backs an object and how it is read, :mod:`.mapping` turns Xero
records into unified ones and back without I/O. What is left here is what several declarations share: reading a
collection, the codes Xero uses in place of ids (learnt from its settings lists, once per connector) and the
bank account a payment goes into.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any

from ledgerbridge.connectors.base import (
    ConnectionContext,
    Connector,
    Refs,
    RemoteRecord,
    declarations,
    reject,
)
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.xero.client import PAGE_SIZE, XeroClient
from ledgerbridge.connectors.xero.collection import Collection, RowsMapper
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

# ``?IDs=`` takes GUIDs of 36 characters: 50 keep the URL under 2,000 characters.
BY_IDS_CHUNK = 50


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

    # --- reading a collection ------------------------------------------------------------------------------

    async def rows(self, collection: Collection, since: dt.datetime | None) -> AsyncIterator[list[dict[str, Any]]]:
        """The collection's records changed since ``since`` (all when None; Xero ignores it where the spec has
        no If-Modified-Since), one page at a time."""
        when = since if collection.modified_since else None
        if collection.paged:
            async for rows in self.client.pages(collection.name, since=when, page_size=self.page_size,
                                                params=collection.list_params):
                yield rows
            return
        rows = await self.client.get(collection.name, since=when, params=collection.list_params or None,
                                     envelope=collection.envelope)
        if rows:
            yield rows

    async def read(self, collection: Collection, remote_id: str | None) -> list[dict[str, Any]] | None:
        """``GET /{collection}/{id}`` (the whole collection when ``remote_id`` is None); None when Xero has no
        such record."""
        try:
            return await self.client.get(collection.name, remote_id, params=collection.params or None,
                                         envelope=collection.envelope)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise

    async def records_by_ids(self, collection: Collection, remote_keys: Sequence[str],
                             map_rows: RowsMapper) -> dict[str, RemoteRecord]:
        """Records 50 at a time with ``?IDs=`` (Xero's OpenAPI has it on getInvoices and getContacts);
        ``page=1`` because Xero leaves invoice lines out of unpaged lists."""
        wanted = {key.lower(): key for key in remote_keys}
        found: dict[str, RemoteRecord] = {}
        keys = sorted(wanted)
        for start in range(0, len(keys), BY_IDS_CHUNK):
            chunk = keys[start : start + BY_IDS_CHUNK]
            params = {**collection.params, "IDs": ",".join(chunk), "page": "1", "pageSize": str(len(chunk))}
            rows = await self.client.get(collection.name, params=params)
            for record in await map_rows(self, rows) if rows else []:
                key = wanted.get(record.remote_key.lower())
                if key is not None:
                    found[key] = record
        return found

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

