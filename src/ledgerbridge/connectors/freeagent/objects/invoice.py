"""Invoices at FreeAgent: receivable ones are ``/invoices``, payable ones ``/bills``; remote keys say which
(``invoices/12``, ``bills/3``).

Create: validate → (find the bank account, when the invoice comes paid) → ``POST`` → (``mark_as_sent``) → (pay
with a bank transaction explanation) → read back. FreeAgent has no idempotency key; an invoice's or bill's
``reference`` is unique at FreeAgent, so a create that carries one is retried after a transient failure, and a
retry refused as a duplicate reference is the earlier attempt having landed: that invoice is looked up and
answered. A create without a reference is sent once. A bill needs a reference, so one is derived from the
request key when the caller gives no number.

Update and void read the record, compare its ``updated_at`` with the version the caller saw (412 if it moved) and
only then write. Void: an invoice is cancelled (``mark_as_cancelled``, VOID); FreeAgent cannot void a bill, so an
unpaid bill is deleted (``remote_was_deleted``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import hashlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, check_version
from ledgerbridge.connectors.freeagent.errors import PROVIDER, is_duplicate_reference
from ledgerbridge.connectors.freeagent.mapping import invoice as mapping
from ledgerbridge.connectors.freeagent.mapping.common import iso_day, key_of
from ledgerbridge.connectors.freeagent.reader import Reader
from ledgerbridge.connectors.totals import total_warnings
from ledgerbridge.errors import (
    FieldError,
    ProviderDetail,
    ProviderError,
    ProviderRateLimited,
    ProviderRejected,
    ProviderUnavailable,
    QuotaExhausted,
)
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Sequence

    from ledgerbridge.connectors.freeagent.connector import FreeAgentConnector

ATTEMPTS = 4
INVOICES = Reader("invoices", "invoice", mapping.invoice_to_unified,
                  params={"view": "all", "nested_invoice_items": "true"}, key=lambda k: mapping.split_key(k)[1])
BILLS = Reader("bills", "bill", mapping.bill_to_unified, params={"view": "all"},
               key=lambda k: mapping.split_key(k)[1])
READERS = {"invoices": INVOICES, "bills": BILLS}
ENVELOPE = {"invoices": "invoice", "bills": "bill"}
_PAYING = (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)


async def pages(conn: FreeAgentConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    for reader in (INVOICES, BILLS):
        async for page in reader.pages(conn, since):
            yield page


async def fetch(conn: FreeAgentConnector, remote_key: str) -> RemoteRecord | None:
    collection, key = mapping.split_key(remote_key)
    reader = READERS.get(collection)
    if reader is None or not key.isdigit():
        return None  # not a key of ours: FreeAgent ids are numbers
    return await reader.fetch(conn, remote_key)


async def fetch_many(conn: FreeAgentConnector, keys: Sequence[str]) -> dict[str, RemoteRecord]:
    found: dict[str, RemoteRecord] = {}
    for key in keys:
        record = await fetch(conn, key)
        if record is not None:
            found[key] = record
    return found


# --- create --------------------------------------------------------------------------------------------------


async def validate(conn: FreeAgentConnector, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


def _bill_reference(body: InvoiceInput, request_key: str) -> str:
    return body.number or "LB-" + hashlib.sha256(request_key.encode()).hexdigest()[:10].upper()


async def _find_by_reference(conn: FreeAgentConnector, collection: str, reference: str,
                             since: dt.datetime) -> dict[str, Any] | None:
    async for rows in conn.client.pages(collection, since=since, params={"view": "all"}):
        for row in rows:
            if row.get("reference") == reference:
                return dict(row)
    return None


async def create_by_reference(conn: FreeAgentConnector, collection: str, body: dict[str, Any]) -> dict[str, Any]:
    """``POST`` a document; with a ``reference``, retried after transient failures (see the module docstring)."""
    envelope = ENVELOPE[collection]
    reference = body.get("reference")
    if not reference:
        return await conn.client.create(collection, envelope, body)
    started = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)  # margin for clocks that differ
    for attempt in range(ATTEMPTS):
        try:
            return await conn.client.create(collection, envelope, body)
        except QuotaExhausted:
            raise  # a caller's write out of time for quota: answered at once, never waited out here
        except (ProviderUnavailable, ProviderRateLimited) as exc:
            if attempt == ATTEMPTS - 1:
                raise
            await asyncio.sleep(min(exc.retry_after if exc.retry_after is not None else 0.2 * 2 ** attempt, 30.0))
        except ProviderRejected as exc:
            if attempt == 0 or not is_duplicate_reference(exc):
                raise
            landed = await _find_by_reference(conn, collection, str(reference), started)
            if landed is None:
                raise
            return landed
    raise AssertionError("unreachable")  # pragma: no cover


async def _bank_account(conn: FreeAgentConnector) -> str:
    """Where payments go: the connection's ``bank_account``, else FreeAgent's first bank account."""
    chosen = conn.context.credentials.get("bank_account")
    if chosen:
        return conn.client.url("bank_accounts", str(chosen))
    async for rows in conn.client.pages("bank_accounts", page_size=1):
        return str(rows[0]["url"])
    raise ProviderRejected(ProviderDetail(PROVIDER, message="no bank account to record the payment in", fields=[
        FieldError("status", "FreeAgent needs a bank account to record a payment; add one")]))


async def _pay(conn: FreeAgentConnector, collection: str, remote: dict[str, Any], body: InvoiceInput,
               bank: str) -> None:
    total, due = Decimal(str(remote["total_value"])), Decimal(str(remote["due_value"]))
    amount = due if body.status == InvoiceStatus.PAID or body.balance is None else total - body.balance
    if amount <= 0:
        return
    paid = "paid_invoice" if collection == "invoices" else "paid_bill"
    dated = iso_day(body.paid_on_date) or str(remote.get("dated_on"))
    await conn.client.create("bank_transaction_explanations", "bank_transaction_explanation", {
        "bank_account": bank, "dated_on": dated, paid: remote["url"],
        "gross_value": str(amount if collection == "invoices" else -amount),
        "description": f"Payment of {remote.get('reference') or key_of(remote['url'])}"})


async def _undo(conn: FreeAgentConnector, collection: str, remote: dict[str, Any]) -> None:
    """A create that failed half-way leaves nothing open: back to draft and deleted (best effort)."""
    key = str(key_of(remote["url"]))
    try:
        if collection == "invoices":
            await conn.client.transition("invoices", "invoice", key, "mark_as_draft")
        await conn.client.delete(collection, key)
    except ProviderError:
        pass


async def create(conn: FreeAgentConnector, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
    payable = body.type == InvoiceType.ACCOUNTS_PAYABLE
    collection = "bills" if payable else "invoices"
    paying = body.status in _PAYING
    bank = await _bank_account(conn) if paying else None  # before writing: no bank, nothing created
    today = dt.datetime.now(dt.UTC).date()
    if payable:
        remote_body = mapping.bill_to_remote(body, refs, conn.client.url, today, _bill_reference(body, request_key))
    else:
        remote_body = mapping.invoice_to_remote(body, refs, conn.client.url, today)
    created = await create_by_reference(conn, collection, remote_body)
    key = str(key_of(created["url"]))
    try:
        if not payable and body.status not in (None, InvoiceStatus.DRAFT):
            created = await conn.client.transition("invoices", "invoice", key, "mark_as_sent")
        if bank is not None:
            await _pay(conn, collection, created, body, bank)
    except ProviderError:
        await _undo(conn, collection, created)
        raise
    record = await fetch(conn, mapping.remote_key(collection, key))
    assert record is not None
    return WriteResult(record, _warnings(body, record))


def _warnings(body: InvoiceInput, record: RemoteRecord) -> list[Warning_]:
    warnings = write_warnings(body)
    warned = {w.field for w in warnings}
    return warnings + total_warnings(body, record.data, provider="FreeAgent", warned=warned)  # type: ignore[arg-type]


def write_warnings(body: InvoiceInput) -> list[Warning_]:
    warnings: list[Warning_] = []
    if body.type == InvoiceType.ACCOUNTS_PAYABLE:
        if body.memo:
            warnings.append(Warning_(field="memo", message="a FreeAgent bill has no notes in the contract; the memo "
                                                           "was not sent"))
        for i, line in enumerate(body.line_items):
            if line.description:
                warnings.append(Warning_(field=f"line_items[{i}].description",
                                         message="a FreeAgent bill is one category and a total; line descriptions "
                                                 "are not kept"))
    if body.paid_on_date is not None and body.status not in _PAYING:
        warnings.append(Warning_(field="paid_on_date", message="no payment was recorded, so paid_on_date was not kept"))
    return warnings


# --- update and void ---------------------------------------------------------------------------------------------


async def _current(conn: FreeAgentConnector, remote_key: str, expected_version: str | None) -> RemoteRecord:
    record = await fetch(conn, remote_key)
    if record is None:
        raise ProviderRejected(ProviderDetail(PROVIDER, status=404, code="NotFound", message="Resource not found"))
    check_version("FreeAgent", "updated_at", conn.version(record.remote_data), expected_version)
    return record


async def update(conn: FreeAgentConnector, remote_key: str, body: InvoiceInput, refs: Refs,
                 expected_version: str | None, request_key: str) -> WriteResult:
    current = await _current(conn, remote_key, expected_version)
    collection, key = mapping.split_key(remote_key)
    today = dt.datetime.now(dt.UTC).date()
    if collection == "bills":
        remote_body = mapping.bill_to_remote(body, refs, conn.client.url, today,
                                             body.number or str((current.remote_data or {}).get("reference")))
        await conn.client.update("bills", "bill", key, remote_body)
    else:
        await conn.client.update("invoices", "invoice", key, mapping.invoice_to_remote(body, refs, conn.client.url,
                                                                                      today))
        was = current.data.status  # type: ignore[attr-defined]
        if was == InvoiceStatus.DRAFT and body.status in (InvoiceStatus.OPEN, InvoiceStatus.SUBMITTED):
            await conn.client.transition("invoices", "invoice", key, "mark_as_sent")
        elif was == InvoiceStatus.OPEN and body.status == InvoiceStatus.DRAFT:
            await conn.client.transition("invoices", "invoice", key, "mark_as_draft")
    record = await fetch(conn, remote_key)
    assert record is not None
    return WriteResult(record, _warnings(body, record))


async def void(conn: FreeAgentConnector, remote_key: str, expected_version: str | None,
               request_key: str) -> WriteResult:
    current = await _current(conn, remote_key, expected_version)
    collection, key = mapping.split_key(remote_key)
    if collection == "bills":
        await conn.client.delete("bills", key)
        return WriteResult(dataclasses.replace(current, deleted=True),
                           [Warning_(field="status", message="FreeAgent cannot void a bill; it was deleted")])
    if current.data.status == InvoiceStatus.VOID:  # type: ignore[attr-defined]
        return WriteResult(current)
    await conn.client.transition("invoices", "invoice", key, "mark_as_cancelled")
    record = await fetch(conn, remote_key)
    assert record is not None
    return WriteResult(record)


DECLARATION = ObjectDeclaration(
    name="invoice",
    list=pages,
    fetch=fetch,
    fetch_many=fetch_many,
    create=create,
    update=update,
    void=void,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "tracking_categories", "total_discount", "exchange_rate",
                                  "field_mappings", "line_items[].tracking_categories", "line_items[].item_id",
                                  "line_items[].exchange_rate"}),
)
