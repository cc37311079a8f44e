"""Invoices: Tryton ``account.invoice`` (with its lines) ⇄ the unified invoice. Pure.

Choices where the two models do not line up:

- ``status``: draft→DRAFT, validated→SUBMITTED, posted→OPEN (PARTIALLY_PAID once something is paid),
  paid→PAID, cancelled→VOID.
- ``number``: Tryton numbers customer invoices from its own sequence when posting; the caller's number is
  kept as the invoice ``reference``. For supplier bills the number *is* the supplier's reference.
- ``due_date``: the earliest maturity of the receivable/payable lines; before posting, the payment-term date.
- Lines: the unified line has one tax rate, Tryton's first tax (the full list stays in remote_data). An RPC create
  runs no on_change, so what Tryton's forms would fill in (unit, accounts and taxes from the product's category,
  the party's account and payment term) comes in :class:`InvoiceDefaults`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key, nested, to_day, to_instant
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import (
    Invoice,
    InvoiceInput,
    InvoiceLineItem,
    InvoiceStatus,
    InvoiceType,
)

FIELDS = [
    "type", "number", "reference", "description", "state", "invoice_date", "payment_term_date", "currency",
    "currency.code", "party", "untaxed_amount", "tax_amount", "total_amount", "amount_to_pay", "lines",
    "lines_to_pay", "lines_to_pay.maturity_date", "payment_lines", "payment_lines.date", "reconciled", "company",
    "account", "journal", "payment_term",
    "create_date", "write_date",
]
LINE_FIELDS = [
    "invoice", "type", "product", "account", "quantity", "unit_price", "amount", "taxes", "description",
    "create_date", "write_date",
]

_STATUS = {
    "draft": InvoiceStatus.DRAFT,
    "validated": InvoiceStatus.SUBMITTED,
    "posted": InvoiceStatus.OPEN,
    "paid": InvoiceStatus.PAID,
    "cancelled": InvoiceStatus.VOID,
}


def invoice_status(state: str, total: Decimal | None, to_pay: Decimal | None) -> InvoiceStatus | None:
    status = _STATUS.get(state)
    if status is InvoiceStatus.OPEN and total is not None and to_pay is not None and abs(to_pay) < abs(total):
        return InvoiceStatus.PARTIALLY_PAID
    return status


def due_date(record: dict[str, Any]) -> dt.date | None:
    maturities = [d for d in (nested(record, "lines_to_pay.maturity_date") or []) if d is not None]
    if maturities:
        return min(maturities)
    term_date: dt.date | None = record.get("payment_term_date")
    return term_date


def paid_on(record: dict[str, Any]) -> dt.date | None:
    """The day of the last payment, once the invoice is paid."""
    if record.get("state") != "paid":
        return None
    days = [d for d in (nested(record, "payment_lines.date") or []) if d is not None]
    return max(days) if days else record.get("reconciled")


def line_to_unified(line: dict[str, Any], currency: str | None, ref: RefFn) -> InvoiceLineItem:
    taxes = line.get("taxes") or []
    return InvoiceLineItem(
        remote_id=str(line["id"]),
        description=line.get("description"),
        quantity=line.get("quantity"),
        unit_price=line.get("unit_price"),
        total_amount=line.get("amount"),
        currency=currency,
        item_id=ref("item", key(MODELS["item"], line.get("product"))),
        account_id=ref("account", key(MODELS["account"], line.get("account"))),
        # The unified line has one tax rate: Tryton's first tax (the full list stays in remote_data).
        tax_rate_id=ref("tax_rate", key(MODELS["tax_rate"], taxes[0])) if taxes else None,
    )


def to_unified(record: dict[str, Any], lines: list[dict[str, Any]], ref: RefFn) -> Invoice:
    invoice_type = InvoiceType.ACCOUNTS_RECEIVABLE if record["type"] == "out" else InvoiceType.ACCOUNTS_PAYABLE
    currency = nested(record, "currency.code")
    total = record.get("total_amount")
    to_pay = record.get("amount_to_pay")
    status = invoice_status(record["state"], total, to_pay)
    number = record.get("number")
    if record["type"] == "in":
        number = record.get("reference") or number
    posted = record["state"] in ("posted", "paid")
    return Invoice(
        type=invoice_type,
        number=number,
        issue_date=to_instant(record.get("invoice_date")),
        due_date=to_instant(due_date(record)),
        paid_on_date=to_instant(paid_on(record)),
        memo=record.get("description"),
        currency=currency,
        sub_total=record.get("untaxed_amount"),
        total_tax_amount=record.get("tax_amount"),
        total_amount=total,
        # Before posting nothing is owed yet: Tryton says amount_to_pay 0; the balance is then the total.
        balance=to_pay if posted else (Decimal(0) if record["state"] == "cancelled" else total),
        status=status,
        contact_id=ref("contact", key(MODELS["contact"], record.get("party"))),
        line_items=[line_to_unified(line, currency, ref) for line in lines if line.get("type") == "line"],
    )


@dataclass(frozen=True)
class ProductDefaults:
    """What Tryton's on_change would take from a product: unit, accounts and taxes from its account category."""

    name: str
    uom: int
    list_price: Decimal | None = None
    account_revenue: int | None = None
    account_expense: int | None = None
    customer_taxes: tuple[int, ...] = ()
    supplier_taxes: tuple[int, ...] = ()


