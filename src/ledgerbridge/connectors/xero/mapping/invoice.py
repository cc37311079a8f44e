"""Invoices ⇄ Xero Invoice (``ACCREC`` receivable, ``ACCPAY`` payable).

Field choices (Xero names from the official OpenAPI, ``components.schemas.Invoice``/``LineItem``):

- ``status``: DRAFT, SUBMITTED → same; AUTHORISED → OPEN, or PARTIALLY_PAID once money is on it (AmountPaid +
  AmountCredited > 0) with AmountDue > 0; PAID → PAID; VOIDED → VOID; DELETED → ``deleted`` (remote_was_deleted)
  with no status, since the unified enum has none for it.
- On create, OPEN, PARTIALLY_PAID, PAID and *no status* send ``AUTHORISED``: a DRAFT is invisible to Xero's
  reports and cannot be paid, and the QuickBooks connector creates open invoices too. PAID and PARTIALLY_PAID
  are then made true by a Payment (see ``objects/invoice.py``). VOID cannot be created (Xero only voids
  AUTHORISED ones).
- ``memo`` ⇄ ``Reference``. Xero keeps a Reference on ACCREC only, so a payable memo is warned about, not sent.
- ``LineAmountTypes`` is always ``Exclusive``: unified line amounts are before tax, Xero adds the tax.
- Lines: ``item_id`` ⇄ ``ItemCode`` (Xero's write key for items; remote key of an item is its ItemID),
  ``account_id`` ⇄ ``AccountCode`` (``AccountID`` when the code is unknown; the spec accepts both),
  ``tax_rate_id`` ⇄ ``TaxType``, ``tracking_categories`` ⇄ ``Tracking[]`` (remote key ``<categoryID>/<optionID>``).
- Xero has no invoice-level tracking: header ``tracking_categories`` are applied to every line that has no
  option of that category yet, with a warning. Xero has no invoice-level discount either (``TotalDiscount`` is the
  sum of line discounts): a header ``total_discount`` is warned about and not sent.
- Updates send every line: a line the caller kept (its unified ``id`` resolved by the service to the stored
  line) goes with its ``LineItemID``, so Xero updates that line and keeps its id; a line without is new; a line
  left out is removed (Xero's documented rule for ``LineItems`` on an update).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date, write_date
from ledgerbridge.connectors.xero.mapping.common import (
    Lookup,
    RefMaker,
    account_ref,
    currency_rate,
    lower_id,
    money,
    split_tracking_key,
    text,
)
from ledgerbridge.connectors.xero.mapping.lines import account_code, line_tracking, tracking_entry
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import (
    Invoice,
    InvoiceInput,
    InvoiceLineItem,
    InvoiceLineItemInput,
    InvoiceStatus,
    InvoiceType,
)

XERO_TYPE = {InvoiceType.ACCOUNTS_RECEIVABLE: "ACCREC", InvoiceType.ACCOUNTS_PAYABLE: "ACCPAY"}
UNIFIED_TYPE = {v: k for k, v in XERO_TYPE.items()}
CREATE_STATUS = {
    None: "AUTHORISED",
    InvoiceStatus.DRAFT: "DRAFT",
    InvoiceStatus.SUBMITTED: "SUBMITTED",
    InvoiceStatus.OPEN: "AUTHORISED",
    InvoiceStatus.PARTIALLY_PAID: "AUTHORISED",
    InvoiceStatus.PAID: "AUTHORISED",
}
MAX_TRACKING_PER_LINE = 2  # Xero: "a maximum of 2 tracking categories can be used on a line item"


# --- Xero → unified ------------------------------------------------------------------------------------------


def derive_status(remote: dict[str, Any]) -> InvoiceStatus | None:
    status = str(remote.get("Status") or "").upper()
    if status == "AUTHORISED":
        settled = (money(remote.get("AmountPaid")) or Decimal(0)) + (money(remote.get("AmountCredited")) or Decimal(0))
        due = money(remote.get("AmountDue")) or Decimal(0)
        return InvoiceStatus.PARTIALLY_PAID if settled > 0 and due > 0 else InvoiceStatus.OPEN
    return {
        "DRAFT": InvoiceStatus.DRAFT,
        "SUBMITTED": InvoiceStatus.SUBMITTED,
        "PAID": InvoiceStatus.PAID,
        "VOIDED": InvoiceStatus.VOID,
    }.get(status)


def line_to_unified(invoice_id: str, line: dict[str, Any], ctx: RefMaker, lookup: Lookup | None,
                    currency: str | None) -> InvoiceLineItem:
    line_id = lower_id(line.get("LineItemID"))
    item_id = lower_id((line.get("Item") or {}).get("ItemID"))
    if item_id is None and (code := text(line.get("ItemCode"))) and lookup is not None:
        item_id = lookup.item_ids.get(code)
    return InvoiceLineItem(
        id=ctx.ref("invoice_line_item", f"{invoice_id}#{line_id}") if line_id else None,
        remote_id=line_id,
        description=text(line.get("Description")),
        quantity=money(line.get("Quantity")),
        unit_price=money(line.get("UnitAmount")),
        total_amount=money(line.get("LineAmount")),
        currency=currency,
        item_id=ctx.ref("item", item_id),
        account_id=account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
        tax_rate_id=ctx.ref("tax_rate", text(line.get("TaxType"))),
        tracking_categories=line_tracking(ctx, lookup, line.get("Tracking")),
    )


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None = None) -> RemoteRecord:
    invoice_id = str(remote["InvoiceID"]).lower()
    xero_type = str(remote.get("Type") or "")
    currency = text(remote.get("CurrencyCode"))
    invoice = Invoice(
        type=UNIFIED_TYPE.get(xero_type),
        number=text(remote.get("InvoiceNumber")),
        issue_date=read_date(remote.get("Date")),
        due_date=read_date(remote.get("DueDate")),
        paid_on_date=read_date(remote.get("FullyPaidOnDate")),
        memo=text(remote.get("Reference")),
        currency=currency,
        exchange_rate=currency_rate(remote),
        total_discount=money(remote.get("TotalDiscount")),
        sub_total=money(remote.get("SubTotal")),
        status=derive_status(remote),
        total_tax_amount=money(remote.get("TotalTax")),
        total_amount=money(remote.get("Total")),
        balance=money(remote.get("AmountDue")),
        contact_id=ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID"))),
        line_items=[line_to_unified(invoice_id, line, ctx, lookup, currency) for line in remote.get("LineItems") or []],
    )
    return RemoteRecord(
        object="invoice",
        remote_key=invoice_id,
        remote_id=invoice_id,
        data=invoice,
        remote_data=remote,
        remote_updated_at=read_date(remote.get("UpdatedDateUTC")),
        deleted=str(remote.get("Status") or "").upper() == "DELETED",
    )


def codes_needed(rows: list[dict[str, Any]]) -> set[str]:
    """The settings lists a page of invoices refers to by code or name only (2020-era answers lack the ids)."""
    needs: set[str] = set()
    for row in rows:
        for line in row.get("LineItems") or []:
            if text(line.get("AccountCode")) and not text(line.get("AccountID")):
                needs.add("Accounts")
            if text(line.get("ItemCode")) and not text((line.get("Item") or {}).get("ItemID")):
                needs.add("Items")
            if any(not text(t.get("TrackingOptionID")) for t in line.get("Tracking") or []):
                needs.add("TrackingCategories")
    return needs


# --- unified → Xero ------------------------------------------------------------------------------------------


def line_figures(line: InvoiceLineItemInput) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(Quantity, UnitAmount, LineAmount). A line with only an amount is one unit at that price."""
    qty, price, amount = line.quantity, line.unit_price, line.total_amount
    if qty is None and price is None and amount is not None:
        qty, price = Decimal(1), amount
    if qty is None and price is not None:
        qty = Decimal(1)
    if amount is None and qty is not None and price is not None:
        amount = qty * price
    return qty, price, amount


