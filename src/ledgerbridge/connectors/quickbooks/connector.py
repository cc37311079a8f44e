"""The QuickBooks Online connector: unified writes become QBO calls, QBO entities become unified records.

Objects and their QBO entities are declared in :mod:`.resources`; mapping is in :mod:`.mapping` (pure);
HTTP, idempotency and paging in :mod:`.client`; error classification in :mod:`.errors`. What is left here is
orchestration: validate → map → write → (pay) → map back → warn.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import AsyncIterator, Iterable, Sequence
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
from ledgerbridge.connectors.paging import offset_pages
from ledgerbridge.connectors.quickbooks import attachments, changes, reports
from ledgerbridge.connectors.quickbooks.client import PAGE_SIZE, QuickBooksClient, query_time, request_id
from ledgerbridge.connectors.quickbooks.errors import is_not_found
from ledgerbridge.connectors.quickbooks.mapping import account as account_mapping
from ledgerbridge.connectors.quickbooks.mapping import company as company_mapping
from ledgerbridge.connectors.quickbooks.mapping import contact as contact_mapping
from ledgerbridge.connectors.quickbooks.mapping import documents as documents_mapping
from ledgerbridge.connectors.quickbooks.mapping import invoice as invoice_mapping
from ledgerbridge.connectors.quickbooks.mapping import tax_rate as tax_rate_mapping
from ledgerbridge.connectors.quickbooks.mapping.common import money, read_date, split_key, updated_at
from ledgerbridge.connectors.quickbooks.resources import RESOURCES, UNSUPPORTED_FIELDS, Entity
from ledgerbridge.connectors.totals import total_warnings
from ledgerbridge.errors import FieldError, ProviderError, ProviderRejected
from ledgerbridge.unified.account import AccountInput
from ledgerbridge.unified.attachment import AttachmentInput
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.expense import ExpenseInput
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus
from ledgerbridge.unified.payment import PaymentInput
from ledgerbridge.unified.purchase_order import PurchaseOrderInput

log = logging.getLogger(__name__)

_PAID = (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)
# Totals QBO computes itself; a caller's figure that differs is reported, never silently replaced.
_PAYMENT_ENTITY = {"Invoice": "Payment", "Bill": "BillPayment"}
_IDS_PER_QUERY = 200  # keeps "where Id in (…)" well inside URL limits


class QuickBooksConnector(Connector):
    provider = "quickbooks"
    capabilities = Capabilities(
        objects={
            **{
                name: resource.operations | (changes.OPERATIONS if name == "invoice" else frozenset())
                for name, resource in RESOURCES.items()
            },
            **{name: reports.OPERATIONS for name in reports.ENDPOINTS},  # fetched live for a period
        },
        unsupported_fields=UNSUPPORTED_FIELDS,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging
    pages_ahead = 4  # list pages requested at once (QBO allows 10 requests in flight per realm)
    report = reports.report  # balance sheet, income and cash flow statements, fetched live

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = QuickBooksClient(context, http)

    # --- writes ------------------------------------------------------------------------------------------

    async def validate(self, object_name: str, body: BaseModel, refs: Refs) -> list[FieldError]:
        if object_name == "invoice":
            return invoice_mapping.validate(cast(InvoiceInput, body), refs)
        if object_name == "payment":
            payment = cast(PaymentInput, body)
            errors = [FieldError(f"line_items[{i}].related_object_id",
                                 "QuickBooks records payments of customer invoices here; paying a bill needs a "
                                 "BillPayment, which is not supported")
                      for i, line in enumerate(payment.line_items)
                      if documents_mapping.entity_of(refs, line.related_object_id) not in (None, "Invoice")]
            if payment.type is not None and payment.type.value == "AP":
                errors.append(FieldError("type", "QuickBooks payments here are AR (customer) payments only"))
            return errors
        if object_name == "purchase_order":
            order = cast(PurchaseOrderInput, body)
            if documents_mapping.entity_of(refs, order.vendor) not in (None, "Vendor"):
                return [FieldError("vendor", "must be a supplier (a QuickBooks Vendor)")]
        if object_name == "expense":
            expense = cast(ExpenseInput, body)
            account = refs.get(expense.account_id)
            kind = str((account.data if account else {}).get("type") or "")
            if account is not None and kind not in ("Bank", "Credit Card"):
                return [FieldError("account_id", f"must be a Bank or Credit Card account, not a {kind or 'other'} "
                                                 "account")]
        return []

    async def create(self, object_name: str, body: BaseModel, refs: Refs, *, request_key: str) -> WriteResult:
        self.require(object_name, "create")
        reject(await self.validate(object_name, body, refs))
        if object_name == "invoice":
            return await self._create_invoice(cast(InvoiceInput, body), refs, request_key)
        if object_name == "payment":
            return await self._create_payment(cast(PaymentInput, body), refs, request_key)
        if object_name == "attachment":
            return await self._create_attachment(cast(AttachmentInput, body), refs, request_key)
        if object_name in _SIMPLE_CREATES:
            entity, to_remote, to_unified = _SIMPLE_CREATES[object_name]
            created = await self.client.create(entity, to_remote(body, refs), requestid=request_id(request_key))
            return WriteResult(to_unified(created, self.context), _ignored(object_name, body))
        return await self._create_contact(cast(ContactInput, body), request_key)

    async def _create_attachment(self, body: AttachmentInput, refs: Refs, request_key: str) -> WriteResult:
        """One multipart upload: the file and its Attachable, linked to the record named (see .attachments)."""
        created = await attachments.upload(self.client, body, refs, requestid=request_id(request_key))
        return WriteResult(attachments.to_unified(created, self.context), _ignored("attachment", body))

    async def _create_payment(self, body: PaymentInput, refs: Refs, request_key: str) -> WriteResult:
        """A QBO Payment applied to the given invoices; the invoices are re-read so their new Balance (and so
        status) is stored with the payment."""
        invoice_ids = [refs.remote_id(line.related_object_id) or "" for line in body.line_items]
        first = await self.client.read("Invoice", invoice_ids[0])
        customer = refs.remote_id(body.contact_id) or documents_mapping.invoice_customer(first)
        if customer is None:
            reject([FieldError("contact_id", "QuickBooks needs the customer who pays")])
        payload = documents_mapping.payment_to_remote(body, refs, str(customer))
        created = await self.client.create("Payment", payload, requestid=request_id(request_key))
        changed = [await self.client.read("Invoice", remote_id) for remote_id in invoice_ids]
        entity = RESOURCES["invoice"].entity("Invoice")
        assert entity is not None
        return WriteResult(
            documents_mapping.payment_to_unified(created, self.context),
            _ignored("payment", body),
            also_changed=await self._map("invoice", entity, changed, rates=None),
        )

    async def _create_invoice(self, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
        entity = invoice_mapping.ENTITY_FOR_TYPE[body.type]
        warnings = invoice_mapping.write_warnings(body)
        created = await self.client.create(
            entity, invoice_mapping.to_remote(body, refs), requestid=request_id(request_key)
        )
        payment_dates: dict[str, dt.datetime] = {}
        if entity == "Invoice" and body.status in _PAID:
            amount, warning = self._payment_amount(body, created)
            if warning is not None:
                warnings.append(warning)
            if amount is not None:
                created, payment_dates = await self._pay(created, amount, body, request_key)
        record = invoice_mapping.to_unified(entity, created, self.context, payment_dates=payment_dates)
        warned = {w.field for w in warnings}
        warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="QuickBooks", warned=warned))
        return WriteResult(record, warnings)

    @staticmethod
    def _payment_amount(
        body: InvoiceInput, created: dict[str, Any]
    ) -> tuple[Decimal | None, Warning_ | None]:
        """What to pay to make the requested status true: all of TotalAmt, or all but the caller's balance."""
        total = money(created.get("TotalAmt")) or Decimal(0)
        if total <= 0:
            return None, Warning_(field="status", message="QuickBooks computed a total of 0: nothing to pay")
        if body.status == InvoiceStatus.PAID:
            return total, None
        balance = body.balance or Decimal(0)
        if not 0 < balance < total:
            return None, Warning_(
                field="balance",
                message=f"a balance of {balance} is not a partial payment of "
                f"QuickBooks' total {total}; no payment was recorded",
            )
        return total - balance, None

    async def _pay(
        self, created: dict[str, Any], amount: Decimal, body: InvoiceInput, request_key: str
    ) -> tuple[dict[str, Any], dict[str, dt.datetime]]:
        """Record a QBO Payment against the invoice just created, then re-read it for QBO's balance.

        If the payment fails the invoice is deleted again: a failed create must leave nothing at QBO.
        """
        paid_on = body.paid_on_date or body.issue_date
        payload = invoice_mapping.payment_to_remote(created, amount, paid_on)
        try:
            payment = await self.client.create(
                "Payment", payload, requestid=request_id(request_key, ":payment")
            )
        except Exception:
            await self._delete_quietly("Invoice", created, request_key)
            raise
        invoice = await self.client.read("Invoice", str(created["Id"]))
        when = read_date(payment.get("TxnDate"))
        return invoice, ({str(payment["Id"]): when} if when and payment.get("Id") else {})

    async def _delete_quietly(self, entity: str, remote: dict[str, Any], request_key: str) -> None:
        try:
            await self.client.delete(
                entity,
                str(remote["Id"]),
                str(remote.get("SyncToken", "0")),
                requestid=request_id(request_key, ":undo"),
            )
        except ProviderError as exc:  # the original error matters more; this one is logged for an operator
            log.error(
                "quickbooks: could not delete %s %s after a failed payment: %s", entity, remote.get("Id"), exc
            )

    async def _create_contact(self, body: ContactInput, request_key: str) -> WriteResult:
        entity = contact_mapping.entity_for(body)
        warnings: list[Warning_] = []
        if body.is_customer and body.is_supplier:
            warnings.append(
                Warning_(
                    field="is_supplier",
                    message="QuickBooks keeps vendors separately from "
                    "customers; this contact was created as a Customer only",
                )
            )
        if body.field_mappings:
            warnings.append(
                Warning_(field="field_mappings", message="custom field mappings are not sent to QuickBooks")
            )
        created = await self.client.create(
            entity, contact_mapping.to_remote(body), requestid=request_id(request_key)
        )
        return WriteResult(contact_mapping.to_unified(entity, created, self.context), warnings)

    # --- changes (see .changes) ---------------------------------------------------------------------------

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        token = (remote_data or {}).get("SyncToken")
        return None if token is None else str(token)

    async def update(
        self,
        object_name: str,
        remote_key: str,
        patch: BaseModel,
        refs: Refs,
        *,
        expected_version: str | None,
        request_key: str,
    ) -> WriteResult:
        self.require(object_name, "update")
        body = cast(InvoiceInput, patch)
        reject(await self.validate(object_name, body, refs))
        entity_name, remote_id = split_key(remote_key)
        changes.same_entity(entity_name, invoice_mapping.ENTITY_FOR_TYPE[body.type])
        token = expected_version
        if token is None:
            token = changes.check_token(await self.client.read(entity_name, remote_id), None)
        payload = {**invoice_mapping.to_remote(body, refs), "Id": remote_id, "SyncToken": token}
        try:
            updated = await self.client.update(entity_name, payload, requestid=request_id(request_key))
        except ProviderRejected as exc:
            raise changes.stale_to_412(exc) from None
        entity = RESOURCES[object_name].entity(entity_name)
        assert entity is not None
        record = (await self._map(object_name, entity, [updated], rates=None))[0]
        warnings = [w for w in invoice_mapping.write_warnings(body) if w.field not in ("status", "paid_on_date")]
        if body.status is not None and body.status != cast(Invoice, record.data).status:
            warnings.append(
                Warning_(field="status", message="QuickBooks computes an invoice's status from its payments; "
                         "to void it, DELETE it")
            )
        warned = {w.field for w in warnings} | {"status"}
        warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="QuickBooks", warned=warned))
        return WriteResult(record, warnings)

    async def void(
        self, object_name: str, remote_key: str, *, expected_version: str | None, request_key: str
    ) -> WriteResult:
        self.require(object_name, "void")
        entity_name, remote_id = split_key(remote_key)
        entity = RESOURCES[object_name].entity(entity_name)
        assert entity is not None
        current = await self.client.read(entity_name, remote_id)
        token = changes.check_token(current, expected_version)
        try:
            if entity_name == "Invoice":
                voided = await self.client.void(entity_name, remote_id, token, requestid=request_id(request_key))
                return WriteResult((await self._map(object_name, entity, [voided], rates=None))[0])
            # QBO cannot void a bill: it is deleted, and stays in our store flagged remote_was_deleted.
            await self.client.delete(entity_name, remote_id, token, requestid=request_id(request_key))
        except ProviderRejected as exc:
            raise changes.stale_to_412(exc) from None
        record = (await self._map(object_name, entity, [current], rates=None))[0]
        return WriteResult(
            dataclasses.replace(record, deleted=True),
            [Warning_(field="status", message="QuickBooks cannot void a bill; it was deleted")],
        )

    # --- reads -------------------------------------------------------------------------------------------

    async def fetch(self, object_name: str, remote_key: str) -> RemoteRecord | None:
        self.require(object_name, "retrieve")
        try:
            entity_name, remote_id = split_key(remote_key)
        except ValueError:
            return None
        entity = RESOURCES[object_name].entity(entity_name)
        if entity is None:
            return None
        remote_id = remote_id.partition("#")[0]  # addresses and phones live inside their contact
        try:
            remote = await self.client.read(entity.name, remote_id)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        if not remote or remote.get("status") == "Deleted":
            return None
        mapped = await self._map(object_name, entity, [remote], rates=None)
        return next((r for r in mapped if r.remote_key == remote_key), mapped[0] if len(mapped) == 1 else None)

    async def pages(
        self, object_name: str, since: dt.datetime | None = None
    ) -> AsyncIterator[list[RemoteRecord]]:
        self.require(object_name, "list")
        if object_name == "tax_rate":
            async for page in self._tax_rate_pages(since):
                yield page
            return
        for entity in RESOURCES[object_name].entities:
            condition = " where " + " and ".join(where) if (where := _where(entity, since)) else ""

            async def page_at(position: int, entity: Entity = entity, condition: str = condition) -> tuple[int, Any]:
                paging = f"startposition {position} maxresults {self.page_size}"
                rows = list((await self.client.query(f"select * from {entity.name}{condition} {paging}")).get(
                    entity.name) or [])
                return len(rows), (await self._map(object_name, entity, rows, rates=None) if rows else [])

            async def count(entity: Entity = entity, condition: str = condition) -> int:
                found = await self.client.query(f"select count(*) from {entity.name}{condition}")
                return int(found.get("totalCount") or 0)

            # Several pages in flight (QBO allows 10 requests at once per realm; the budget enforces it), yielded
            # in order. STARTPOSITION pages shift if a row is deleted meanwhile, as they would read one by one:
            # the reconcile re-asks for whatever a full pass did not see.
            async for page in offset_pages(page_at, page_size=self.page_size, count=count, ahead=self.pages_ahead):
                yield page

    async def fetch_many(self, object_name: str, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        """Many records in one query per entity and 200 ids (``select * from X where Id in (…)``); keys QBO has
        no live record for (deleted, never existed, malformed) are absent from the answer."""
        self.require(object_name, "retrieve")
        wanted: dict[str, dict[str, set[str]]] = {}  # entity → QBO id → our keys (a contact's addresses share one)
        for key in remote_keys:
            try:
                entity_name, remote_id = split_key(key)
            except ValueError:
                continue
            if RESOURCES[object_name].entity(entity_name) is not None:
                wanted.setdefault(entity_name, {}).setdefault(remote_id.partition("#")[0], set()).add(key)
        found: dict[str, RemoteRecord] = {}
        for entity_name, by_id in wanted.items():
            entity = RESOURCES[object_name].entity(entity_name)
            assert entity is not None
            ids = sorted(by_id)
            for start in range(0, len(ids), _IDS_PER_QUERY):
                listed = ", ".join("'" + i.replace("\\", "\\\\").replace("'", "\\'") + "'"
                                   for i in ids[start : start + _IDS_PER_QUERY])
                where = " and ".join([f"Id in ({listed})", *_where(entity, None)])
                statement = f"select * from {entity.name} where {where} maxresults {_IDS_PER_QUERY}"
                rows = list((await self.client.query(statement)).get(entity.name) or [])
                keys = {k for v in by_id.values() for k in v}
                for record in await self._map(object_name, entity, rows, rates=None) if rows else []:
                    if record.remote_key in keys:
                        found[record.remote_key] = record
        return found

    async def _tax_rate_pages(self, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
        """Tax codes are few, and a code's rate changes when one of its TaxRates does without the code's own
        LastUpdatedTime moving: so all rates and codes are read, and with ``since`` the codes kept are those
        that changed or that charge a rate that changed."""
        rates = await self._all_rows("TaxRate")
        changed_rates = {i for i, row in rates.items() if since is not None and _changed(row, since)}
        values = {i: tax_rate_mapping.rate_value(row) for i, row in rates.items()}
        entity = RESOURCES["tax_rate"].entities[0]
        codes = list((await self._all_rows(entity.name)).values())
        if since is not None:
            codes = [
                c for c in codes if _changed(c, since) or changed_rates & set(tax_rate_mapping.rate_ids(c))
            ]
        for start in range(0, len(codes), self.page_size):
            yield await self._map("tax_rate", entity, codes[start : start + self.page_size], rates=values)

    async def _all_rows(self, entity_name: str) -> dict[str, dict[str, Any]]:
        """Every row of a small tax list, active or not, by Id.

        Two queries rather than ``Active IN (true, false)``: the US pseudo codes TAX and NON carry no Active
        element (recorded quickbooks-ruby taxcodes), and a filter on Active could leave them out.
        """
        rows: dict[str, dict[str, Any]] = {}
        for where in ([], ["Active = false"]):
            async for page in self.client.query_pages(entity_name, where, page_size=self.page_size):
                rows.update((str(row["Id"]), row) for row in page)
        return rows

    async def _map(
        self,
        object_name: str,
        entity: Entity,
        rows: list[dict[str, Any]],
        *,
        rates: dict[str, Decimal | None] | None,
    ) -> list[RemoteRecord]:
        """Map a batch of rows of one entity, looking up what the mapping needs from other entities."""
        if object_name == "tax_rate":
            if rates is None:
                rates = await self._rates({i for row in rows for i in tax_rate_mapping.rate_ids(row)})
            return [tax_rate_mapping.to_unified(row, self.context, rates) for row in rows]
        if object_name == "invoice":
            dates = await self._payment_dates(entity.name, rows)
            return [
                invoice_mapping.to_unified(entity.name, row, self.context, payment_dates=dates)
                for row in rows
            ]
        assert entity.to_unified is not None
        mapped: list[RemoteRecord] = []
        for row in rows:
            result = entity.to_unified(row, self.context)
            mapped.extend(result if isinstance(result, list) else [result])
        return mapped

    async def _rates(self, ids: Iterable[str]) -> dict[str, Decimal | None]:
        rates: dict[str, Decimal | None] = {}
        for rate_id in ids:
            rates[rate_id] = tax_rate_mapping.rate_value(await self.client.read("TaxRate", rate_id))
        return rates

    async def _payment_dates(self, entity: str, rows: list[dict[str, Any]]) -> dict[str, dt.datetime]:
        """TxnDate of the payments linked to the paid rows, for ``paid_on_date``: one query per 200 payments.

        Best effort: paid_on_date is optional, so a query QBO refuses leaves it empty rather than failing a
        sync.
        """
        ids = sorted(
            {
                i
                for row in rows
                if invoice_mapping.derive_status(
                    money(row.get("TotalAmt")), money(row.get("Balance")), row.get("PrivateNote")
                )
                in _PAID
                for i in invoice_mapping.payment_ids(entity, row)
            }
        )
        payment_entity = _PAYMENT_ENTITY[entity]
        dates: dict[str, dt.datetime] = {}
        for start in range(0, len(ids), _IDS_PER_QUERY):
            chunk = ids[start : start + _IDS_PER_QUERY]
            listed = ", ".join(f"'{i}'" for i in chunk)
            statement = f"select * from {payment_entity} where Id in ({listed}) maxresults {_IDS_PER_QUERY}"
            try:
                found = (await self.client.query(statement)).get(payment_entity) or []
            except ProviderRejected as exc:
                log.warning("quickbooks: payment dates unavailable (%s)", exc)
                return dates
            for payment in found:
                if (when := read_date(payment.get("TxnDate"))) is not None:
                    dates[str(payment["Id"])] = when
        return dates


def _account_to_remote(body: BaseModel, refs: Refs) -> dict[str, Any]:
    account = cast(AccountInput, body)
    return company_mapping.account_to_remote(account, refs.remote_id(account.parent_account))


def _expense_to_remote(body: BaseModel, refs: Refs) -> dict[str, Any]:
    expense = cast(ExpenseInput, body)
    account = refs.get(expense.account_id)
    credit_card = account is not None and account.data.get("type") == "Credit Card"
    return documents_mapping.expense_to_remote(expense, refs, credit_card=credit_card)


# object → (QBO entity, unified input → QBO body, QBO answer → record): creates with no second step.
_SIMPLE_CREATES: dict[str, tuple[str, Any, Any]] = {
    "account": ("Account", _account_to_remote, lambda remote, ctx: account_mapping.to_unified(remote, ctx)),
    "journal_entry": ("JournalEntry", lambda body, refs: documents_mapping.journal_entry_to_remote(body, refs),
                      documents_mapping.journal_entry_to_unified),
    "expense": ("Purchase", _expense_to_remote, documents_mapping.expense_to_unified),
    "purchase_order": ("PurchaseOrder", lambda body, refs: documents_mapping.purchase_order_to_remote(body, refs),
                       documents_mapping.purchase_order_to_unified),
}


def _ignored(object_name: str, body: BaseModel) -> list[Warning_]:
    """A warning for each field the caller set that QuickBooks cannot store (see resources.UNSUPPORTED_FIELDS)."""
    warnings = []
    for field in sorted(UNSUPPORTED_FIELDS.get(object_name, frozenset())):
        if "[]" in field:
            head, _, leaf = field.partition("[].")
            if any(getattr(line, leaf, None) for line in getattr(body, head, [])):
                warnings.append(Warning_(field=field, message="QuickBooks cannot store this; it was not sent"))
        elif getattr(body, field, None):
            warnings.append(Warning_(field=field, message="QuickBooks cannot store this; it was not sent"))
    return warnings


def _where(entity: Entity, since: dt.datetime | None) -> list[str]:
    where: list[str] = []
    if since is not None:
        where.append(f"MetaData.LastUpdatedTime >= '{query_time(since)}'")
    if entity.has_active:
        where.append("Active IN (true, false)")  # QBO hides inactive rows unless asked for both
    return where


def _changed(row: dict[str, Any], since: dt.datetime) -> bool:
    at = updated_at(row)
    return at is None or at >= since


