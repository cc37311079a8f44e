"""Invoices ⇄ Pennylane customer invoices (receivable) and supplier invoices (payable).

Receivable: ``/customer_invoices``. Pennylane numbers an invoice itself when it is finalized, so the caller's
number travels as ``external_reference`` (and is read back as the number while the invoice is a draft). A line
is a label, a quantity, a unit price before tax and a VAT code (``vat_rate``): the line's tax rate id names the
code (see :mod:`.tax_rate`); a line without one is sent ``exempt``, which is what the caller asked for (no tax).
Pennylane computes every amount, per line, to the cent. Credit notes are customer invoices that credit another
(``credited_invoice``): they are left out here.

Payable: ``/supplier_invoices``. Pennylane books a supplier invoice with its document: a bill created from data is
uploaded as a generated one-page PDF (``/file_attachments``) and imported with the figures we computed
(``/supplier_invoices/import``: before tax, VAT per line to the cent); its lines' accounts are read back from its
ledger entry. Afterwards only its header changes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Refs, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping import tax_rate
from ledgerbridge.connectors.pennylane.mapping.common import amount, cents, day, stamp, text, write_amount, write_day
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceLineItem, InvoiceStatus, InvoiceType

CUSTOMER_INVOICES, SUPPLIER_INVOICES = "customer_invoices", "supplier_invoices"
DEFAULT_UNIT = "piece"

_RECEIVABLE_STATUS = {
    "draft": InvoiceStatus.DRAFT, "upcoming": InvoiceStatus.OPEN, "late": InvoiceStatus.OPEN,
    "incomplete": InvoiceStatus.OPEN, "partially_paid": InvoiceStatus.PARTIALLY_PAID, "paid": InvoiceStatus.PAID,
    "cancelled": InvoiceStatus.VOID, "partially_cancelled": InvoiceStatus.PARTIALLY_PAID,
    "archived": InvoiceStatus.VOID,
}
_PAYABLE_STATUS = {
    "fully_paid": InvoiceStatus.PAID, "paid_offline": InvoiceStatus.PAID,
    "partially_paid": InvoiceStatus.PARTIALLY_PAID,
}


def is_credit_note(remote: dict[str, Any]) -> bool:
    return remote.get("credited_invoice") is not None


def _line(line: dict[str, Any], ctx: ConnectionContext, account: str | None = None) -> InvoiceLineItem:
    product = (line.get("product") or {}).get("id")
    code = text(line.get("vat_rate"))
    quantity = amount(line.get("quantity"))
    return InvoiceLineItem(
        remote_id=str(line["id"]),
        description=text(line.get("label")),
        quantity=quantity,
        unit_price=amount(line.get("raw_currency_unit_price")),
        total_amount=amount(line.get("currency_amount_before_tax")),
        item_id=ctx.ref("item", None if product is None else str(product)),
        tax_rate_id=ctx.ref("tax_rate", code),
        account_id=ctx.ref("account", account),
    )


def to_unified(remote: dict[str, Any], lines: list[dict[str, Any]], path: str,
               ctx: ConnectionContext, accounts: list[str | None] | None = None) -> RemoteRecord:
    """``accounts``: each line's ledger account id where known (a supplier invoice's, from its ledger entry)."""
    payable = path == SUPPLIER_INVOICES
    party = remote.get("supplier" if payable else "customer") or {}
    party_key = None if party.get("id") is None else f"{'suppliers' if payable else 'customers'}/{party['id']}"
    if payable:
        status = _PAYABLE_STATUS.get(str(remote.get("payment_status")), InvoiceStatus.OPEN)
        if remote.get("archived_at"):
            status = InvoiceStatus.VOID
        number = text(remote.get("invoice_number"))
    else:
        status = _RECEIVABLE_STATUS.get(str(remote.get("status")), InvoiceStatus.OPEN)
        number = text(remote.get("invoice_number")) or text(remote.get("external_reference"))
    invoice = Invoice(
        type=InvoiceType.ACCOUNTS_PAYABLE if payable else InvoiceType.ACCOUNTS_RECEIVABLE,
        number=number,
        issue_date=day(remote.get("date")),
        due_date=day(remote.get("deadline")),
        memo=text(remote.get("label")) if payable else text(remote.get("pdf_description")),
        currency=text(remote.get("currency")),
        exchange_rate=text(remote.get("exchange_rate")),
        sub_total=amount(remote.get("currency_amount_before_tax")),
        total_tax_amount=amount(remote.get("currency_tax")),
        total_amount=amount(remote.get("currency_amount")),
        balance=amount(remote.get("remaining_amount_with_tax")),
        status=status,
        contact_id=ctx.ref("contact", party_key),
        line_items=[_line(line, ctx, (accounts or [])[i] if i < len(accounts or []) else None)
                    for i, line in enumerate(lines)],
    )
    return RemoteRecord(object="invoice", remote_key=f"{path}/{remote['id']}", remote_id=str(remote["id"]),
                        data=invoice, remote_data=remote, remote_updated_at=stamp(remote.get("updated_at")))



# --- writes -----------------------------------------------------------------------------------------------------


def check(body: InvoiceInput, refs: Refs, *, creating: bool) -> list[FieldError]:
    """What Pennylane would refuse, before any call."""
    errors: list[FieldError] = []
    contact = refs.get(body.contact_id)
    wanted = "suppliers/" if body.type == InvoiceType.ACCOUNTS_PAYABLE else "customers/"
    if contact is None:
        errors.append(FieldError("contact_id", "is required: Pennylane needs the customer of the invoice"))
    elif not contact.remote_key.startswith(wanted):
        kind = "supplier" if wanted == "suppliers/" else "customer"
        errors.append(FieldError("contact_id", f"must be a Pennylane {kind} for this invoice type"))
    if body.issue_date and body.due_date and body.due_date < body.issue_date:
        errors.append(FieldError("due_date", "must not be before issue_date"))
    for i, line in enumerate(body.line_items):
        if line.unit_price is None and (line.total_amount is None or not line.quantity):
            errors.append(FieldError(f"line_items[{i}].unit_price", "is required (or total_amount and quantity)"))
        ref = refs.get(line.tax_rate_id)
        if line.tax_rate_id is not None and (ref is None or tax_rate.percent(ref.remote_id) is None):
            errors.append(FieldError(f"line_items[{i}].tax_rate_id", "is not a Pennylane VAT code"))
    return errors


def unit_price(quantity: Decimal, line_price: Decimal | None, line_total: Decimal | None) -> Decimal:
    if line_price is not None:
        return line_price
    assert line_total is not None
    return line_total / quantity


def remote_lines(body: InvoiceInput, refs: Refs) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    for i, line in enumerate(body.line_items):
        quantity = line.quantity if line.quantity is not None else Decimal(1)
        tax = refs.get(line.tax_rate_id)
        remote: dict[str, Any] = {
            "label": line.description or f"Line {i + 1}",
            "quantity": quantity,
            "raw_currency_unit_price": write_amount(unit_price(quantity, line.unit_price, line.total_amount)),
            "unit": DEFAULT_UNIT,
            "vat_rate": tax.remote_id if tax is not None else tax_rate.EXEMPT,
        }
        product = refs.remote_id(line.item_id)
        if product is not None:
            remote["product_id"] = int(product)
        account = refs.remote_id(line.account_id)
        if account is not None:
            remote["ledger_account_id"] = int(account)
        lines.append(remote)
    return lines


def header(body: InvoiceInput, refs: Refs, today: dt.date) -> dict[str, Any]:
    """The receivable invoice's fields but its lines and draft flag."""
    issued = body.issue_date.date() if body.issue_date else today
    due = body.due_date.date() if body.due_date else issued
    contact = refs.remote_id(body.contact_id)
    remote: dict[str, Any] = {"date": write_day(issued), "deadline": write_day(due)}
    if contact is not None:
        remote["customer_id"] = int(contact)
    if body.currency:
        remote["currency"] = body.currency
    if body.memo is not None:
        remote["pdf_description"] = body.memo
    if body.number:
        remote["external_reference"] = body.number
    return remote


