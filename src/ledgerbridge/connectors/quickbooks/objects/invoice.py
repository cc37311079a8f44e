"""Invoices ⇄ QBO Invoice (receivable) and Bill (payable): read, create (paid if asked), update, void.

A PAID or PARTIALLY_PAID receivable invoice is created unpaid, then a QBO Payment is recorded against it and the
invoice re-read for QBO's balance; if the payment fails the invoice is deleted again, so a failed create leaves
nothing at QBO. ``paid_on_date`` is the TxnDate of the latest linked payment, looked up per page of invoices.

Changes run under QBO's SyncToken: QBO refuses a write whose SyncToken is not the entity's current one (fault 5010,
"Stale Object Error"), and that refusal is our 412. An update sends the caller's version and lets QBO judge it;
a void reads the current one first (:func:`~ledgerbridge.connectors.base.check_version`). Invoices are voided
(``operation=void``: amounts zeroed, note "Voided"); QBO cannot void a Bill, so a bill is deleted instead and comes
back with ``remote_was_deleted``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, check_version
from ledgerbridge.connectors.quickbooks.client import query_time, quoted, request_id
from ledgerbridge.connectors.quickbooks.entities import IDS_PER_QUERY, Entity, EntityReader
from ledgerbridge.connectors.quickbooks.errors import is_stale
from ledgerbridge.connectors.quickbooks.mapping import invoice as mapping
from ledgerbridge.connectors.quickbooks.mapping.common import money, read_date, split_key
from ledgerbridge.connectors.totals import total_warnings
from ledgerbridge.errors import FieldError, ProviderError, ProviderRejected, ValidationFailed
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

log = logging.getLogger(__name__)

_PAID = (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)
_PAYMENT_ENTITY = {"Invoice": "Payment", "Bill": "BillPayment"}


async def map_rows(connector: QuickBooksConnector, entity: str, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    dates = await _payment_dates(connector, entity, rows)
    return [mapping.to_unified(entity, row, connector.context, payment_dates=dates) for row in rows]


async def _payment_dates(connector: QuickBooksConnector, entity: str, rows: list[dict[str, Any]]
                         ) -> dict[str, dt.datetime]:
    """TxnDate of the payments linked to the paid rows, for ``paid_on_date``: one query per 200 payments.

    Best effort: paid_on_date is optional, so a query QBO refuses leaves it empty rather than failing a sync.
    """
    ids = sorted({
        i
        for row in rows
        if mapping.derive_status(money(row.get("TotalAmt")), money(row.get("Balance")), row.get("PrivateNote")) in _PAID
        for i in mapping.payment_ids(entity, row)
    })
    payment_entity = _PAYMENT_ENTITY[entity]
    dates: dict[str, dt.datetime] = {}
    for start in range(0, len(ids), IDS_PER_QUERY):
        listed = ", ".join(quoted(i) for i in ids[start : start + IDS_PER_QUERY])
        try:
            found = await connector.client.select(payment_entity, [f"Id in ({listed})"], max_results=IDS_PER_QUERY)
        except ProviderRejected as exc:
            log.warning("quickbooks: payment dates unavailable (%s)", exc)
            return dates
        for payment in found:
            if (when := read_date(payment.get("TxnDate"))) is not None:
                dates[str(payment["Id"])] = when
    return dates


READER = EntityReader((Entity("Invoice"), Entity("Bill")), map_rows, cdc=True)


async def validate(connector: QuickBooksConnector, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


# --- create ----------------------------------------------------------------------------------------------------


async def create(connector: QuickBooksConnector, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
    entity = mapping.ENTITY_FOR_TYPE[body.type]
    warnings = mapping.write_warnings(body)
    requestid = request_id(request_key)
    payload = mapping.with_marker(mapping.to_remote(body, refs), requestid)
    created = await connector.client.create(entity, payload, requestid=requestid)
    payment_dates: dict[str, dt.datetime] = {}
    if entity == "Invoice" and body.status in _PAID:
        amount, warning = _payment_amount(body, created)
        if warning is not None:
            warnings.append(warning)
        if amount is not None:
            created, payment_dates = await _pay(connector, created, amount, body, request_key)
    record = mapping.to_unified(entity, created, connector.context, payment_dates=payment_dates)
    warned = {w.field for w in warnings}
    warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="QuickBooks", warned=warned))
    return WriteResult(record, warnings)


async def find_created(connector: QuickBooksConnector, body: InvoiceInput, request_key: str,
                       since: dt.datetime) -> RemoteRecord | None:
    """The invoice (or bill) a create with ``request_key`` made, found by the marker :func:`create` wrote into its
    PrivateNote among the rows changed since ``since`` (None: QBO has no such record)."""
    entity = mapping.ENTITY_FOR_TYPE[body.type]
    wanted = mapping.marker(request_id(request_key))
    where = [f"MetaData.LastUpdatedTime >= '{query_time(since)}'"]
    async for rows in connector.client.select_all(entity, where):
        for row in rows:
            if (row.get("PrivateNote") or "").rpartition("\n")[2] == wanted:
                [record] = await map_rows(connector, entity, [row])
                return record
    return None


def _payment_amount(body: InvoiceInput, created: dict[str, Any]) -> tuple[Decimal | None, Warning_ | None]:
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


async def _pay(connector: QuickBooksConnector, created: dict[str, Any], amount: Decimal, body: InvoiceInput,
               request_key: str) -> tuple[dict[str, Any], dict[str, dt.datetime]]:
    """Record a QBO Payment against the invoice just created, then re-read it for QBO's balance.

    If the payment fails the invoice is deleted again: a failed create must leave nothing at QBO.
    """
    payload = mapping.payment_to_remote(created, amount, body.paid_on_date or body.issue_date)
    try:
        payment = await connector.client.create("Payment", payload, requestid=request_id(request_key, ":payment"))
    except Exception:
        await _delete_quietly(connector, created, request_key)
        raise
    invoice = await connector.client.read("Invoice", str(created["Id"]))
    when = read_date(payment.get("TxnDate"))
    return invoice, ({str(payment["Id"]): when} if when and payment.get("Id") else {})


async def _delete_quietly(connector: QuickBooksConnector, remote: dict[str, Any], request_key: str) -> None:
    try:
        await connector.client.delete("Invoice", str(remote["Id"]), str(remote.get("SyncToken", "0")),
                                      requestid=request_id(request_key, ":undo"))
    except ProviderError as exc:  # the original error matters more; this one is logged for an operator
        log.error("quickbooks: could not delete Invoice %s after a failed payment: %s", remote.get("Id"), exc)


# --- update and void -------------------------------------------------------------------------------------------


async def update(connector: QuickBooksConnector, remote_key: str, body: InvoiceInput, refs: Refs,
                 expected_version: str | None, request_key: str) -> WriteResult:
    """A full update of the lines and header; QBO judges the caller's SyncToken (none: the current one)."""
    entity, remote_id = split_key(remote_key)
    wanted = mapping.ENTITY_FOR_TYPE[body.type]
    if entity != wanted:
        raise ValidationFailed("The request has invalid fields", errors=[
            FieldError("type", f"a QuickBooks {entity} cannot become a {wanted}; create a new one")])
    token = expected_version
    if token is None:
        token = _sync_token(await connector.client.read(entity, remote_id), None)
    payload = {**mapping.to_remote(body, refs), "Id": remote_id, "SyncToken": token}
    with _stale_as_412(token):
        updated = await connector.client.update(entity, payload, requestid=request_id(request_key))
    [record] = await map_rows(connector, entity, [updated])
    warnings = [w for w in mapping.write_warnings(body) if w.field not in ("status", "paid_on_date")]
    if body.status is not None and body.status != cast(Invoice, record.data).status:
        warnings.append(Warning_(field="status", message="QuickBooks computes an invoice's status from its "
                                 "payments; to void it, DELETE it"))
    warned = {w.field for w in warnings} | {"status"}
    warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="QuickBooks", warned=warned))
    return WriteResult(record, warnings)


