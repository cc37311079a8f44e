"""Invoices at Moneybird: sales invoices (receivable) and purchase invoices (payable), one object over two
resources, read and written, updated under ``version`` and voided.

Create: ``POST`` the invoice; a receivable one that is not a DRAFT is then sent (``PATCH send_invoice``, delivery
``Manual``: Moneybird numbers it and opens it, nothing is emailed). PAID (and PARTIALLY_PAID with a balance) is
made true by a payment on the invoice (``POST …/payments``). If a later step fails the invoice is deleted, so a
failed create leaves nothing at Moneybird. Purchase invoices are booked open. Moneybird has no idempotency key:
each step is sent once.

If-Match: Moneybird takes no conditional header, so update and void read the record, compare its ``version``
(Moneybird's optimistic-lock counter) with the one the caller saw (412 if it moved) and only then write. Void:
Moneybird cannot void; an invoice without payments is deleted (``remote_was_deleted``), one with payments is
refused by Moneybird (422 naming its payments).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any, cast

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, check_version, reject
from ledgerbridge.connectors.moneybird.mapping import invoice as mapping
from ledgerbridge.connectors.moneybird.reader import Reader, Resource
from ledgerbridge.connectors.totals import total_warnings
from ledgerbridge.errors import FieldError, ProviderError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus

log = logging.getLogger(__name__)
_PAYING = (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)

if TYPE_CHECKING:
    import datetime as dt

    from ledgerbridge.connectors.moneybird.connector import MoneybirdConnector

SALES_READER = Reader(Resource("sales_invoices", filter="state:all", sync=True,
                               keep=lambda row: not mapping.is_credit(row)),
                      lambda row, ctx: mapping.to_unified(mapping.SALES, row, ctx), prefix="sales_invoices/")
PURCHASE_READER = Reader(Resource("documents/purchase_invoices", filter="state:all", sync=True),
                         lambda row, ctx: mapping.to_unified(mapping.PURCHASE, row, ctx), prefix="purchase_invoices/")
READERS = {mapping.SALES: SALES_READER, mapping.PURCHASE: PURCHASE_READER}


async def pages(conn: MoneybirdConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    for reader in READERS.values():
        async for page in reader.pages(conn, since):
            yield page


async def fetch(conn: MoneybirdConnector, remote_key: str) -> RemoteRecord | None:
    kind = remote_key.partition("/")[0]
    reader = READERS.get(kind)
    return None if reader is None else await reader.fetch(conn, remote_key)


async def fetch_many(conn: MoneybirdConnector, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
    found: dict[str, RemoteRecord] = {}
    for kind, reader in READERS.items():
        keys = [k for k in remote_keys if k.startswith(kind + "/")]
        if keys:
            found.update(await reader.fetch_many(conn, keys))
    return found


async def validate(conn: MoneybirdConnector, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


async def create(conn: MoneybirdConnector, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
    kind = mapping.KIND[body.type]
    resource = mapping.RESOURCE[kind]
    warnings = mapping.write_warnings(body)
    created = await conn.client.write("POST", resource, body={mapping.WRAPPER[kind]: mapping.to_remote(body, refs)})
    try:
        if kind == mapping.SALES and body.status != InvoiceStatus.DRAFT:
            created = await conn.client.write("PATCH", resource, str(created["id"]), "send_invoice",
                                              body={"sales_invoice_sending": {"delivery_method": "Manual"}})
        if body.status in _PAYING:
            amount, warning = mapping.payment_amount(body, created)
            if warning is not None:
                warnings.append(warning)
            if amount is not None:
                await conn.client.write("POST", resource, str(created["id"]), "payments",
                                        body=mapping.payment_body(amount, body.paid_on_date or body.issue_date))
                created = await conn.client.get(resource, str(created["id"]))
    except ProviderError:
        await _delete_quietly(conn, resource, str(created["id"]))
        raise
    record = mapping.to_unified(kind, created, conn.context)
    warned = {w.field for w in warnings}
    warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="Moneybird", warned=warned))
    return WriteResult(record, warnings)


async def _delete_quietly(conn: MoneybirdConnector, resource: str, remote_id: str) -> None:
    """Undo a create whose later step failed: a failed create must leave nothing at Moneybird."""
    try:
        await conn.client.write("DELETE", resource, remote_id)
    except ProviderError as exc:  # the original error matters more; this one is for an operator
        log.error("moneybird: could not delete %s/%s after a failed create: %s", resource, remote_id, exc)


async def _current(conn: MoneybirdConnector, remote_key: str, expected: str | None) -> tuple[str, dict[str, Any]]:
    kind, remote_id = mapping.split_key(remote_key)
    current = await conn.client.get(mapping.RESOURCE[kind], remote_id)
    check_version("Moneybird", "version", conn.version(current), expected)
    return kind, current


async def update(conn: MoneybirdConnector, remote_key: str, body: InvoiceInput, refs: Refs, expected: str | None,
                 request_key: str) -> WriteResult:
    kind, current = await _current(conn, remote_key, expected)
    if mapping.KIND[body.type] != kind:
        reject([FieldError("type", "Moneybird cannot turn a sales invoice into a purchase invoice or back")])
    attrs = mapping.to_remote(body, refs, current)
    updated = await conn.client.write("PATCH", mapping.RESOURCE[kind], str(current["id"]),
                                      body={mapping.WRAPPER[kind]: attrs})
    warnings = [w for w in mapping.write_warnings(body) if w.field != "number"]
    if body.status is not None and body.status != mapping.derive_status(current):
        warnings.append(Warning_(field="status", message="Moneybird changes status by sending, paying or "
                                                         "deleting an invoice, not by an edit"))
    return WriteResult(mapping.to_unified(kind, updated, conn.context), warnings)


async def void(conn: MoneybirdConnector, remote_key: str, expected: str | None, request_key: str) -> WriteResult:
    kind, current = await _current(conn, remote_key, expected)
    await conn.client.write("DELETE", mapping.RESOURCE[kind], str(current["id"]))
    record = mapping.to_unified(kind, current, conn.context)
    return WriteResult(dataclasses.replace(record, deleted=True),
                       [Warning_(field="status", message="Moneybird cannot void an invoice; it was deleted")])


DECLARATION = ObjectDeclaration(
    name="invoice",
    list=pages,
    fetch=fetch,
    fetch_many=fetch_many,
    create=create,
    update=update,
    void=void,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "exchange_rate", "line_items[].exchange_rate"}),
)