def to_remote(body: InvoiceInput, refs: Refs, today: dt.date) -> dict[str, Any]:
    """A new receivable invoice: a draft unless the caller asked for more (finalized at once)."""
    return {**header(body, refs, today), "draft": wants_draft(body),
            "invoice_lines": remote_lines(body, refs)}


def wants_draft(body: InvoiceInput) -> bool:
    return body.status in (None, InvoiceStatus.DRAFT)


def line_accounts(entry: dict[str, Any]) -> list[str | None]:
    """The expense accounts of a supplier invoice's lines, in order, from its ledger entry: every debit line but
    deductible VAT (445…), the supplier's credit line left out."""
    accounts: list[str | None] = []
    for line in entry.get("ledger_entry_lines") or []:
        number = str((line.get("ledger_account") or {}).get("number") or "")
        if (amount(line.get("debit")) or 0) > 0 and not number.startswith("445"):
            accounts.append(str(line["ledger_account"]["id"]))
    return accounts


def _line_figures(body: InvoiceInput, refs: Refs) -> list[tuple[Decimal, Decimal, str]]:
    """(amount before tax, tax, VAT code) of each line of a bill, tax to the cent per line."""
    figures = []
    for line in body.line_items:
        quantity = line.quantity if line.quantity is not None else Decimal(1)
        before = cents(quantity * unit_price(quantity, line.unit_price, line.total_amount))
        tax = refs.get(line.tax_rate_id)
        code = tax.remote_id if tax is not None else tax_rate.EXEMPT
        figures.append((before, cents(before * (tax_rate.percent(code) or Decimal(0)) / 100), code))
    return figures


