"""Payments ⇄ QBO Payment: read, create (a customer's payment applied to invoices).

The invoices paid are re-read after the payment, so their new Balance (and so status) is stored with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult, reject
from ledgerbridge.connectors.quickbooks.client import request_id
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import payment as mapping
from ledgerbridge.connectors.quickbooks.objects import invoice
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.payment import PaymentInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

READER = EntityReader((Entity("Payment"),), each(mapping.to_unified), cdc=True)


async def validate(connector: QuickBooksConnector, body: PaymentInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


async def create(connector: QuickBooksConnector, body: PaymentInput, refs: Refs, request_key: str) -> WriteResult:
    invoice_ids = [refs.remote_id(line.related_object_id) or "" for line in body.line_items]
    first = await connector.client.read("Invoice", invoice_ids[0])
    customer = refs.remote_id(body.contact_id) or mapping.invoice_customer(first)
    if customer is None:
        reject([FieldError("contact_id", "QuickBooks needs the customer who pays")])
    payload = mapping.to_remote(body, refs, str(customer))
    created = await connector.client.create("Payment", payload, requestid=request_id(request_key))
    changed = [await connector.client.read("Invoice", remote_id) for remote_id in invoice_ids]
    return WriteResult(
        mapping.to_unified(created, connector.context),
        connector.not_stored("payment", body),
        also_changed=await invoice.map_rows(connector, "Invoice", changed),
    )


DECLARATION = ObjectDeclaration(
    "payment",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many, deleted=READER.deleted,
    unmapped_fields={"UnappliedAmt": "the part of the payment applied to no invoice (a credit the customer holds)"},
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "field_mappings",
                                  "tracking_categories", "status"}),
)