async def void(connector: QuickBooksConnector, remote_key: str, expected_version: str | None,
               request_key: str) -> WriteResult:
    entity, remote_id = split_key(remote_key)
    current = await connector.client.read(entity, remote_id)
    token = _sync_token(current, expected_version)
    with _stale_as_412(token):
        if entity == "Invoice":
            voided = await connector.client.void(entity, remote_id, token, requestid=request_id(request_key))
            [record] = await map_rows(connector, entity, [voided])
            return WriteResult(record)
        # QBO cannot void a bill: it is deleted, and stays in our store flagged remote_was_deleted.
        await connector.client.delete(entity, remote_id, token, requestid=request_id(request_key))
    [record] = await map_rows(connector, entity, [current])
    return WriteResult(dataclasses.replace(record, deleted=True),
                       [Warning_(field="status", message="QuickBooks cannot void a bill; it was deleted")])


def _sync_token(current: dict[str, Any], expected: str | None) -> str:
    """The SyncToken to write with: the entity's current one, which must be the caller's if they named one."""
    token = str(current.get("SyncToken", "0"))
    check_version("QuickBooks", "SyncToken", token, expected)
    return token


@contextlib.contextmanager
def _stale_as_412(sent: str) -> Iterator[None]:
    """QBO judges the SyncToken sent: its Stale Object Error (5010) is the same 412 as :func:`check_version`'s."""
    try:
        yield
    except ProviderRejected as exc:
        if not is_stale(exc):
            raise
    else:
        return
    check_version("QuickBooks", "SyncToken", None, sent)  # QBO's current token is not the one sent: raises


DECLARATION = ObjectDeclaration(
    "invoice",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many, deleted=READER.deleted,
    create=create,
    find_created=find_created,
    update=update,
    void=void,
    validate=validate,
    # Custom fields mapped to CustomField paths are sent on invoices and bills (see service/field_mappings.py).
    unsupported_fields=frozenset({"accounting_period_id", "line_items[].exchange_rate"}),
)
