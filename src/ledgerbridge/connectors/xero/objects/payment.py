"""Payments at Xero: ``/Payments``, read (paged) and created against one invoice.

A payment changes the invoice it pays, so a create re-reads that invoice and returns it as also changed: its
new AmountDue and status are stored with the payment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult, reject
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import PAYMENTS
from ledgerbridge.connectors.xero.mapping import payment as mapping
from ledgerbridge.connectors.xero.objects import invoice
from ledgerbridge.connectors.xero.reader import Reader, each
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.payment import PaymentInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector

READER = Reader(PAYMENTS, each(mapping.to_unified))


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
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "contact_id", "field_mappings",
                                  "tracking_categories", "status", "type"}),
)
