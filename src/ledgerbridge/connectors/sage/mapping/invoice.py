"""Invoices ⇄ Sage ``sales_invoices`` (receivable) and ``purchase_invoices`` (payable).

A record's remote key names its collection (``sales_invoices/<id>``) since one unified object spans both; its
remote id is Sage's id. Tax is per line in Sage's model: each line carries its ``tax_rate_id`` and Sage computes
the line's tax; the caller's totals are compared afterwards (``totals.total_warnings``), never sent.

    Sage status   unified          Sage attribute          unified
    DRAFT         DRAFT            invoice_number /        number
    UNPAID        OPEN               vendor_reference
    PART_PAID     PARTIALLY_PAID   notes                   memo
    PAID          PAID             outstanding_amount      balance
    VOID          VOID             net/tax/total_amount    sub_total/total_tax_amount/total_amount
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.sage.mapping.common import RefMaker, currency, day, iso_day, money, ref_id, stamp, text
from ledgerbridge.errors import FieldError
from ledgerbridge.remote import Refs
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceLineItem, InvoiceStatus, InvoiceType

SALES, PURCHASES = "sales_invoices", "purchase_invoices"
STATUS = {"DRAFT": InvoiceStatus.DRAFT, "UNPAID": InvoiceStatus.OPEN, "PART_PAID": InvoiceStatus.PARTIALLY_PAID,
          "PAID": InvoiceStatus.PAID, "VOID": InvoiceStatus.VOID}


def collection_of(invoice_type: InvoiceType) -> str:
    return SALES if invoice_type == InvoiceType.ACCOUNTS_RECEIVABLE else PURCHASES


def singular(collection: str) -> str:
    return collection.removesuffix("s")


def split_key(remote_key: str) -> tuple[str, str]:
    """``sales_invoices/<id>`` → (collection, id); a bare id is taken as a sales invoice."""
    collection, _, key = remote_key.rpartition("/")
    return (collection if collection in (SALES, PURCHASES) else SALES), key


def line_to_unified(line: dict[str, Any], ctx: RefMaker) -> InvoiceLineItem:
    return InvoiceLineItem(
        remote_id=text(line.get("id")), description=text(line.get("description")),
        quantity=money(line.get("quantity")), unit_price=money(line.get("unit_price")),
        total_amount=money(line.get("net_amount")),
        account_id=ctx.ref("account", ref_id(line.get("ledger_account"))),
        item_id=ctx.ref("item", ref_id(line.get("product"))),
        tax_rate_id=ctx.ref("tax_rate", ref_id(line.get("tax_rate"))),
    )


def to_unified(remote: dict[str, Any], ctx: RefMaker, collection: str) -> RemoteRecord:
    receivable = collection == SALES
    status = ref_id(remote.get("status"))
    invoice = Invoice(
        type=InvoiceType.ACCOUNTS_RECEIVABLE if receivable else InvoiceType.ACCOUNTS_PAYABLE,
        number=text(remote.get("invoice_number" if receivable else "vendor_reference")),
        issue_date=day(remote.get("date")), due_date=day(remote.get("due_date")),
        paid_on_date=day(remote.get("last_paid")) if status == "PAID" else None,
        memo=text(remote.get("notes")), currency=currency(remote), exchange_rate=text(remote.get("exchange_rate")),
        total_discount=money(remote.get("total_discount_amount")), sub_total=money(remote.get("net_amount")),
        status=STATUS.get(status or ""), total_tax_amount=money(remote.get("tax_amount")),
        total_amount=money(remote.get("total_amount")), balance=money(remote.get("outstanding_amount")),
        contact_id=ctx.ref("contact", ref_id(remote.get("contact"))),
        line_items=[line_to_unified(line, ctx) for line in remote.get("invoice_lines") or [] if isinstance(line, dict)],
    )
    key = str(remote["id"])
    return RemoteRecord(object="invoice", remote_key=f"{collection}/{key}", remote_id=key, data=invoice,
                        remote_data=remote, remote_updated_at=stamp(remote.get("updated_at")),
                        deleted=bool(remote.get("deleted_at")))


def validate(body: InvoiceInput, refs: Refs) -> list[FieldError]:
    errors: list[FieldError] = []
    if refs.remote_id(body.contact_id) is None:
        errors.append(FieldError("contact_id", "Sage needs the invoice's contact"))
    for i, line in enumerate(body.line_items):
        if line.unit_price is None and line.total_amount is None:
            errors.append(FieldError(f"line_items[{i}].unit_price", "Sage needs a unit price (or a line total)"))
        if line.quantity is not None and line.quantity == 0 and line.unit_price is None:
            errors.append(FieldError(f"line_items[{i}].quantity", "a line of quantity 0 needs a unit price"))
    return errors


def line_to_remote(line: Any, refs: Refs, account: str, description: str) -> dict[str, Any]:
    quantity = line.quantity if line.quantity is not None else Decimal(1)
    price = line.unit_price if line.unit_price is not None else (line.total_amount or Decimal(0)) / quantity
    remote: dict[str, Any] = {"description": description, "ledger_account_id": account, "quantity": quantity,
                              "unit_price": price}
    if line.id is not None and text(getattr(line, "remote_id", None)):
        remote["id"] = line.remote_id
    tax_rate = refs.remote_id(line.tax_rate_id)
    if tax_rate:
        remote["tax_rate_id"] = tax_rate
    product = refs.remote_id(line.item_id)
    if product:
        remote["product_id"] = product
    return remote


def to_remote(body: InvoiceInput, refs: Refs, accounts: list[str], descriptions: list[str]) -> dict[str, Any]:
    """The Sage body for ``body``: ``accounts[i]`` and ``descriptions[i]`` are each line's (defaults resolved)."""
    receivable = body.type == InvoiceType.ACCOUNTS_RECEIVABLE
    issued = iso_day(body.issue_date)
    remote: dict[str, Any] = {"contact_id": refs.remote_id(body.contact_id), "invoice_lines": [
        line_to_remote(line, refs, accounts[i], descriptions[i]) for i, line in enumerate(body.line_items)]}
    if issued:
        remote["date"] = issued
    if body.due_date is not None:
        remote["due_date"] = iso_day(body.due_date)
    if body.number:
        remote["invoice_number" if receivable else "vendor_reference"] = body.number
    if body.memo is not None:
        remote["notes"] = body.memo
    if body.currency:
        remote["currency_id"] = body.currency
        if body.exchange_rate is not None:
            remote["exchange_rate"] = Decimal(str(body.exchange_rate))
    if body.status == InvoiceStatus.DRAFT and receivable:
        remote["status_id"] = "DRAFT"
    return remote


def line_warnings(body: InvoiceInput) -> list[Warning_]:
    warnings = []
    for i, line in enumerate(body.line_items):
        if line.total_amount is not None and line.unit_price is not None:
            quantity = line.quantity if line.quantity is not None else Decimal(1)
            if quantity * line.unit_price != line.total_amount:
                warnings.append(Warning_(field=f"line_items[{i}].total_amount", message=(
                    f"you sent {line.total_amount}; Sage computes quantity × unit_price = "
                    f"{quantity * line.unit_price}")))
        if line.tracking_categories:
            warnings.append(Warning_(field=f"line_items[{i}].tracking_categories",
                                     message="Sage analysis types are not written by Ledgerbridge; not sent"))
    if body.tracking_categories:
        warnings.append(Warning_(field="tracking_categories", message="not sent to Sage"))
    if body.field_mappings:
        warnings.extend(Warning_(field=f"field_mappings.{k}", message="custom fields are not sent to Sage")
                        for k in body.field_mappings)
    if body.status == InvoiceStatus.DRAFT and body.type == InvoiceType.ACCOUNTS_PAYABLE:
        warnings.append(Warning_(field="status", message="Sage has no draft purchase invoice; created unpaid"))
    return warnings
