"""Payments at Business Central: ``customerPayments`` (cash receipts; v1.0 has no vendor payments).

A payment is entered in the company's cash receipts journal (the connection's ``payment_journal`` code, else the
first customer payment journal) applied to one sales invoice; the invoice's remaining amount drops and it is
returned as changed too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.business_central.client import key_segment
from ledgerbridge.connectors.business_central.mapping import payment as mapping
from ledgerbridge.connectors.business_central.mapping.common import text, write_date
from ledgerbridge.connectors.business_central.objects import invoice
from ledgerbridge.connectors.business_central.reader import Reader
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.payment import PaymentInput, PaymentType

if TYPE_CHECKING:
    from ledgerbridge.connectors.business_central.connector import BusinessCentralConnector

READER = Reader(("customerPayments",), mapping.to_unified)


async def validate(conn: BusinessCentralConnector, body: PaymentInput, refs: Refs) -> list[FieldError]:
    errors = []
    if body.type == PaymentType.AP:
        errors.append(FieldError("type", "the Business Central v1.0 API records customer payments only"))
    if len(body.line_items) != 1:
        errors.append(FieldError("line_items", "Business Central applies a payment to one invoice"))
    for i, line in enumerate(body.line_items):
        ref = refs.get(line.related_object_id)
        if ref is not None and not ref.remote_key.startswith("salesInvoices/"):
            errors.append(FieldError(f"line_items[{i}].related_object_id", "not a sales invoice"))
    return errors


async def create(conn: BusinessCentralConnector, body: PaymentInput, refs: Refs, request_key: str) -> WriteResult:
    journal = await conn.payment_journal()
    line = body.line_items[0]
    remote: dict[str, Any] = {"amount": line.applied_amount,
                              "appliesToInvoiceId": refs.remote_id(line.related_object_id)}
    customer = refs.remote_id(body.contact_id)
    if customer:
        remote["customerId"] = customer
    if body.transaction_date is not None:
        remote["postingDate"] = write_date(body.transaction_date)
    if text(body.reference):
        remote["externalDocumentNumber"] = str(body.reference)[:35]
    created = await conn.client.create(f"customerPaymentJournals{key_segment(journal)}/customerPayments", remote)
    warnings = [Warning_(field="account_id", message="the payment goes to the journal's balancing account")
                ] if body.account_id is not None else []
    record = mapping.to_unified("customerPayments", created, conn.context)
    changed = await invoice.READER.fetch(conn, f"salesInvoices/{str(remote['appliesToInvoiceId']).lower()}")
    return WriteResult(record, warnings, also_changed=[changed] if changed is not None else [])


DECLARATION = ObjectDeclaration(
    name="payment",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"account_id", "currency", "exchange_rate", "tracking_categories",
                                  "accounting_period_id", "company_info_id", "field_mappings"}),
)
