"""The Xero connector: unified writes become Xero calls, Xero records become unified records.

Objects and their collections are declared in :mod:`.resources`; mapping is in :mod:`.mapping` (pure); HTTP,
idempotency, paging and pacing in :mod:`.client`; error classification in :mod:`.errors`. What is left here is
orchestration: validate → look up codes → write → (pay) → map back → warn.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator, Sequence
from decimal import Decimal
from typing import Any, cast

from pydantic import BaseModel

from ledgerbridge.connectors.base import (
    Capabilities,
    ConnectionContext,
    Connector,
    Refs,
    RemoteRecord,
    WriteResult,
    reject,
)
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.totals import total_warnings
from ledgerbridge.connectors.xero import attachments
from ledgerbridge.connectors.xero import reads as _more_reads
from ledgerbridge.connectors.xero import reports as _reports
from ledgerbridge.connectors.xero import writes as _more_writes
from ledgerbridge.connectors.xero.changes import OPERATIONS as CHANGE_OPERATIONS
from ledgerbridge.connectors.xero.changes import InvoiceChanges
from ledgerbridge.connectors.xero.client import PAGE_SIZE, XeroClient, idempotency_key
from ledgerbridge.connectors.xero.errors import PROVIDER, is_not_found
from ledgerbridge.connectors.xero.mapping import account as account_mapping
from ledgerbridge.connectors.xero.mapping import contact as contact_mapping
from ledgerbridge.connectors.xero.mapping import documents as documents_mapping
from ledgerbridge.connectors.xero.mapping import invoice as invoice_mapping
from ledgerbridge.connectors.xero.mapping import item as item_mapping
from ledgerbridge.connectors.xero.mapping import organisation as organisation_mapping
from ledgerbridge.connectors.xero.mapping import tax_rate as tax_rate_mapping
from ledgerbridge.connectors.xero.mapping import tracking_category as tracking_mapping
from ledgerbridge.connectors.xero.mapping.common import Lookup, money, split_tracking_key, text
from ledgerbridge.connectors.xero.resources import RESOURCES, UNSUPPORTED_FIELDS, Resource
from ledgerbridge.errors import FieldError, NotSupported, ProviderDetail, ProviderError, ProviderRejected
from ledgerbridge.unified.attachment import AttachmentInput
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus, InvoiceType

log = logging.getLogger(__name__)

# Totals Xero computes itself; a caller's figure that differs is reported, never silently replaced.
_PAYING = (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)


class XeroConnector(InvoiceChanges, Connector):
    provider = PROVIDER
    capabilities = Capabilities(
        objects={
            **{name: resource.operations | (CHANGE_OPERATIONS if name == "invoice" else frozenset())
               for name, resource in RESOURCES.items()},
            **{name: _reports.OPERATIONS for name in _reports.ENDPOINTS},  # fetched live for a period
        },
        unsupported_fields=UNSUPPORTED_FIELDS,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = XeroClient(context, http)
        self._lookup = Lookup()
        self._loaded: set[str] = set()  # which settings collections the lookup holds

    # --- writes ------------------------------------------------------------------------------------------

    async def validate(self, object_name: str, body: BaseModel, refs: Refs) -> list[FieldError]:
        if object_name == "invoice":
            return invoice_mapping.validate(cast(InvoiceInput, body), refs)
        if object_name == "attachment":
            return attachments.validate(cast(AttachmentInput, body))
        return _more_writes.validate(object_name, body, refs)

    async def create(self, object_name: str, body: BaseModel, refs: Refs, *, request_key: str) -> WriteResult:
        self.require(object_name, "create")
        reject(await self.validate(object_name, body, refs))
        if object_name == "invoice":
            return await self._create_invoice(cast(InvoiceInput, body), refs, request_key)
        if object_name == "attachment":
            return WriteResult(await attachments.upload(self.client, self.context, cast(AttachmentInput, body), refs,
                                                        request_key=request_key))
        if object_name != "contact":
            return await _more_writes.create(self, object_name, body, refs, request_key)
        contact = cast(ContactInput, body)
        created = await self.client.put("Contacts", contact_mapping.to_remote(contact),
                                        key=idempotency_key(request_key, "contact"))
        return WriteResult(contact_mapping.to_unified(created, self.context), contact_mapping.write_warnings(contact))

    async def _create_invoice(self, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
        warnings = invoice_mapping.write_warnings(body)
        await self._learn_item_codes(body, refs)
        paying = body.status in _PAYING
        # Find the bank account before writing anything: a connection without one fails with nothing created.
        pay_into = await self._payment_account() if paying else None
        default_account = None
        bare = [i for i, line in enumerate(body.line_items) if line.account_id is None and line.item_id is None]
        if bare:
            default_account = await self._default_account(body.type)
            warnings.extend(
                Warning_(field=f"line_items[{i}].account_id",
                         message="no account given; Xero needs one, so the line is booked to account "
                                 f"{default_account}")
                for i in bare
            )
        remote_body = invoice_mapping.to_remote(body, refs, self._lookup, default_account)
        created = await self.client.put("Invoices", remote_body, key=idempotency_key(request_key, "invoice"))
        if paying and pay_into is not None:
            amount, warning = _payment_amount(body, created)
            if warning is not None:
                warnings.append(warning)
            if amount is not None:
                created = await self._pay(created, amount, body, pay_into, request_key)
        record = invoice_mapping.to_unified(created, self.context, self._lookup)
        warned = {w.field for w in warnings}
        warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="Xero", warned=warned))
        return WriteResult(record, warnings)

    async def _learn_item_codes(self, body: InvoiceInput, refs: Refs) -> None:
        """Xero lines name items by Code; our item remote key is the ItemID. Read the codes not known yet."""
        for i, line in enumerate(body.line_items):
            ref = refs.get(line.item_id)
            if ref is None or self._lookup.item_code(ref.remote_id) is not None:
                continue
            try:
                self._lookup.add_items(await self.client.get("Items", ref.remote_id))
            except ProviderRejected as exc:
                if not is_not_found(exc):
                    raise
            if self._lookup.item_code(ref.remote_id) is None:
                reject([FieldError(f"line_items[{i}].item_id", f"Xero has no item {ref.remote_id} any more")])

    async def _default_account(self, invoice_type: InvoiceType) -> str:
        """The account for lines without one: the connection's default_sales_account_code or
        default_purchase_account_code, else Xero's first active revenue (sales) or expense (bills) account."""
        receivable = invoice_type == InvoiceType.ACCOUNTS_RECEIVABLE
        configured = text(self.context.credentials.get(
            "default_sales_account_code" if receivable else "default_purchase_account_code"))
        if configured:
            return configured
        account_class = "REVENUE" if receivable else "EXPENSE"
        accounts = await self.client.get("Accounts", params={
            "where": f'Class=="{account_class}" AND Status=="ACTIVE"', "order": "Code ASC"})
        coded = [a for a in accounts if text(a.get("Code"))]
        if not coded:
            reject([FieldError("line_items.account_id", f"Xero has no active {account_class.lower()} account; "
                                                        "give each line an account_id")])
        return str(coded[0]["Code"])

    async def _payment_account(self) -> dict[str, str]:
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

    async def _pay(self, created: dict[str, Any], amount: Decimal, body: InvoiceInput, account: dict[str, str],
                   request_key: str) -> dict[str, Any]:
        """Record a Payment against the invoice just created, then re-read it for Xero's AmountDue and status.

        If the payment fails the invoice is voided: a failed create must leave nothing open at Xero.
        """
        payload = invoice_mapping.payment_to_remote(created, amount, body.paid_on_date or body.issue_date, account)
        try:
            await self.client.put("Payments", payload, key=idempotency_key(request_key, "payment"))
        except Exception:
            await self._void_quietly(created, request_key)
            raise
        found = await self.client.get("Invoices", str(created["InvoiceID"]), params={"unitdp": "4"})
        return found[0] if found else created

    async def _void_quietly(self, created: dict[str, Any], request_key: str) -> None:
        invoice_id = str(created["InvoiceID"])
        try:
            # VOIDED is missing from the OpenAPI Status enum but is Xero's documented way to cancel an AUTHORISED
            # invoice (xero-python's Invoice.status allows it); DELETED only applies to drafts.
            await self.client.post("Invoices", invoice_id, {"InvoiceID": invoice_id, "Status": "VOIDED"},
                                   key=idempotency_key(request_key, "undo"))
        except ProviderError as exc:  # the original error matters more; this one is logged for an operator
            log.error("xero: could not void invoice %s after a failed payment: %s", invoice_id, exc)

    # --- reads -------------------------------------------------------------------------------------------

    async def fetch(self, object_name: str, remote_key: str) -> RemoteRecord | None:
        self.require(object_name, "retrieve")
        if object_name == "attachment":
            return await self._fetch_attachment(remote_key)
        resource = RESOURCES[object_name]
        remote_id = split_tracking_key(remote_key)[0] if object_name == "tracking_category" else remote_key
        if object_name in ("address", "phone_number"):
            remote_id = organisation_mapping.contact_of(remote_key)
        try:
            if resource.envelope:
                rows = await self._enveloped(resource)
            else:
                params = {k: v for k, v in resource.params.items() if k != "where"}  # a where is for lists
                rows = await self.client.get(resource.collection, remote_id, params=params or None)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        records = await self._map(object_name, rows)
        if object_name in ("tracking_category", "address", "phone_number", "company_info"):
            wanted = remote_key.lower()
            return next((r for r in records if r.remote_key == wanted), None)
        return records[0] if records else None

    async def _fetch_attachment(self, remote_key: str) -> RemoteRecord | None:
        collection, parent_id, attachment_id = attachments.split_key(remote_key)
        try:
            found = await attachments.list_for(self.client, collection, parent_id, self.context)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        return next((r for r in found if r.remote_id == attachment_id), None)

    async def fetch_many(self, object_name: str, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        """Invoices and contacts 50 at a time with ``?IDs=`` (the only listed objects whose GET takes it, per
        Xero's OpenAPI); ``page=1`` because Xero leaves invoice lines out of unpaged lists. Others one by one."""
        self.require(object_name, "retrieve")
        if object_name not in _BY_IDS:
            return await super().fetch_many(object_name, remote_keys)
        resource = RESOURCES[object_name]
        wanted = {key.lower(): key for key in remote_keys}
        found: dict[str, RemoteRecord] = {}
        keys = sorted(wanted)
        for start in range(0, len(keys), _BY_IDS_CHUNK):
            chunk = keys[start : start + _BY_IDS_CHUNK]
            params = {**{k: v for k, v in resource.params.items() if k != "where"},
                      "IDs": ",".join(chunk), "page": "1", "pageSize": str(len(chunk))}
            rows = await self.client.get(resource.collection, params=params)
            for record in await self._map(object_name, rows) if rows else []:
                key = wanted.get(record.remote_key.lower())
                if key is not None:
                    found[key] = record
        return found

    async def pages(self, object_name: str, since: dt.datetime | None = None) -> AsyncIterator[list[RemoteRecord]]:
        self.require(object_name, "list")
        if object_name == "attachment":
            async for page in attachments.pages(self.client, self.context, page_size=self.page_size):
                yield page
            return
        resource = RESOURCES[object_name]
        when = since if resource.modified_since else None
        if resource.paged:
            async for rows in self.client.pages(resource.collection, since=when, page_size=self.page_size,
                                                params=resource.params):
                yield await self._map(object_name, rows)
            return
        if resource.envelope:
            rows = await self._enveloped(resource)
        else:
            rows = await self.client.get(resource.collection, since=when, params=resource.params or None)
        if rows:
            yield await self._map(object_name, rows)

    async def report(self, object_name: str, *, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
        """A balance sheet (as at ``end``) or income statement (``start``..``end``), fetched live."""
        if object_name not in _reports.ENDPOINTS:
            raise NotSupported(f"{self.provider} does not support {object_name}")
        body = await self.client._send("GET", f"Reports/{_reports.ENDPOINTS[object_name]}",
                                       params=_reports.params(object_name, start, end), safe_to_retry=True)
        return _reports.to_unified(object_name, body, self.context, start, end)

    async def _enveloped(self, resource: Resource) -> list[dict[str, Any]]:
        """``GET /Organisation`` answers under "Organisations": the client's get() reads the collection's key."""
        body = await self.client._send("GET", resource.collection, params=resource.params or None,
                                       safe_to_retry=True)
        return list(body.get(resource.envelope or resource.collection) or [])

    async def _map(self, object_name: str, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
        ctx = self.context
        if object_name in _more_reads.MAPPERS:
            await self._ensure_lookup(_more_reads.NEEDS.get(object_name, set()))
            return _more_reads.map_rows(object_name, rows, ctx, self._lookup)
        if object_name == "invoice":
            await self._ensure_lookup(_invoice_needs(rows))
            return [invoice_mapping.to_unified(row, ctx, self._lookup) for row in rows]
        if object_name == "item":
            await self._ensure_lookup({"Accounts"})
            return [item_mapping.to_unified(row, ctx, self._lookup) for row in rows]
        if object_name == "tracking_category":
            return [record for row in rows for record in tracking_mapping.to_unified(row, ctx)]
        if object_name == "payment":
            return [documents_mapping.payment_to_unified(row, ctx) for row in rows]
        if object_name in ("journal_entry", "transaction"):  # credit notes are mapped by reads.MAPPERS
            await self._ensure_lookup({"Accounts"})
            mapper = {"journal_entry": documents_mapping.journal_entry_to_unified,
                      "transaction": documents_mapping.transaction_to_unified}[object_name]
            return [mapper(row, ctx, self._lookup) for row in rows]
        mapper = {"contact": contact_mapping.to_unified, "account": account_mapping.to_unified,
                  "tax_rate": tax_rate_mapping.to_unified}[object_name]
        return [mapper(row, ctx) for row in rows]

    async def _ensure_lookup(self, collections: set[str]) -> None:
        """Load the settings lists a mapping needs to turn codes and names into ids, once per connector."""
        for collection in sorted(collections - self._loaded):
            params = {"includeArchived": "true"} if collection == "TrackingCategories" else None
            rows = await self.client.get(collection, params=params)
            if collection == "Accounts":
                self._lookup.add_accounts(rows)
            elif collection == "Items":
                self._lookup.add_items(rows)
            else:
                fresh = Lookup.build(categories=rows)
                self._lookup.options.update(fresh.options)
            self._loaded.add(collection)


def _invoice_needs(rows: list[dict[str, Any]]) -> set[str]:
    """The settings an invoice page refers to by code or name only (2020-era answers lack the ids)."""
    needs: set[str] = set()
    for row in rows:
        for line in row.get("LineItems") or []:
            if text(line.get("AccountCode")) and not text(line.get("AccountID")):
                needs.add("Accounts")
            if text(line.get("ItemCode")) and not text((line.get("Item") or {}).get("ItemID")):
                needs.add("Items")
            if any(not text(t.get("TrackingOptionID")) for t in line.get("Tracking") or []):
                needs.add("TrackingCategories")
    return needs


def _payment_amount(body: InvoiceInput, created: dict[str, Any]) -> tuple[Decimal | None, Warning_ | None]:
    """How much to pay to make the requested status true: all that is due, or all but the caller's balance."""
    due = money(created.get("AmountDue")) or Decimal(0)
    if due <= 0:
        return None, Warning_(field="status", message="Xero computed nothing due on this invoice: nothing to pay")
    if body.status == InvoiceStatus.PAID:
        return due, None
    balance = body.balance or Decimal(0)
    if not 0 < balance < due:
        return None, Warning_(field="balance", message=f"a balance of {balance} is not a partial payment of "
                              f"Xero's amount due {due}; no payment was recorded")
    return due - balance, None


# Objects whose list GET takes ``IDs`` (Xero OpenAPI: getInvoices, getContacts), and how many ids per call (GUIDs
# of 36 characters: 50 keep the URL under 2,000 characters).
_BY_IDS = frozenset({"invoice", "contact"})
_BY_IDS_CHUNK = 50