def _option(refs: Refs, unified_id: UUID) -> tuple[str, str | None] | None:
    ref = refs.get(unified_id)
    return None if ref is None else split_tracking_key(ref.remote_key)


def _merged_tracking(body: InvoiceInput, line: InvoiceLineItemInput, refs: Refs) -> list[UUID]:
    """The line's own options, then each header option whose category the line does not track yet."""
    chosen = list(dict.fromkeys(line.tracking_categories))
    categories = {found[0] for u in chosen if (found := _option(refs, u)) is not None}
    for unified_id in dict.fromkeys(body.tracking_categories):
        found = _option(refs, unified_id)
        if found is not None and found[0] not in categories and unified_id not in chosen:
            chosen.append(unified_id)
            categories.add(found[0])
    return chosen


def _line_to_remote(
    body: InvoiceInput, line: InvoiceLineItemInput, refs: Refs, lookup: Lookup, default_account: str | None
) -> dict[str, Any]:
    qty, price, amount = line_figures(line)
    remote: dict[str, Any] = {}
    if (kept := refs.get(line.id)) is not None and kept.object == "invoice_line_item":
        remote["LineItemID"] = kept.remote_id
    if line.description:
        remote["Description"] = line.description
    if qty is not None and price is not None:
        remote["Quantity"] = qty
        remote["UnitAmount"] = price
    elif amount is not None:
        remote["LineAmount"] = amount
    if (item := refs.get(line.item_id)) is not None and (code := lookup.item_code(item.remote_id)):
        remote["ItemCode"] = code
    if (account := account_code(refs, line.account_id, lookup)) is not None:
        remote[account[0]] = account[1]
    elif line.item_id is None and default_account is not None:
        remote["AccountCode"] = default_account
    if (tax := refs.get(line.tax_rate_id)) is not None:
        remote["TaxType"] = tax.remote_key
    tracking = [e for u in _merged_tracking(body, line, refs) if (e := tracking_entry(refs, u)) is not None]
    if tracking:
        remote["Tracking"] = tracking
    return remote


