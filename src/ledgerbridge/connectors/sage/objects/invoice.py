"""Invoices (``sales_invoices``) and bills (``purchase_invoices``) at Sage: read, created, updated and voided.

Create: resolve each line's ledger account (the caller's, the item's, else the first sales or overheads account,
with a warning) → ``POST`` with an ``idempotency_id`` → for a PAID or PARTIALLY_PAID invoice, a contact payment
allocated to it (its own idempotency_id) and a fresh read. If that payment fails the invoice is voided (or
deleted, for a bill), so a failed create leaves nothing open at Sage.

Sage has no conditional write: update and void read the record and compare our version of it (see
``SageConnector.version``) with the caller's before writing. Void: an issued sales invoice is voided
(``DELETE`` with ``void_reason``); a draft, and any bill (the contract has no void for them), is deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, check_version, reject
from ledgerbridge.connectors.sage.client import idempotency_id
from ledgerbridge.connectors.sage.errors import is_not_found
from ledgerbridge.connectors.sage.mapping import invoice as mapping
from ledgerbridge.connectors.totals import total_warnings
from ledgerbridge.errors import FieldError, ProviderError, ProviderRejected
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus, InvoiceType

if TYPE_CHECKING:
    from ledgerbridge.connectors.sage.connector import SageConnector

VOID_REASON = "Voided through Ledgerbridge"
_PAYING = (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)


async def pages(conn: SageConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    for collection in (mapping.SALES, mapping.PURCHASES):
        async for rows in conn.client.pages(collection, since=since, page_size=conn.page_size):
            yield [mapping.to_unified(row, conn.context, collection) for row in rows]


async def deleted(conn: SageConnector, since: dt.datetime) -> list[str]:
    """Keys of the sales and purchase invoices Sage deleted since ``since`` (``deleted_since``)."""
    return [f"{collection}/{row['id']}" for collection in (mapping.SALES, mapping.PURCHASES)
            async for rows in conn.client.pages(collection, since=since, deleted=True, page_size=conn.page_size)
            for row in rows]


async def _read(conn: SageConnector, remote_key: str) -> dict[str, Any] | None:
    collection, key = mapping.split_key(remote_key)
    try:
        return await conn.client.record(collection, key)
    except ProviderRejected as exc:
        if is_not_found(exc):
            return None
        raise


async def fetch(conn: SageConnector, remote_key: str) -> RemoteRecord | None:
    row = await _read(conn, remote_key)
    return None if row is None else mapping.to_unified(row, conn.context, mapping.split_key(remote_key)[0])


async def validate(conn: SageConnector, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


async def _lines(conn: SageConnector, body: InvoiceInput, refs: Refs) -> tuple[list[str], list[str], list[Warning_]]:
    """Each line's ledger account and description, defaults resolved (Sage requires both)."""
    receivable = body.type == InvoiceType.ACCOUNTS_RECEIVABLE
    accounts, descriptions, warnings = [], [], []
    for i, line in enumerate(body.line_items):
        account = refs.remote_id(line.account_id)
        product = refs.remote_id(line.item_id)
        found: dict[str, Any] = {}
        if product and (account is None or not line.description):
            found = await conn.client.record("products", product)
        if account is None and found:
            account = str((found.get("sales_ledger_account" if receivable else "purchase_ledger_account") or {})
                          .get("id") or "") or None
        if account is None:
            account = await conn.default_account(receivable)
            warnings.append(Warning_(field=f"line_items[{i}].account_id", message=(
                f"no account given; Sage needs one, so the line is booked to ledger account {account}")))
        accounts.append(account)
        description = line.description or str(found.get("description") or "")
        if not description:
            description = f"Line {i + 1}"
            warnings.append(Warning_(field=f"line_items[{i}].description",
                                     message=f"Sage needs a description; sent {description!r}"))
        descriptions.append(description)
    return accounts, descriptions, warnings


