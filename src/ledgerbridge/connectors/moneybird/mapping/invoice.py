"""Invoices ⇄ Moneybird sales invoices (receivable) and purchase invoices (payable, ``documents/purchase_invoices``).

Field choices (Moneybird names from the official OpenAPI, ``sales_invoice_response``/``purchase_invoice_response``):

- remote key ``sales_invoices/{id}`` or ``purchase_invoices/{id}``: one unified object over two collections.
- ``number``: a sales invoice's ``invoice_id``, which Moneybird gives when the invoice is sent (a draft has none;
  a number sent by the caller cannot be kept and is warned about); a purchase invoice's ``reference`` (the
  supplier's number).
- ``memo`` ⇄ a sales invoice's ``reference``; a purchase invoice has no other text field, so its memo is warned.
- ``status``: draft → DRAFT; scheduled → SUBMITTED; open, pending_payment, reminded, late (and a purchase
  invoice's new/saved/open) → OPEN, or PARTIALLY_PAID once payments are on it; paid → PAID; uncollectible → VOID
  (written off: Moneybird's nearest to a void).
- Tax is per line: each line's ``tax_rate_id`` is the Moneybird tax rate (its id is the tax rate's remote key).
  ``prices_are_incl_tax`` is carried: unified line prices are before tax, so writes send ``false`` unless
  ``field_mappings.prices_are_incl_tax`` is true; reads give the line's ``total_amount`` before tax
  (``total_price_excl_tax_with_discount``) and its ``unit_price`` as Moneybird states it. A line without a tax
  rate gets the administration's default rate at Moneybird: that is warned about, never silent.
- Totals: ``sub_total`` = total_price_excl_tax, ``total_amount`` = total_price_incl_tax, ``total_tax_amount`` =
  their difference; ``balance`` = total_unpaid (sales) or the total less payments (purchase).
- A line's tracking category is its Moneybird project (``project_id``): one per line, the first one given.
- Lines are Moneybird ``details``; on update a kept line goes with its detail ``id``, a dropped one with
  ``_destroy``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.moneybird.mapping.common import (
    RefMaker,
    ident,
    money,
    read_date,
    text,
    wire_money,
    write_date,
)
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceLineItem, InvoiceStatus, InvoiceType

SALES, PURCHASE = "sales_invoices", "purchase_invoices"
RESOURCE = {SALES: "sales_invoices", PURCHASE: "documents/purchase_invoices"}
WRAPPER = {SALES: "sales_invoice", PURCHASE: "purchase_invoice"}
KIND = {InvoiceType.ACCOUNTS_RECEIVABLE: SALES, InvoiceType.ACCOUNTS_PAYABLE: PURCHASE}
_OPEN = ("open", "pending_payment", "reminded", "late", "new", "saved")


def split_key(remote_key: str) -> tuple[str, str]:
    kind, _, remote_id = remote_key.partition("/")
    if kind not in RESOURCE or not remote_id:
        raise ValueError(f"not a Moneybird invoice key: {remote_key}")
    return kind, remote_id


def is_credit(row: dict[str, Any]) -> bool:
    """A credit invoice: made from another (``original_sales_invoice_id``) or negative in total."""
    total = money(row.get("total_price_incl_tax")) or Decimal(0)
    return row.get("original_sales_invoice_id") is not None or total < 0


def paid_amount(row: dict[str, Any]) -> Decimal:
    return sum((money(p.get("price")) or Decimal(0) for p in row.get("payments") or []), Decimal(0))


def derive_status(row: dict[str, Any]) -> InvoiceStatus | None:
    state = str(row.get("state") or "")
    if state == "draft":
        return InvoiceStatus.DRAFT
    if state == "scheduled":
        return InvoiceStatus.SUBMITTED
    if state == "paid":
        return InvoiceStatus.PAID
    if state == "uncollectible":
        return InvoiceStatus.VOID
    if state in _OPEN:
        return InvoiceStatus.PARTIALLY_PAID if paid_amount(row) > 0 else InvoiceStatus.OPEN
    return None


def line_to_unified(kind: str, doc_id: str, detail: dict[str, Any], ctx: RefMaker,
                    currency: str | None) -> InvoiceLineItem:
    detail_id = str(detail["id"])
    return InvoiceLineItem(
        id=ctx.ref("invoice_line_item", f"{kind}/{doc_id}#{detail_id}"),
        remote_id=detail_id,
        description=text(detail.get("description")),
        quantity=money(detail.get("amount_decimal") or detail.get("amount")),
        unit_price=money(detail.get("price")),
        total_amount=money(detail.get("total_price_excl_tax_with_discount")),
        currency=currency,
        item_id=ctx.ref("item", ident(detail.get("product_id"))),
        account_id=ctx.ref("account", ident(detail.get("ledger_account_id"))),
        tax_rate_id=ctx.ref("tax_rate", ident(detail.get("tax_rate_id"))),
        tracking_categories=[t for t in [ctx.ref("tracking_category", ident(detail.get("project_id")))] if t],
    )


def to_unified(kind: str, row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    doc_id = str(row["id"])
    sales = kind == SALES
    currency = text(row.get("currency"))
    excl, incl = money(row.get("total_price_excl_tax")), money(row.get("total_price_incl_tax"))
    balance = money(row.get("total_unpaid")) if sales else (incl - paid_amount(row) if incl is not None else None)
    discount = money(row.get("total_discount"))
    invoice = Invoice(
        type=InvoiceType.ACCOUNTS_RECEIVABLE if sales else InvoiceType.ACCOUNTS_PAYABLE,
        number=text(row.get("invoice_id") if sales else row.get("reference")),
        issue_date=read_date(row.get("invoice_date") if sales else row.get("date")),
        due_date=read_date(row.get("due_date")),
        paid_on_date=read_date(row.get("paid_at")),
        memo=text(row.get("reference")) if sales else None,
        currency=currency,
        exchange_rate=text(row.get("exchange_rate")) if not sales else None,
        total_discount=discount if discount else None,
        sub_total=excl,
        status=derive_status(row),
        total_tax_amount=incl - excl if incl is not None and excl is not None else None,
        total_amount=incl,
        balance=balance,
        contact_id=ctx.ref("contact", ident(row.get("contact_id"))),
        line_items=[line_to_unified(kind, doc_id, d, ctx, currency) for d in row.get("details") or []],
    )
    return RemoteRecord(object="invoice", remote_key=f"{kind}/{doc_id}", remote_id=doc_id, data=invoice,
                        remote_data=row, remote_updated_at=read_date(row.get("updated_at")))


def _line(line: Any, refs: Refs) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if (kept := refs.get(line.id)) is not None and kept.object == "invoice_line_item":
        out["id"] = kept.remote_id
    out["description"] = line.description or ""
    quantity = line.quantity if line.quantity is not None else Decimal(1)
    price = line.unit_price
    if price is None and line.total_amount is not None:
        price = line.total_amount / quantity if quantity else line.total_amount
    out["amount"] = wire_money(quantity)
    out["price"] = wire_money(price if price is not None else Decimal(0))
    if (tax := refs.remote_id(line.tax_rate_id)) is not None:
        out["tax_rate_id"] = tax
    if (account := refs.remote_id(line.account_id)) is not None:
        out["ledger_account_id"] = account
    if (item := refs.remote_id(line.item_id)) is not None:
        out["product_id"] = item
    projects = [refs.remote_id(t) for t in line.tracking_categories]
    out["project_id"] = next((p for p in projects if p is not None), None)
    if out["project_id"] is None:
        del out["project_id"]
    return out


def to_remote(body: InvoiceInput, refs: Refs, current: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``sales_invoice``/``purchase_invoice`` attributes for a create (or, with ``current``, an update)."""
    kind = KIND[body.type]
    attrs: dict[str, Any] = {}
    if (contact := refs.remote_id(body.contact_id)) is not None:
        attrs["contact_id"] = contact
    if body.currency:
        attrs["currency"] = body.currency
    attrs["prices_are_incl_tax"] = bool(body.field_mappings.get("prices_are_incl_tax", False))
    if kind == SALES:
        if body.memo is not None:
            attrs["reference"] = body.memo
        if body.issue_date is not None:
            attrs["invoice_date"] = write_date(body.issue_date)
        if body.issue_date is not None and body.due_date is not None:
            attrs["first_due_interval"] = max(0, (body.due_date.date() - body.issue_date.date()).days)
    else:
        if body.number is not None:
            attrs["reference"] = body.number
        if body.issue_date is not None:
            attrs["date"] = write_date(body.issue_date)
        if body.due_date is not None:
            attrs["due_date"] = write_date(body.due_date)
    lines = [_line(line, refs) for line in body.line_items]
    if current is not None:
        kept = {line["id"] for line in lines if "id" in line}
        lines += [{"id": str(d["id"]), "_destroy": True} for d in current.get("details") or []
                  if str(d["id"]) not in kept]
    attrs["details_attributes"] = lines
    return attrs


