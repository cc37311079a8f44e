"""The QuickBooks Online connector: unified writes become QBO calls, QBO entities become unified records.

Objects and their QBO entities are declared in :mod:`.resources`; mapping is in :mod:`.mapping` (pure);
HTTP, idempotency and paging in :mod:`.client`; error classification in :mod:`.errors`. What is left here is
orchestration: validate → map → write → (pay) → map back → warn.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator, Iterable
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
from ledgerbridge.connectors.quickbooks.client import PAGE_SIZE, QuickBooksClient, query_time, request_id
from ledgerbridge.connectors.quickbooks.errors import is_not_found
from ledgerbridge.connectors.quickbooks.mapping import contact as contact_mapping
from ledgerbridge.connectors.quickbooks.mapping import invoice as invoice_mapping
from ledgerbridge.connectors.quickbooks.mapping import tax_rate as tax_rate_mapping
from ledgerbridge.connectors.quickbooks.mapping.common import money, read_date, split_key, updated_at
from ledgerbridge.connectors.quickbooks.resources import RESOURCES, UNSUPPORTED_FIELDS, Entity
from ledgerbridge.errors import FieldError, ProviderError, ProviderRejected
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus

log = logging.getLogger(__name__)

_PAID = (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)
# Totals QBO computes itself; a caller's figure that differs is reported, never silently replaced.
_COMPUTED_TOTALS = ("sub_total", "total_tax_amount", "total_amount", "total_discount", "balance")
_PAYMENT_ENTITY = {"Invoice": "Payment", "Bill": "BillPayment"}
_IDS_PER_QUERY = 200  # keeps "where Id in (…)" well inside URL limits


class QuickBooksConnector(Connector):
    provider = "quickbooks"
    capabilities = Capabilities(
        objects={name: resource.operations for name, resource in RESOURCES.items()},
        unsupported_fields=UNSUPPORTED_FIELDS,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = QuickBooksClient(context, http)

    # --- writes ------------------------------------------------------------------------------------------

    async def validate(self, object_name: str, body: BaseModel, refs: Refs) -> list[FieldError]:
        if object_name == "invoice":
            return invoice_mapping.validate(cast(InvoiceInput, body), refs)
        return []

    async def create(self, object_name: str, body: BaseModel, refs: Refs, *, request_key: str) -> WriteResult:
        self.require(object_name, "create")
        reject(await self.validate(object_name, body, refs))
        if object_name == "invoice":
            return await self._create_invoice(cast(InvoiceInput, body), refs, request_key)
        return await self._create_contact(cast(ContactInput, body), request_key)

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
        warnings.extend(_total_warnings(body, cast(Invoice, record.data), warned={w.field for w in warnings}))
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
        try:
            remote = await self.client.read(entity.name, remote_id)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        if not remote or remote.get("status") == "Deleted":
            return None
        return (await self._map(object_name, entity, [remote], rates=None))[0]

    async def pages(
        self, object_name: str, since: dt.datetime | None = None
    ) -> AsyncIterator[list[RemoteRecord]]:
        self.require(object_name, "list")
        if object_name == "tax_rate":
            async for page in self._tax_rate_pages(since):
                yield page
            return
        for entity in RESOURCES[object_name].entities:
            async for rows in self.client.query_pages(
                entity.name, _where(entity, since), page_size=self.page_size
            ):
                yield await self._map(object_name, entity, rows, rates=None)

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
        return [entity.to_unified(row, self.context) for row in rows]

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


def _total_warnings(body: InvoiceInput, result: Invoice, *, warned: set[str]) -> list[Warning_]:
    """A warning per figure the caller sent that QBO computed differently (QBO's figure is the one stored)."""
    warnings: list[Warning_] = []
    for field in _COMPUTED_TOTALS:
        sent = getattr(body, field)
        if sent is None or field in warned:
            continue
        got = getattr(result, field)
        if field in ("total_discount", "total_tax_amount") and got is None:
            got = Decimal(0)  # QBO leaves out a discount or tax it does not have
        if got != sent:
            warnings.append(Warning_(field=field, message=f"you sent {sent}; QuickBooks computed {got}"))
    if body.status is not None and "status" not in warned and result.status != body.status:
        warnings.append(
            Warning_(
                field="status",
                message=f"you sent {body.status.value}; "
                f"QuickBooks has it {result.status.value if result.status else 'unknown'}",
            )
        )
    return warnings