def payable_import(body: InvoiceInput, refs: Refs, file_id: int, today: dt.date) -> dict[str, Any]:
    """``POST /supplier_invoices/import``: the bill's figures as we state them (Pennylane books what a supplier
    invoice says, it does not compute it)."""
    figures = _line_figures(body, refs)
    before = sum((f[0] for f in figures), Decimal(0))
    tax = sum((f[1] for f in figures), Decimal(0))
    issued = body.issue_date.date() if body.issue_date else today
    remote: dict[str, Any] = {
        "file_attachment_id": file_id, "supplier_id": int(refs.remote_id(body.contact_id) or 0),
        "date": write_day(issued), "deadline": write_day(body.due_date.date() if body.due_date else issued),
        "currency_amount_before_tax": write_amount(before), "currency_tax": write_amount(tax),
        "currency_amount": write_amount(before + tax), "invoice_lines": [],
    }
    if body.number:
        remote["invoice_number"] = body.number
    if body.currency:
        remote["currency"] = body.currency
    if body.memo is not None:
        remote["label"] = body.memo
    for line, (line_before, line_tax, code) in zip(body.line_items, figures, strict=True):
        entry: dict[str, Any] = {"label": line.description or "",
                                 "currency_amount": write_amount(line_before + line_tax),
                                 "currency_tax": write_amount(line_tax), "vat_rate": code}
        account = refs.remote_id(line.account_id)
        if account is not None:
            entry["ledger_account_id"] = int(account)
        remote["invoice_lines"].append(entry)
    return remote


def summary(body: InvoiceInput, remote: dict[str, Any], supplier: str) -> list[str]:
    """What the generated document of a bill says."""
    lines = [f"Supplier invoice {body.number or ''}".strip(), f"Supplier: {supplier}",
             f"Date: {remote['date']}   Due: {remote['deadline']}", ""]
    lines += [f"{line['label']}: {line['currency_amount']} {body.currency or 'EUR'} (VAT {line['vat_rate']})"
              for line in remote["invoice_lines"]]
    lines += ["", f"Total before tax: {remote['currency_amount_before_tax']}", f"VAT: {remote['currency_tax']}",
              f"Total: {remote['currency_amount']}", "", "Generated by Ledgerbridge from the data it was sent."]
    return lines


def payable_update(body: InvoiceInput, refs: Refs) -> dict[str, Any]:
    remote: dict[str, Any] = {}
    if body.issue_date:
        remote["date"] = write_day(body.issue_date)
    if body.due_date:
        remote["deadline"] = write_day(body.due_date)
    if body.number:
        remote["invoice_number"] = body.number
    if body.memo is not None:
        remote["label"] = body.memo
    supplier = refs.remote_id(body.contact_id)
    if supplier is not None:
        remote["supplier_id"] = int(supplier)
    return remote


def write_warnings(body: InvoiceInput, *, payable: bool = False) -> list[Warning_]:
    warnings: list[Warning_] = []
    if body.number and not payable:
        warnings.append(Warning_(field="number", message="Pennylane numbers an invoice itself when it is "
                                 "finalized; your number is kept as its external_reference"))
    if body.tracking_categories or any(line.tracking_categories for line in body.line_items):
        warnings.append(Warning_(field="tracking_categories", message="analytic categories are not sent"))
    for name in ("exchange_rate", "total_discount", "paid_on_date", "accounting_period_id"):
        if getattr(body, name) is not None:
            warnings.append(Warning_(field=name, message="Pennylane sets or computes this itself; not sent"))
    if body.field_mappings:
        warnings.append(Warning_(field="field_mappings", message="custom field mappings are not sent to Pennylane"))
    return warnings


def total_warnings(body: InvoiceInput, record: RemoteRecord) -> list[Warning_]:
    """Totals the caller stated that Pennylane's own figures contradict (Pennylane's are kept)."""
    made: Invoice = record.data  # type: ignore[assignment]
    warnings = []
    for name in ("sub_total", "total_tax_amount", "total_amount", "balance"):
        given, kept = getattr(body, name), getattr(made, name)
        if given is not None and given != kept:
            warnings.append(Warning_(field=name, message=f"Pennylane computes this from the lines: {kept}, "
                                     f"not {given}"))
    return warnings