def validate(body: InvoiceInput, refs: Refs) -> list[FieldError]:
    errors: list[FieldError] = []
    if body.contact_id is None:
        errors.append(FieldError("contact_id", "Moneybird needs a contact on every invoice"))
    if body.status == InvoiceStatus.VOID:
        errors.append(FieldError("status", "an invoice cannot be created void at Moneybird"))
    for i, line in enumerate(body.line_items):
        if line.unit_price is None and line.total_amount is None:
            errors.append(FieldError(f"line_items[{i}].unit_price", "give unit_price or total_amount"))
    return errors


def write_warnings(body: InvoiceInput) -> list[Warning_]:
    warnings: list[Warning_] = []
    receivable = body.type == InvoiceType.ACCOUNTS_RECEIVABLE
    if receivable and body.number is not None:
        warnings.append(Warning_(field="number", message="Moneybird numbers a sales invoice itself when it is sent"))
    if not receivable and body.memo is not None:
        warnings.append(Warning_(field="memo", message="a Moneybird purchase invoice has no memo; not sent"))
    if receivable and body.due_date is not None and body.issue_date is None:
        warnings.append(Warning_(field="due_date", message="Moneybird derives the due date from the invoice date "
                                                           "and a payment term; give issue_date too"))
    for i, line in enumerate(body.line_items):
        if line.tax_rate_id is None:
            warnings.append(Warning_(field=f"line_items[{i}].tax_rate_id",
                                     message="no tax rate given: Moneybird applies the administration's default "
                                             "tax rate to this line"))
    for i, line in enumerate(body.line_items):
        if len(line.tracking_categories) > 1:
            warnings.append(Warning_(field=f"line_items[{i}].tracking_categories",
                                     message="a Moneybird line has one project: only the first is sent"))
    if body.tracking_categories:
        warnings.append(Warning_(field="tracking_categories", message="Moneybird books projects per line; "
                                                                      "the invoice's categories are not sent"))
    if body.total_discount is not None:
        warnings.append(Warning_(field="total_discount", message="Moneybird takes a discount as a percentage; "
                                                                 "the amount is not sent"))
    other = {k for k in body.field_mappings if k != "prices_are_incl_tax"}
    if other:
        warnings.append(Warning_(field="field_mappings", message=f"not sent to Moneybird: {sorted(other)}"))
    return warnings


def payment_amount(body: InvoiceInput, created: dict[str, Any]) -> tuple[Decimal | None, Warning_ | None]:
    """What to pay on a new invoice created PAID (its whole total) or PARTIALLY_PAID (total less ``balance``)."""
    total = money(created.get("total_price_incl_tax")) or Decimal(0)
    if body.status == InvoiceStatus.PAID:
        return (total, None) if total else (None, None)
    if body.balance is None or not Decimal(0) < body.balance < total:
        return None, Warning_(field="status", message="PARTIALLY_PAID needs a balance between 0 and the total; "
                                                      "no payment was recorded")
    return total - body.balance, None


def payment_body(amount: Decimal, paid_on: Any) -> dict[str, Any]:
    when = paid_on or dt.datetime.now(dt.UTC)  # Moneybird requires a payment date
    return {"payment": {"price": wire_money(amount), "payment_date": write_date(when),
                        "manual_payment_action": "payment_without_proof"}}
