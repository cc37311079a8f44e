"""Invoices ⇄ FreeAgent invoices (receivable) and bills (payable).

Receivable: lines are ``invoice_items`` with ``quantity``, ``price``, ``description``, ``item_type`` and VAT per
line as ``sales_tax_rate`` (a percentage: our tax rate's key) and the income ``category``. FreeAgent computes the
totals (net per line, VAT per line) and the status: Draft → DRAFT; Scheduled, Sent, Overdue → OPEN (or
PARTIALLY_PAID once something is paid); Paid → PAID; Cancelled → VOID.

Payable: a FreeAgent bill, in the collection's shape, is one category and a gross ``total_value`` with VAT at
``sale_tax_rate`` (the collection's spelling) included. A bill is read as one line (its net); lines written to a
bill must share one account and one VAT rate, and are summed.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import RefMaker, day, iso_day, key_of, money, rate_key, text
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.invoice import (
    Invoice,
    InvoiceInput,
    InvoiceLineItem,
    InvoiceLineItemInput,
    InvoiceStatus,
    InvoiceType,
)

PENNY = Decimal("0.01")
INVOICES, BILLS = "invoices", "bills"
_DOCUMENT_STATUS = {"Draft": InvoiceStatus.DRAFT, "Scheduled": InvoiceStatus.OPEN, "Sent": InvoiceStatus.OPEN,
                    "Overdue": InvoiceStatus.OPEN, "Paid": InvoiceStatus.PAID, "Cancelled": InvoiceStatus.VOID,
                    "Open": InvoiceStatus.OPEN, "Zero Value": InvoiceStatus.PAID}


def remote_key(collection: str, key: str) -> str:
    return f"{collection}/{key}"


def split_key(remote: str) -> tuple[str, str]:
    collection, _, key = remote.partition("/")
    return collection, key


def status_of(remote: dict[str, Any]) -> InvoiceStatus | None:
    status = _DOCUMENT_STATUS.get(str(remote.get("status") or ""))
    if status == InvoiceStatus.OPEN and (money(remote.get("paid_value")) or 0) > 0:
        return InvoiceStatus.PARTIALLY_PAID
    return status


def line_to_unified(document_key: str, line: dict[str, Any], ctx: RefMaker, currency: str | None) -> InvoiceLineItem:
    line_key = key_of(line.get("url"))
    quantity, price = money(line.get("quantity")), money(line.get("price"))
    amount = (quantity * price).quantize(PENNY, ROUND_HALF_UP) if quantity is not None and price is not None else None
    return InvoiceLineItem(
        id=ctx.ref("invoice_line_item", f"{document_key}#{line_key}") if line_key else None,
        remote_id=line_key,
        description=text(line.get("description")),
        quantity=quantity,
        unit_price=price,
        total_amount=amount,
        currency=currency,
        account_id=ctx.ref("account", key_of(line.get("category"))),
        tax_rate_id=ctx.ref("tax_rate", rate_key(line.get("sales_tax_rate"))),
    )


def _common(remote: dict[str, Any], ctx: RefMaker) -> dict[str, Any]:
    return {
        "number": text(remote.get("reference")),
        "issue_date": day(remote.get("dated_on")),
        "due_date": day(remote.get("due_on")),
        "paid_on_date": day(remote.get("paid_on")),
        "currency": text(remote.get("currency")),
        "sub_total": money(remote.get("net_value")),
        "total_tax_amount": money(remote.get("sales_tax_value")),
        "total_amount": money(remote.get("total_value")),
        "balance": money(remote.get("due_value")),
        "status": status_of(remote),
        "contact_id": ctx.ref("contact", key_of(remote.get("contact"))),
    }


def invoice_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(key_of(remote["url"]))
    document = remote_key(INVOICES, key)
    currency = text(remote.get("currency"))
    rate = money(remote.get("exchange_rate"))
    invoice = Invoice(
        type=InvoiceType.ACCOUNTS_RECEIVABLE,
        memo=text(remote.get("notes")) or text(remote.get("comments")),
        exchange_rate=str(rate) if rate not in (None, Decimal(1)) else None,
        line_items=[line_to_unified(document, line, ctx, currency) for line in remote.get("invoice_items") or []],
        **_common(remote, ctx),
    )
    return RemoteRecord(object="invoice", remote_key=document, remote_id=key, data=invoice, remote_data=remote,
                        remote_updated_at=day(remote.get("updated_at")))


def bill_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(key_of(remote["url"]))
    document = remote_key(BILLS, key)
    currency = text(remote.get("currency"))
    net = money(remote.get("net_value"))
    line = InvoiceLineItem(
        id=ctx.ref("invoice_line_item", f"{document}#1"), remote_id="1", quantity=Decimal(1), unit_price=net,
        total_amount=net, currency=currency, account_id=ctx.ref("account", key_of(remote.get("category"))),
        tax_rate_id=ctx.ref("tax_rate", rate_key(remote.get("sales_tax_rate", remote.get("sale_tax_rate")))))
    bill = Invoice(type=InvoiceType.ACCOUNTS_PAYABLE, line_items=[line], **_common(remote, ctx))
    return RemoteRecord(object="invoice", remote_key=document, remote_id=key, data=bill, remote_data=remote,
                        remote_updated_at=day(remote.get("updated_at")))


# --- unified → FreeAgent ---------------------------------------------------------------------------------------


def line_figures(line: InvoiceLineItemInput) -> tuple[Decimal, Decimal]:
    """(quantity, price): a line with only an amount is one unit at that price."""
    quantity, price = line.quantity, line.unit_price
    if price is None and line.total_amount is not None:
        if quantity not in (None, Decimal(0)):
            price = line.total_amount / quantity  # type: ignore[operator]
        else:
            quantity, price = Decimal(1), line.total_amount
    return (Decimal(1) if quantity is None else quantity), (price or Decimal(0))


def _rate(line: InvoiceLineItemInput, refs: Refs) -> str | None:
    return refs.remote_id(line.tax_rate_id) if line.tax_rate_id is not None else None


def validate(body: InvoiceInput, refs: Refs) -> list[FieldError]:
    errors: list[FieldError] = []
    if body.status == InvoiceStatus.VOID:
        errors.append(FieldError("status", "FreeAgent creates invoices as drafts and cancels them afterwards: "
                                           "create the invoice, then void it"))
    for i, line in enumerate(body.line_items):
        at = f"line_items[{i}]"
        if line.unit_price is None and line.total_amount is None:
            errors.append(FieldError(f"{at}.unit_price", "required (or total_amount)"))
        elif line.quantity is not None and line.unit_price is not None and line.total_amount is not None \
                and (line.quantity * line.unit_price).quantize(PENNY, ROUND_HALF_UP) != line.total_amount:
            errors.append(FieldError(f"{at}.total_amount", "quantity × unit_price is not total_amount; FreeAgent "
                                                           "computes the line amount from them"))
        if line.currency is not None and body.currency is not None and line.currency != body.currency:
            errors.append(FieldError(f"{at}.currency", "FreeAgent lines take the invoice's currency"))
    if body.type == InvoiceType.ACCOUNTS_PAYABLE:
        accounts = {line.account_id for line in body.line_items}
        if None in accounts:
            errors.append(FieldError("line_items[0].account_id", "a FreeAgent bill is booked to one category: "
                                                                 "every line needs its account_id"))
        elif len(accounts) > 1:
            errors.append(FieldError("line_items", "a FreeAgent bill is booked to one category: the lines name "
                                                   "several accounts"))
        if len({_rate(line, refs) for line in body.line_items}) > 1:
            errors.append(FieldError("line_items", "a FreeAgent bill has one VAT rate: the lines name several"))
    return errors


def invoice_to_remote(body: InvoiceInput, refs: Refs, urls: Any, today: dt.date) -> dict[str, Any]:
    """The ``invoice`` body: ``urls(collection, key)`` builds FreeAgent's resource URLs."""
    remote: dict[str, Any] = {
        "contact": urls("contacts", refs.remote_id(body.contact_id)),
        "dated_on": iso_day(body.issue_date) or today.isoformat(),
    }
    if body.due_date is not None:
        remote["due_on"] = iso_day(body.due_date)
    if body.currency:
        remote["currency"] = body.currency
    if body.number:
        remote["reference"] = body.number
    if body.memo is not None:
        remote["notes"] = body.memo
    items = []
    for line in body.line_items:
        quantity, price = line_figures(line)
        item: dict[str, Any] = {"item_type": "Services" if line.item_id is None else "Products",
                                "quantity": str(quantity), "price": str(price),
                                "description": line.description or ""}
        rate = _rate(line, refs)
        if rate is not None:
            item["sales_tax_rate"] = rate
        account = refs.remote_id(line.account_id)
        if account is not None:
            item["category"] = urls("categories", account)
        items.append(item)
    remote["invoice_items"] = items
    return remote


def bill_to_remote(body: InvoiceInput, refs: Refs, urls: Any, today: dt.date, reference: str) -> dict[str, Any]:
    """The ``bill`` body in the collection's shape: one category, the gross total and its VAT rate."""
    dated = iso_day(body.issue_date) or today.isoformat()
    net = sum((line_figures(line)[0] * line_figures(line)[1] for line in body.line_items), Decimal(0))
    rate = _rate(body.line_items[0], refs)
    gross = (net * (100 + Decimal(rate or 0)) / 100).quantize(PENNY, ROUND_HALF_UP)
    due = iso_day(body.due_date) or (dt.date.fromisoformat(dated) + dt.timedelta(days=30)).isoformat()
    return {"contact": urls("contacts", refs.remote_id(body.contact_id)), "reference": reference,
            "dated_on": dated, "due_on": due,
            "category": urls("categories", refs.remote_id(body.line_items[0].account_id)),
            "total_value": str(gross), "sale_tax_rate": rate or "0"}
