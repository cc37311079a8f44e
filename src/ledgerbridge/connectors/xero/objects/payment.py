"""Payments at Xero: ``/Payments``, read (paged) and created against one invoice.

A payment changes the invoice it pays, so a create re-reads that invoice and returns it as also changed: its
new AmountDue and status are stored with the payment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, reject
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import PAYMENTS, first
from ledgerbridge.connectors.xero.mapping import payment as mapping
from ledgerbridge.connectors.xero.objects import invoice
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.payment import PaymentInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [mapping.to_unified(row, conn.context) for row in rows]


async def list_payments(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(PAYMENTS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(PAYMENTS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


async def validate(conn: XeroConnector, body: PaymentInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: XeroConnector, body: PaymentInput, refs: Refs, request_key: str) -> WriteResult:
    invoice_id = refs.remote_id(body.line_items[0].related_object_id)
    if invoice_id is None:
        reject([FieldError("line_items[0].related_object_id", "unknown invoice")])
    account_ref = refs.get(body.account_id)
    account = {"AccountID": account_ref.remote_id} if account_ref else await conn.payment_account()
    created = await conn.client.put("Payments", mapping.to_remote(body, str(invoice_id), account),
                                    key=idempotency_key(request_key, "payment"))
    paid = await conn.client.get("Invoices", str(invoice_id), params={"unitdp": "4"})
    return WriteResult(mapping.to_unified(created, conn.context), also_changed=await invoice.map_rows(conn, paid))


DECLARATION = ObjectDeclaration(
    name="payment",
    list=list_payments,
    fetch=fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "contact_id", "field_mappings",
                                  "tracking_categories", "status", "type"}),
)
