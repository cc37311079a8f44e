"""Invoices ⇄ Business Central ``salesInvoices`` (receivable) and ``purchaseInvoices`` (payable).

Statuses: Draft → DRAFT, In Review → SUBMITTED, Open → OPEN (PARTIALLY_PAID once a sales invoice's
``remainingAmount`` is below its total), Paid → PAID, Canceled → VOID, Corrective → OPEN. Totals are Business
Central's own (``totalAmountExcludingTax``, ``totalTaxAmount``, ``totalAmountIncludingTax``), computed per line
with the line's tax group (``taxCode``), which is our line's ``tax_rate_id``.

The caller's ``number`` is the sales invoice's ``number`` (the demo company's series take manual numbers) and a
bill's ``vendorInvoiceNumber`` (the supplier's number; Business Central numbers the bill itself). ``memo`` is the
sales invoice's ``externalDocumentNumber`` (35 characters); a purchase invoice has no such field in v1.0.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import (
    RefMaker,
    id_of,
    money,
    read_date,
    text,
    write_date,
)
from ledgerbridge.connectors.business_central.mapping.lookup import Lookup
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceLineItem, InvoiceStatus, InvoiceType

SALES, PURCHASES = "salesInvoices", "purchaseInvoices"
LINES = {SALES: "salesInvoiceLines", PURCHASES: "purchaseInvoiceLines"}
PRICE = {SALES: "unitPrice", PURCHASES: "unitCost"}
MEMO_MAX = 35  # salesInvoice.externalDocumentNumber maxLength
NUMBER_MAX = {SALES: 20, PURCHASES: 35}  # number / vendorInvoiceNumber maxLength
_STATUS = {"Draft": InvoiceStatus.DRAFT, "In Review": InvoiceStatus.SUBMITTED, "Open": InvoiceStatus.OPEN,
           "Paid": InvoiceStatus.PAID, "Canceled": InvoiceStatus.VOID, "Corrective": InvoiceStatus.OPEN}


def entity_set_of(invoice_type: InvoiceType) -> str:
    return SALES if invoice_type == InvoiceType.ACCOUNTS_RECEIVABLE else PURCHASES


def status_of(row: dict[str, Any]) -> InvoiceStatus | None:
    status = _STATUS.get(str(row.get("status")))
    remaining, total = money(row.get("remainingAmount")), money(row.get("totalAmountIncludingTax"))
    if status == InvoiceStatus.OPEN and remaining is not None and total is not None and 0 < remaining < total:
        return InvoiceStatus.PARTIALLY_PAID
    return status


def balance_of(entity_set: str, row: dict[str, Any]) -> Decimal | None:
    """What is still owed: a sales invoice says (``remainingAmount``); a posted bill is open for its total (v1.0
    records no vendor payments), a draft owes nothing yet."""
    if entity_set == SALES:
        return money(row.get("remainingAmount"))
    status = row.get("status")
    if status == "Paid" or status == "Canceled":
        return Decimal(0)
    return money(row.get("totalAmountIncludingTax"))


def line_to_unified(entity_set: str, line: dict[str, Any], ctx: RefMaker, lookup: Lookup) -> InvoiceLineItem:
    tax_id = lookup.tax_id(line.get("taxCode"))
    line_id = str(line["id"]).lower()
    return InvoiceLineItem(
        remote_id=line_id,
        description=text(line.get("description")),
        quantity=money(line.get("quantity")),
        unit_price=money(line.get(PRICE[entity_set])),
        total_amount=money(line.get("amountExcludingTax")),
        item_id=ctx.ref("item", text(line.get("itemId"))),
        account_id=ctx.ref("account", text(line.get("accountId"))),
        tax_rate_id=ctx.ref("tax_rate", tax_id),
    )


def to_unified(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Lookup) -> RemoteRecord:
    sales = entity_set == SALES
    ident = id_of(row)
    party = text(row.get("customerId" if sales else "vendorId"))
    lines = [line_to_unified(entity_set, line, ctx, lookup) for line in row.get(LINES[entity_set]) or []
             if line.get("lineType") != "Comment" or text(line.get("description"))]
    total = money(row.get("totalAmountIncludingTax"))
    invoice = Invoice(
        type=InvoiceType.ACCOUNTS_RECEIVABLE if sales else InvoiceType.ACCOUNTS_PAYABLE,
        number=text(row.get("number")) if sales else text(row.get("vendorInvoiceNumber")) or text(row.get("number")),
        issue_date=read_date(row.get("invoiceDate")),
        due_date=read_date(row.get("dueDate")),
        memo=text(row.get("externalDocumentNumber")) if sales else None,
        currency=text(row.get("currencyCode")),
        total_discount=money(row.get("discountAmount")),
        sub_total=money(row.get("totalAmountExcludingTax")),
        status=status_of(row),
        total_tax_amount=money(row.get("totalTaxAmount")),
        total_amount=total,
        balance=balance_of(entity_set, row),
        contact_id=ctx.ref("contact", None if party is None else f"{'customers' if sales else 'vendors'}/{party}"),
        line_items=lines,
    )
    return RemoteRecord(object="invoice", remote_key=f"{entity_set}/{ident}", remote_id=ident, data=invoice,
                        remote_data=row, remote_updated_at=read_date(row.get("lastModifiedDateTime")))


def validate(body: InvoiceInput, refs: Refs) -> list[FieldError]:
    errors: list[FieldError] = []
    entity_set = entity_set_of(body.type)
    if body.contact_id is None:
        errors.append(FieldError("contact_id", "Business Central needs the customer or vendor of the invoice"))
    else:
        ref = refs.get(body.contact_id)
        wanted = "customers" if entity_set == SALES else "vendors"
        if ref is not None and not ref.remote_key.startswith(f"{wanted}/"):
            errors.append(FieldError("contact_id", f"a {'sales' if entity_set == SALES else 'purchase'} invoice "
                                     f"needs a {wanted[:-1]}, and this contact is not one in Business Central"))
    if body.number and len(body.number) > NUMBER_MAX[entity_set]:
        errors.append(FieldError("number", f"Business Central takes at most {NUMBER_MAX[entity_set]} characters"))
    if body.memo and entity_set == SALES and len(body.memo) > MEMO_MAX:
        errors.append(FieldError("memo", f"Business Central takes at most {MEMO_MAX} characters (its external "
                                 "document number)"))
    if body.status == InvoiceStatus.VOID:
        errors.append(FieldError("status", "an invoice cannot be created void; create it and DELETE it"))
    for i, line in enumerate(body.line_items):
        if line.quantity is None and line.unit_price is None and line.total_amount is None:
            errors.append(FieldError(f"line_items[{i}]", "give quantity and unit_price (or total_amount)"))
        if line.tax_rate_id is not None and refs.get(line.tax_rate_id) is None:
            errors.append(FieldError(f"line_items[{i}].tax_rate_id", "unknown tax rate"))
    return errors


def header_to_remote(body: InvoiceInput, refs: Refs) -> dict[str, Any]:
    entity_set = entity_set_of(body.type)
    remote: dict[str, Any] = {}
    party = refs.remote_id(body.contact_id)
    if party:
        remote["customerId" if entity_set == SALES else "vendorId"] = party
    if body.number:
        remote["number" if entity_set == SALES else "vendorInvoiceNumber"] = body.number
    if body.issue_date is not None:
        remote["invoiceDate"] = write_date(body.issue_date)
    if body.due_date is not None:
        remote["dueDate"] = write_date(body.due_date)
    if entity_set == SALES and body.memo is not None:
        remote["externalDocumentNumber"] = body.memo
    if body.currency:
        remote["currencyCode"] = body.currency
    return remote


def lines_to_remote(body: InvoiceInput, refs: Refs, lookup: Lookup, default_account: str | None) -> list[
        dict[str, Any]]:
    entity_set = entity_set_of(body.type)
    out = []
    for line in body.line_items:
        remote: dict[str, Any] = {}
        item, account = refs.remote_id(line.item_id), refs.remote_id(line.account_id)
        if item:
            remote.update({"lineType": "Item", "itemId": item})
        else:
            remote.update({"lineType": "Account", "accountId": account or default_account})
        if line.description is not None:
            remote["description"] = line.description[:100]
        quantity = line.quantity if line.quantity is not None else Decimal(1)
        price = line.unit_price
        if price is None and line.total_amount is not None:
            price = line.total_amount / quantity if quantity else line.total_amount
        remote["quantity"] = quantity
        if price is not None:
            remote[PRICE[entity_set]] = price
        tax = refs.remote_id(line.tax_rate_id)
        if tax:
            remote["taxCode"] = lookup.tax_codes.get(tax.lower(), tax)
        out.append(remote)
    return out


def write_warnings(body: InvoiceInput) -> list[Warning_]:
    warnings: list[Warning_] = []
    if body.type == InvoiceType.ACCOUNTS_PAYABLE and body.memo:
        warnings.append(Warning_(field="memo", message="a Business Central purchase invoice has no memo field; "
                                 "it was not sent"))
    if body.status == InvoiceStatus.PARTIALLY_PAID or (
            body.status == InvoiceStatus.PAID and body.type == InvoiceType.ACCOUNTS_PAYABLE):
        warnings.append(Warning_(field="status", message="the invoice was posted (Open); Business Central needs "
                                 "the payment itself (POST /accounting/payments for a sales invoice)"))
    if body.status == InvoiceStatus.SUBMITTED:
        warnings.append(Warning_(field="status", message="Business Central has no API to submit for approval; "
                                 "the invoice was left a draft"))
    if body.exchange_rate is not None:
        warnings.append(Warning_(field="exchange_rate", message="Business Central uses its own exchange rates"))
    if body.tracking_categories or any(line.tracking_categories for line in body.line_items):
        warnings.append(Warning_(field="tracking_categories", message="dimensions are not written by this "
                                 "connector; not sent"))
    return warnings