@dataclass(frozen=True)
class InvoiceDefaults:
    """The Tryton-side values an explicit create needs (no on_change runs over RPC)."""

    company: int
    currency: int
    journal: int
    party: int
    invoice_address: int
    party_account: int
    default_line_account: int | None
    payment_term: int | None = None
    products: dict[int, ProductDefaults] = field(default_factory=dict)


@dataclass(frozen=True)
class LineRefs:
    product: int | None
    account: int | None
    tax: int | None


CENT = Decimal("0.01")


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def to_remote(
    body: InvoiceInput, defaults: InvoiceDefaults, line_refs: list[LineRefs]
) -> tuple[dict[str, Any], list[Warning_]]:
    """The ``account.invoice`` create values for ``body``, and what could not be taken as given."""
    warnings: list[Warning_] = []
    out = body.type is InvoiceType.ACCOUNTS_RECEIVABLE
    lines = []
    for index, (line, refs) in enumerate(zip(body.line_items, line_refs, strict=True)):
        where = f"line_items[{index}]"
        product = defaults.products.get(refs.product) if refs.product is not None else None
        quantity = line.quantity if line.quantity is not None else Decimal(1)
        unit_price = line.unit_price
        if unit_price is None and line.total_amount is not None and quantity:
            unit_price = line.total_amount / quantity
        if unit_price is None and product is not None and out:
            unit_price = product.list_price
        if unit_price is None:
            unit_price = Decimal(0)
        unit_price = unit_price.quantize(Decimal("0.0001"))  # Tryton keeps 4 decimals on unit prices
        if line.total_amount is not None and _money(quantity * unit_price) != _money(line.total_amount):
            warnings.append(Warning_(field=f"{where}.total_amount", message=(
                f"Tryton computes the line amount as quantity × unit price = {_money(quantity * unit_price)}, "
                f"not {line.total_amount}")))
        account = refs.account
        if account is None and product is not None:
            account = product.account_revenue if out else product.account_expense
        if account is None:
            account = defaults.default_line_account
        if refs.tax is not None:
            taxes: tuple[int, ...] = (refs.tax,)
        elif product is not None:
            taxes = product.customer_taxes if out else product.supplier_taxes
        else:
            taxes = ()
        values: dict[str, Any] = {
            "type": "line",
            "quantity": quantity,
            "unit_price": unit_price,
            "account": account,
            "currency": defaults.currency,
            "description": line.description or (product.name if product else None),
            "taxes": [("add", list(taxes))],
        }
        if product is not None:
            values["product"] = refs.product
            values["unit"] = product.uom
        if line.tracking_categories:
            warnings.append(Warning_(field=f"{where}.tracking_categories",
                                     message="Tryton has no tracking categories; ignored"))
        lines.append(values)

    values = {
        "type": "out" if out else "in",
        "company": defaults.company,
        "currency": defaults.currency,
        "journal": defaults.journal,
        "party": defaults.party,
        "invoice_address": defaults.invoice_address,
        "account": defaults.party_account,
        "invoice_date": to_day(body.issue_date),
        "description": body.memo,
        "lines": [("create", lines)],
    }
    if body.number:
        values["reference"] = body.number
        if out:
            warnings.append(Warning_(field="number", message=(
                "Tryton numbers customer invoices from its own sequence when posting; "
                f"{body.number!r} is kept as the invoice reference")))
    if body.due_date is not None:
        # Without a payment term, Tryton makes the whole amount due on the payment-term date.
        values["payment_term"] = None
        values["payment_term_date"] = to_day(body.due_date)
    else:
        values["payment_term"] = defaults.payment_term
    for name in ("total_discount", "exchange_rate", "accounting_period_id"):
        if getattr(body, name) not in (None, ""):
            warnings.append(Warning_(field=name, message="not supported by Tryton; ignored"))
    if body.tracking_categories:
        warnings.append(Warning_(field="tracking_categories", message="Tryton has no tracking categories; ignored"))
    return values, warnings


def total_warnings(body: InvoiceInput, created: Invoice) -> list[Warning_]:
    """Where the caller's totals differ from what Tryton computed (Tryton's are kept)."""
    warnings = []
    pairs = [("sub_total", body.sub_total, created.sub_total),
             ("total_tax_amount", body.total_tax_amount, created.total_tax_amount),
             ("total_amount", body.total_amount, created.total_amount)]
    if created.status is not InvoiceStatus.DRAFT:
        pairs.append(("balance", body.balance, created.balance))
    for name, given, computed in pairs:
        if given is not None and computed is not None and given != computed:
            warnings.append(Warning_(field=name, message=f"Tryton computed {computed}, not {given}"))
    if body.due_date is not None and created.due_date is not None and to_day(body.due_date) != to_day(
            created.due_date):
        warnings.append(Warning_(field="due_date", message=f"Tryton made it due on {to_day(created.due_date)}"))
    return warnings



def product_defaults(record: dict[str, Any], category: dict[str, Any] | None) -> ProductDefaults:
    category = category or {}
    return ProductDefaults(
        name=record.get("rec_name") or "",
        uom=record["default_uom"],
        list_price=record.get("list_price_used"),
        account_revenue=category.get("account_revenue"),
        account_expense=category.get("account_expense"),
        customer_taxes=tuple(category.get("customer_taxes") or ()),
        supplier_taxes=tuple(category.get("supplier_taxes") or ()),
    )