async def create(conn: SageConnector, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
    collection = mapping.collection_of(body.type)
    accounts, descriptions, warnings = await _lines(conn, body, refs)
    warnings += mapping.line_warnings(body)
    paying = body.status in _PAYING
    bank = await conn.bank_account() if paying else None  # before writing: no bank, nothing created
    remote = mapping.to_remote(body, refs, accounts, descriptions)
    if "date" not in remote:
        remote["date"] = dt.datetime.now(dt.UTC).date().isoformat()
    if collection == mapping.PURCHASES and "due_date" not in remote:
        remote["due_date"] = remote["date"]
        warnings.append(Warning_(field="due_date", message="Sage needs a bill's due date; the issue date was used"))
    created = await conn.client.create(collection, mapping.singular(collection), remote,
                                       key=idempotency_id(request_key, "invoice"))
    if paying and bank is not None:
        created = await _pay(conn, collection, created, body, bank, request_key)
    record = mapping.to_unified(created, conn.context, collection)
    warned = {w.field for w in warnings}
    warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="Sage", warned=warned))
    return WriteResult(record, warnings)


async def _pay(conn: SageConnector, collection: str, created: dict[str, Any], body: InvoiceInput, bank: str,
               request_key: str) -> dict[str, Any]:
    total = Decimal(str(created.get("outstanding_amount") or created.get("total_amount") or 0))
    amount = total if body.status == InvoiceStatus.PAID or body.balance is None else max(
        Decimal(0), total - body.balance)
    if amount <= 0:
        return created
    when = body.paid_on_date or body.issue_date
    payment = {"transaction_type_id": "CUSTOMER_RECEIPT" if collection == mapping.SALES else "VENDOR_PAYMENT",
               "contact_id": created["contact"]["id"], "bank_account_id": bank,
               "date": (when.date() if when else dt.datetime.now(dt.UTC).date()).isoformat(), "total_amount": amount,
               "allocated_artefacts": [{"artefact_id": created["id"], "amount": amount}]}
    try:
        await conn.client.create("contact_payments", "contact_payment", payment,
                                 key=idempotency_id(request_key, "payment"))
    except ProviderError:
        await _undo(conn, collection, str(created["id"]))
        raise
    return await conn.client.record(collection, str(created["id"]))


async def _undo(conn: SageConnector, collection: str, key: str) -> None:
    try:
        params = {"void_reason": VOID_REASON} if collection == mapping.SALES else None
        await conn.client.delete(collection, key, params=params)
    except ProviderError:  # the payment's error matters more to the caller
        pass


async def _current(conn: SageConnector, remote_key: str, expected: str | None) -> dict[str, Any]:
    collection, key = mapping.split_key(remote_key)
    current = await conn.client.record(collection, key)
    check_version("Sage", "updated_at", conn.version(current), expected)
    return current


async def update(conn: SageConnector, remote_key: str, body: InvoiceInput, refs: Refs, expected: str | None,
                 request_key: str) -> WriteResult:
    collection, key = mapping.split_key(remote_key)
    await _current(conn, remote_key, expected)
    if mapping.collection_of(body.type) != collection:
        reject([FieldError("type", "Sage cannot turn a sales invoice into a bill or back")])
    accounts, descriptions, warnings = await _lines(conn, body, refs)
    remote = mapping.to_remote(body, refs, accounts, descriptions)
    remote.pop("status_id", None)  # status moves by release, payments and void, never by an edit
    updated = await conn.client.update(collection, mapping.singular(collection), key, remote)
    if body.status is not None and body.status not in (InvoiceStatus.OPEN, InvoiceStatus.DRAFT):
        warnings.append(Warning_(field="status", message="Sage changes status by payments and voids; "
                                 "to void, DELETE the invoice"))
    return WriteResult(mapping.to_unified(updated, conn.context, collection), warnings)


async def void(conn: SageConnector, remote_key: str, expected: str | None, request_key: str) -> WriteResult:
    collection, key = mapping.split_key(remote_key)
    current = await _current(conn, remote_key, expected)
    status = (current.get("status") or {}).get("id")
    deleting = collection == mapping.PURCHASES or status == "DRAFT"
    params = None if deleting else {"void_reason": VOID_REASON}
    answer = await conn.client.delete(collection, key, params=params)
    record = mapping.to_unified(answer or current, conn.context, collection)
    if not deleting:
        return WriteResult(record)
    what = "bill" if collection == mapping.PURCHASES else "draft invoice"
    return WriteResult(dataclasses.replace(record, deleted=True),
                       [Warning_(field="status", message=f"Sage cannot void a {what}; it was deleted")])


DECLARATION = ObjectDeclaration(
    name="invoice", list=pages, deleted=deleted, fetch=fetch, create=create, update=update, void=void,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "field_mappings", "total_discount", "tracking_categories",
                                  "line_items[].exchange_rate", "line_items[].tracking_categories"}),
)
