"""Payments at Sage: ``/contact_payments``, read and created. A payment is allocated to invoices of one kind:
customer receipts settle sales invoices, supplier payments settle purchase invoices; the invoices it changes are
read again and returned with it (their balances and statuses moved)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.sage.client import idempotency_id
from ledgerbridge.connectors.sage.mapping import invoice as invoices
from ledgerbridge.connectors.sage.mapping import transactions
from ledgerbridge.connectors.sage.mapping.common import iso_day
from ledgerbridge.connectors.sage.objects.reference import PAYMENTS
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.payment import PaymentInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.sage.connector import SageConnector


def _targets(body: PaymentInput, refs: Refs) -> list[tuple[str, str]]:
    """(collection, id) of each invoice the payment is applied to (unknown ones are left out)."""
    found = []
    for line in body.line_items:
        ref = refs.get(line.related_object_id)
        if ref is not None:
            found.append(invoices.split_key(ref.remote_key))
    return found


async def validate(conn: SageConnector, body: PaymentInput, refs: Refs) -> list[FieldError]:
    errors = [FieldError(f"line_items[{i}].related_object_id", "not an invoice of this connection")
              for i, line in enumerate(body.line_items) if refs.get(line.related_object_id) is None]
    if len({collection for collection, _ in _targets(body, refs)}) > 1:
        errors.append(FieldError("line_items", "Sage allocates one payment to sales invoices or to bills, not both"))
    return errors


async def create(conn: SageConnector, body: PaymentInput, refs: Refs, request_key: str) -> WriteResult:
    targets = _targets(body, refs)
    collection = targets[0][0]
    first = await conn.client.record(collection, targets[0][1])
    contact = refs.remote_id(body.contact_id) or str(first["contact"]["id"])
    remote: dict[str, Any] = {
        "transaction_type_id": "CUSTOMER_RECEIPT" if collection == invoices.SALES else "VENDOR_PAYMENT",
        "contact_id": contact, "bank_account_id": await conn.bank_account(),
        "date": iso_day(body.transaction_date) or dt.datetime.now(dt.UTC).date().isoformat(),
        "total_amount": body.total_amount,
        "allocated_artefacts": [{"artefact_id": key, "amount": line.applied_amount}
                                for (_, key), line in zip(targets, body.line_items, strict=True)]}
    if body.reference:
        remote["reference"] = body.reference
    created = await conn.client.create("contact_payments", "contact_payment", remote,
                                       key=idempotency_id(request_key, "payment"))
    changed: list[RemoteRecord] = []
    for target_collection, key in targets:
        row = await conn.client.record(target_collection, key)
        changed.append(invoices.to_unified(row, conn.context, target_collection))
    warnings = [Warning_(field="account_id", message="Sage pays into a bank account: the connection's "
                                                     "bank_account_id, else the first bank account")
                ] if body.account_id is not None else []
    return WriteResult(transactions.payment_to_unified(created, conn.context), warnings, also_changed=changed)


DECLARATION = ObjectDeclaration(
    name="payment", list=PAYMENTS.pages, deleted=PAYMENTS.deleted, fetch=PAYMENTS.fetch, create=create,
    validate=validate,
    unsupported_fields=frozenset({"account_id", "currency", "exchange_rate", "company_info_id",
                                  "accounting_period_id", "tracking_categories", "field_mappings", "status"}),
)