def to_remote(body: InvoiceInput, refs: Refs, lookup: Lookup, default_account: str | None = None) -> dict[str, Any]:
    """The Xero Invoice to PUT (inside ``{"Invoices": [...]}``). Assumes :func:`validate` found nothing.

    ``lookup`` gives the codes of the items and accounts the lines refer to (the connector fills it first).
    ``default_account`` is the code for lines that name neither an account nor an item: Xero refuses an
    approved invoice with such a line, and Panora's line shape has no account at all.
    """
    xero_type = XERO_TYPE[body.type]
    remote: dict[str, Any] = {
        "Type": xero_type,
        "Contact": {"ContactID": refs.remote_id(body.contact_id)},
        "Status": CREATE_STATUS[body.status],
        "LineAmountTypes": "Exclusive",
    }
    if body.number:
        remote["InvoiceNumber"] = body.number
    if body.issue_date is not None:
        remote["Date"] = write_date(body.issue_date)
    if body.due_date is not None:
        remote["DueDate"] = write_date(body.due_date)
    if body.memo and xero_type == "ACCREC":
        remote["Reference"] = body.memo
    if body.currency:
        remote["CurrencyCode"] = body.currency
    if body.exchange_rate is not None:
        remote["CurrencyRate"] = Decimal(body.exchange_rate)
    remote["LineItems"] = [_line_to_remote(body, line, refs, lookup, default_account) for line in body.line_items]
    return remote


def payment_to_remote(invoice: dict[str, Any], amount: Decimal, paid_on: dt.datetime | None,
                      account: dict[str, str]) -> dict[str, Any]:
    """A Xero Payment of ``amount`` against ``invoice`` (as Xero returned it) into ``account``
    (``{"Code": …}`` or ``{"AccountID": …}``)."""
    payment: dict[str, Any] = {
        "Invoice": {"InvoiceID": invoice["InvoiceID"]},
        "Account": account,
        "Amount": amount,
    }
    if paid_on is not None:
        payment["Date"] = write_date(paid_on)
    elif (issued := read_date(invoice.get("Date"))) is not None:
        payment["Date"] = write_date(issued)
    rate = money(invoice.get("CurrencyRate"))
    if rate is not None and rate > 0 and rate != 1:
        payment["CurrencyRate"] = rate  # a foreign-currency payment needs its rate, else Xero asks for it
    return payment


def payment_amount(body: InvoiceInput, created: dict[str, Any]) -> tuple[Decimal | None, Warning_ | None]:
    """How much to pay to make the requested status true: all that is due, or all but the caller's balance."""
    due = money(created.get("AmountDue")) or Decimal(0)
    if due <= 0:
        return None, Warning_(field="status", message="Xero computed nothing due on this invoice: nothing to pay")
    if body.status == InvoiceStatus.PAID:
        return due, None
    balance = body.balance or Decimal(0)
    if not 0 < balance < due:
        return None, Warning_(field="balance", message=f"a balance of {balance} is not a partial payment of "
                              f"Xero's amount due {due}; no payment was recorded")
    return due - balance, None


