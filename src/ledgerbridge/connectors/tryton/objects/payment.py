"""Payments: the payment lines of Tryton invoices, listed and created.

A payment runs Tryton's own ``account.invoice.pay`` wizard on the invoice (as the "Pay" button does), so Tryton
books the move, adds its line to the invoice's ``payment_lines`` and lowers ``amount_to_pay`` (a partial payment
keeps the rest open; the invoice turns ``paid`` when nothing is left). The wizard pays one invoice, so a unified
payment applies to exactly one. Overpayments are refused rather than booked as an open credit. Every rule Tryton
would refuse the payment for (state, amount, currency, party) is checked first, so a dry run reports it and a
refused write sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, reject
from ledgerbridge.connectors.tryton.mapping import MODELS, payment, to_day, to_int
from ledgerbridge.connectors.tryton.objects import invoice
from ledgerbridge.connectors.tryton.table import Table
from ledgerbridge.errors import FieldError, ProviderDetail, ProviderRejected
from ledgerbridge.unified.payment import PaymentInput, PaymentType

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    """Payment lines with their invoice and the other side of their move (the account paid from or into)."""
    client = connector.client
    invoices = {row["id"]: row for row in await client.read(
        MODELS["invoice"], sorted({row["invoice_payment"] for row in rows}), payment.INVOICE_FIELDS)}
    moves = sorted({row["move"] for row in rows})
    others = await client.search_read(TABLE.model, [("move", "in", moves)], payment.COUNTERPART_FIELDS,
                                      order=[("id", "ASC")]) if moves else []
    out = []
    for row in rows:
        paid = invoices.get(row["invoice_payment"], {})
        # The counterpart is the first line of the move on another account than the invoice's.
        counterpart = next((o["account"] for o in others if o["move"] == row["move"] and o["id"] != row["id"]
                            and o["account"] != paid.get("account")), None)
        data = payment.to_unified(row, paid, counterpart, connector.context.ref)
        out.append(TABLE.record(row, data, remote_data={**row, "invoice": paid, "counterpart_account": counterpart}))
    return out


@dataclass(frozen=True)
class Checked:
    errors: list[FieldError]
    invoice: dict[str, Any] = field(default_factory=dict)  # the invoice paid, as Tryton has it now
    method: int | None = None  # the payment method to pay it with


async def check(connector: TrytonConnector, body: PaymentInput, refs: Refs) -> Checked:
    errors: list[FieldError] = []
    if len(body.line_items) != 1:
        return Checked([FieldError("line_items", "Tryton's pay wizard pays one invoice at a time; send one payment "
                                                 "per invoice")])
    line = body.line_items[0]
    where = "line_items[0].related_object_id"
    invoice_id = to_int(refs.remote_id(line.related_object_id))
    rows = await connector.client.read(MODELS["invoice"], [invoice_id], [
        "type", "state", "amount_to_pay", "total_amount", "currency.code", "currency.digits", "party",
        "payment_lines"]) if invoice_id is not None else []
    if not rows:
        return Checked([FieldError(where, "the invoice no longer exists in Tryton")])
    paid = rows[0]
    to_pay: Decimal = paid["amount_to_pay"] or Decimal(0)
    if paid["state"] != "posted":
        errors.append(FieldError(where, f"Tryton pays only posted invoices; this one is {paid['state']}"))
    elif line.applied_amount > to_pay:
        errors.append(FieldError("line_items[0].applied_amount", (
            f"the invoice has {to_pay} left to pay in Tryton; an overpayment is not recorded")))
    currency = (paid.get("currency.") or {}).get("code")
    digits = (paid.get("currency.") or {}).get("digits")
    if digits is not None and line.applied_amount != line.applied_amount.quantize(Decimal(1).scaleb(-digits)):
        errors.append(FieldError("line_items[0].applied_amount", f"{currency} amounts have {digits} decimals"))
    if body.currency is not None and body.currency != currency:
        errors.append(FieldError("currency", f"the invoice is in {currency}; Tryton pays it in that currency"))
    wanted = PaymentType.AR if paid["type"] == "out" else PaymentType.AP
    if body.type is not None and body.type != wanted:
        errors.append(FieldError("type", f"a payment of this invoice is {wanted.value}"))
    party = refs.remote_id(body.contact_id)
    if party is not None and int(party) != paid["party"]:
        errors.append(FieldError("contact_id", "the invoice belongs to another party in Tryton"))
    method, method_error = await payment_method(connector, body, refs)
    if method_error is not None:
        errors.append(method_error)
    return Checked(errors, paid, method)


async def payment_method(connector: TrytonConnector, body: PaymentInput, refs: Refs,
                         ) -> tuple[int | None, FieldError | None]:
    """The payment method booking to ``account_id`` if given, else the connection's (or the company's first)."""
    account = to_int(refs.remote_id(body.account_id))
    if account is None:
        method = await connector.payment_method()
        if method is None:
            return None, FieldError("account_id", "Tryton has no invoice payment method to record the payment with")
        return method, None
    rows = await connector.client.search_read("account.invoice.payment.method", [
        ("company", "=", await connector.company()),
        ["OR", ("debit_account", "=", account), ("credit_account", "=", account)]], ["id"], limit=1)
    if not rows:
        return None, FieldError("account_id", "no Tryton payment method books to this account")
    return int(rows[0]["id"]), None


async def validate_payment(connector: TrytonConnector, body: PaymentInput, refs: Refs) -> list[FieldError]:
    return (await check(connector, body, refs)).errors


async def create_payment(connector: TrytonConnector, body: PaymentInput, refs: Refs, request_key: str,
                         ) -> WriteResult:
    checked = await check(connector, body, refs)  # again: the invoice may have been paid since validate
    reject(checked.errors)
    assert checked.method is not None
    line = body.line_items[0]
    before = set(checked.invoice["payment_lines"])
    invoice_id = int(checked.invoice["id"])
    digits = (checked.invoice.get("currency.") or {}).get("digits")
    amount = line.applied_amount if digits is None else line.applied_amount.quantize(Decimal(1).scaleb(-digits))
    await connector.pay(invoice_id, amount, checked.method, to_day(line.applied_date or body.transaction_date),
                        body.reference)
    after = (await connector.client.read(MODELS["invoice"], [invoice_id], ["payment_lines"]))[0]["payment_lines"]
    added = sorted(set(after) - before)
    if len(added) != 1:
        raise ProviderRejected(ProviderDetail("tryton", message=(
            f"the pay wizard added {len(added)} payment lines to the invoice instead of one")))
    record = await TABLE.read_back(connector, added[0])
    return WriteResult(record, also_changed=[await invoice.TABLE.read_back(connector, invoice_id)])


TABLE = Table("payment", payment.FIELDS, to_records, domain=[("invoice_payment", "!=", None)])
DECLARATION = ObjectDeclaration(
    "payment", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    create=create_payment, validate=validate_payment,
    unsupported_fields=frozenset({"exchange_rate", "accounting_period_id", "tracking_categories", "status",
                                  "company_info_id"}),
)
