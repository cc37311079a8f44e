"""Payments at Moneybird: listed from inside their invoices, read by id, recorded on one invoice.

Create: the payment's invoice (``invoice_id``, else its one line's ``related_object_id``) decides the call:
``POST /sales_invoices/{id}/payments`` or ``POST /documents/purchase_invoices/{id}/payments``; the invoice, whose
balance and status moved, comes back re-read as ``also_changed``. Sent once (no idempotency key).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, reject
from ledgerbridge.connectors.moneybird.errors import is_not_found
from ledgerbridge.connectors.moneybird.mapping import invoice as invoice_mapping
from ledgerbridge.connectors.moneybird.mapping import payment as mapping
from ledgerbridge.connectors.moneybird.objects.invoice import READERS
from ledgerbridge.connectors.moneybird.reader import changed_since
from ledgerbridge.errors import FieldError, ProviderRejected
from ledgerbridge.unified.payment import PaymentInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.moneybird.connector import MoneybirdConnector


async def pages(conn: MoneybirdConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    for reader in READERS.values():
        async for invoices in reader.pages(conn, since):
            found = [mapping.to_unified(p, conn.context, record.data.currency)  # type: ignore[attr-defined]
                     for record in invoices for p in (record.remote_data or {}).get("payments") or []
                     if changed_since(p, since)]
            if found:
                yield found


async def fetch(conn: MoneybirdConnector, remote_key: str) -> RemoteRecord | None:
    if not remote_key.isdigit():
        return None
    try:
        return mapping.to_unified(await conn.client.get("payments", remote_key), conn.context)
    except ProviderRejected as exc:
        if is_not_found(exc):
            return None
        raise


async def create(conn: MoneybirdConnector, body: PaymentInput, refs: Refs, request_key: str) -> WriteResult:
    target = body.invoice_id or (body.line_items[0].related_object_id if len(body.line_items) == 1 else None)
    ref = refs.get(target)
    if ref is None or ref.object != "invoice":
        reject([FieldError("invoice_id", "a Moneybird payment settles one invoice: give invoice_id")])
    assert ref is not None
    amount = body.total_amount if body.total_amount is not None else sum(
        (line.applied_amount for line in body.line_items), start=0)
    if not amount:
        reject([FieldError("total_amount", "give the amount paid")])
    kind, remote_id = invoice_mapping.split_key(ref.remote_key)
    resource = invoice_mapping.RESOURCE[kind]
    created = await conn.client.write("POST", resource, remote_id, "payments", body=mapping.to_remote(body, amount))
    invoice = invoice_mapping.to_unified(kind, await conn.client.get(resource, remote_id), conn.context)
    return WriteResult(mapping.to_unified(created, conn.context, invoice.data.currency),  # type: ignore[attr-defined]
                       also_changed=[invoice])


DECLARATION = ObjectDeclaration(
    name="payment",
    list=pages,
    fetch=fetch,
    create=create,
    unsupported_fields=frozenset({"account_id", "contact_id", "exchange_rate", "tracking_categories",
                                  "company_info_id", "accounting_period_id", "field_mappings"}),
)