# --- what Xero would refuse, and what it would not keep ---------------------------------------------------------


def validate(body: InvoiceInput, refs: Refs) -> list[FieldError]:
    errors: list[FieldError] = []
    if body.contact_id is None:
        errors.append(FieldError("contact_id", "Xero requires a contact on every invoice"))
    if body.status == InvoiceStatus.VOID:
        errors.append(FieldError("status", "Xero cannot create a VOID invoice (it only voids AUTHORISED ones)"))
    if body.status == InvoiceStatus.PARTIALLY_PAID and not (body.balance and body.balance > 0):
        errors.append(FieldError("balance", "a PARTIALLY_PAID invoice needs the balance left to pay (> 0)"))

    def check_options(at: str, ids: list[UUID]) -> None:
        for j, unified_id in enumerate(ids):
            found = _option(refs, unified_id)
            if found is not None and found[1] is None:
                errors.append(FieldError(f"{at}[{j}]", "this is a Xero tracking category; choose one of its options"))

    check_options("tracking_categories", body.tracking_categories)
    header_categories = [f[0] for u in dict.fromkeys(body.tracking_categories) if (f := _option(refs, u))]
    if len(header_categories) != len(set(header_categories)):
        errors.append(FieldError("tracking_categories", "Xero takes one option per tracking category"))
    for i, line in enumerate(body.line_items):
        at = f"line_items[{i}]"
        qty, price, amount = line_figures(line)
        if amount is None and price is None:
            errors.append(FieldError(f"{at}.total_amount", "required (or quantity and unit_price)"))
        elif (qty is not None and price is not None and line.total_amount is not None
              and qty * price != line.total_amount):
            errors.append(FieldError(f"{at}.total_amount", f"quantity × unit_price is {qty * price}, not "
                                     f"{line.total_amount}; Xero computes the line amount from them"))
        check_options(f"{at}.tracking_categories", line.tracking_categories)
        own = [f[0] for u in dict.fromkeys(line.tracking_categories) if (f := _option(refs, u))]
        if len(own) != len(set(own)):
            errors.append(FieldError(f"{at}.tracking_categories", "Xero takes one option per tracking category"))
        if len(_merged_tracking(body, line, refs)) > MAX_TRACKING_PER_LINE:
            errors.append(FieldError(f"{at}.tracking_categories",
                                     "Xero takes at most 2 tracking categories per line (header ones included)"))
        if line.currency is not None and body.currency is not None and line.currency != body.currency:
            errors.append(FieldError(f"{at}.currency", "Xero lines take the invoice's currency"))
    return errors


def write_warnings(body: InvoiceInput) -> list[Warning_]:
    """Fields of a valid body Xero cannot store as given (totals are compared after the write)."""
    warnings: list[Warning_] = []
    payable = body.type == InvoiceType.ACCOUNTS_PAYABLE
    if body.accounting_period_id is not None:
        warnings.append(Warning_(field="accounting_period_id",
                                 message="Xero has no accounting periods; the invoice is dated by issue_date only"))
    if body.field_mappings:
        warnings.append(Warning_(field="field_mappings", message="custom field mappings are not sent to Xero"))
    if body.memo and payable:
        warnings.append(Warning_(field="memo", message="Xero keeps a Reference on receivable invoices only; "
                                 "the memo of this bill was not sent"))
    if body.total_discount:
        warnings.append(Warning_(field="total_discount", message="Xero has no invoice-level discount (only line "
                                 "discounts); it was not applied"))
    if body.tracking_categories:
        warnings.append(Warning_(field="tracking_categories", message="Xero has no invoice-level tracking; the "
                                 "options were applied to every line"))
    if body.paid_on_date is not None and body.status not in (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID):
        warnings.append(Warning_(field="paid_on_date", message="no payment was recorded, so paid_on_date was not kept"))
    for i, line in enumerate(body.line_items):
        if line.exchange_rate is not None:
            warnings.append(Warning_(field=f"line_items[{i}].exchange_rate",
                                     message="Xero uses the invoice's exchange rate for every line"))
    return warnings
