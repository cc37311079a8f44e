"""Invoices ⇄ QBO Invoice (receivable) and Bill (payable).

Field choices (QBO names from Finance.xsd):

- ``memo`` ⇄ ``PrivateNote``. Both Invoice and Bill have it, it is the internal note, and QBO's own void
  writes "Voided" there. ``CustomerMemo`` (printed on the invoice the customer receives) is left to QBO's
  default: a Ledgerbridge memo should not surprise the customer. A create adds one last line to it,
  ``ledgerbridge-request:<requestid>`` (:func:`with_marker`), so a create whose answer was lost can be found
  again after QBO forgot its requestid (service/outcomes.py); the unified memo never shows that line.
- Dates: QBO has calendar days; unified dates are instants. We send the date part in the caller's offset and
  read back midnight UTC.
- ``sub_total`` is QBO's trailing ``SubTotalLineDetail`` amount when there is one (that display row, which has
  no Id, is not a line item), else the sum of the item/expense lines (Bills have no subtotal row);
  ``DiscountLineDetail`` lines become ``total_discount``.
- ``status`` is derived: VOID when QBO voided it (amounts zeroed, note "Voided"), then PAID / PARTIALLY_PAID /
  OPEN from Balance against TotalAmt. QBO has no draft invoices.
- Lines: a receivable line is a ``SalesItemLineDetail`` (without ``ItemRef`` QBO uses its default Services
  item); a payable line is ``ItemBasedExpenseLineDetail`` when it has an item, else
  ``AccountBasedExpenseLineDetail``. Line tracking is ``ClassRef`` only: QBO lines carry no department.
- A Bill has no header ``ClassRef``: a class given on the header goes to every line that has none.
- Updates are full updates: a line the caller kept (its unified ``id`` resolved by the service to the stored
  line, see :func:`kept_line_id`) is sent with its QBO ``Id``, so QBO updates that line and its Id stays; a
  line without goes without ``Id`` and QBO numbers it; a line left out is removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from uuid import UUID

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import (
    RefMaker,
    currency,
    key,
    money,
    read_date,
    ref_id,
    ref_value,
    split_key,
    updated_at,
    write_date,
)
from ledgerbridge.errors import FieldError
from ledgerbridge.remote_paths import apply_remote
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import (
    Invoice,
    InvoiceInput,
    InvoiceLineItem,
    InvoiceLineItemInput,
    InvoiceStatus,
    InvoiceType,
)

ENTITY_FOR_TYPE = {InvoiceType.ACCOUNTS_RECEIVABLE: "Invoice", InvoiceType.ACCOUNTS_PAYABLE: "Bill"}
# A CreditMemo has an Invoice's shape (its credit note mapping reads it through ``to_unified``).
_CONTACT_REF = {"Invoice": ("CustomerRef", "Customer"), "Bill": ("VendorRef", "Vendor"),
                "CreditMemo": ("CustomerRef", "Customer")}
# Linked transactions that are payments of the invoice (Invoice) or of the bill (Bill).
PAYMENT_TXN_TYPES = {
    "Invoice": frozenset({"Payment"}),
    "Bill": frozenset({"BillPaymentCheck", "BillPaymentCreditCard"}),
}
_ITEM_LINE_DETAILS = (
    "SalesItemLineDetail",
    "ItemBasedExpenseLineDetail",
    "AccountBasedExpenseLineDetail",
    "GroupLineDetail",
    "DescriptionOnly",
)


# --- QBO → unified ---


def derive_status(total: Decimal | None, balance: Decimal | None, note: str | None) -> InvoiceStatus:
    """QBO has no status field: this is the rule the brief fixes (and QBO's UI follows)."""
    if total == 0 and (note or "").strip().lower().startswith("voided"):
        return InvoiceStatus.VOID  # operation=void zeroes the amounts and sets the note to "Voided"
    if total is not None and balance is not None:
        if balance == 0 and total > 0:
            return InvoiceStatus.PAID
        if 0 < balance < total:
            return InvoiceStatus.PARTIALLY_PAID
    return InvoiceStatus.OPEN


def payment_ids(entity: str, remote: dict[str, Any]) -> list[str]:
    """Ids of the payments QBO lists as linked to this invoice or bill."""
    kinds = PAYMENT_TXN_TYPES[entity]
    return [
        str(t["TxnId"]) for t in remote.get("LinkedTxn") or [] if t.get("TxnType") in kinds and t.get("TxnId")
    ]


def _line(
    entity: str, parent_key: str, line: dict[str, Any], ctx: RefMaker, header_currency: str | None
) -> InvoiceLineItem:
    detail_type = line.get("DetailType") or ""
    detail: dict[str, Any] = line.get(detail_type) or {}
    line_id = str(line["Id"]) if line.get("Id") not in (None, "") else None
    if detail_type == "AccountBasedExpenseLineDetail":
        account_id = ref_id(ctx, "account", "Account", detail, "AccountRef")
    else:
        account_id = ref_id(ctx, "account", "Account", detail, "ItemAccountRef")
    class_id = ref_id(ctx, "tracking_category", "Class", detail, "ClassRef")
    return InvoiceLineItem(
        id=ctx.ref("invoice_line_item", f"{parent_key}#{line_id}") if line_id else None,
        remote_id=line_id,
        description=line.get("Description"),
        quantity=money(detail.get("Qty")),
        unit_price=money(detail.get("UnitPrice")),
        total_amount=money(line.get("Amount")),
        currency=header_currency,
        item_id=ref_id(ctx, "item", "Item", detail, "ItemRef"),
        account_id=account_id,
        tax_rate_id=ref_id(ctx, "tax_rate", "TaxCode", detail, "TaxCodeRef"),
        tracking_categories=[class_id] if class_id else [],
    )


def to_unified(
    entity: str,
    remote: dict[str, Any],
    ctx: RefMaker,
    *,
    payment_dates: Mapping[str, dt.datetime] | None = None,
) -> RemoteRecord:
    """Map a QBO Invoice or Bill. ``payment_dates`` (payment Id → TxnDate), when the caller looked the linked
    payments up, gives ``paid_on_date``: the latest payment of a paid or partly paid invoice."""
    remote_id = str(remote["Id"])
    remote_key = key(entity, remote_id)
    header_currency = currency(remote)
    lines: list[InvoiceLineItem] = []
    sub_total = Decimal(0)
    qbo_sub_total: Decimal | None = None
    discount: Decimal | None = None
    for line in remote.get("Line") or []:
        detail_type = line.get("DetailType")
        if detail_type == "SubTotalLineDetail":
            # QBO's display row (no Id): not a line item. Its Amount is QBO's own subtotal, which we
            # prefer: some list answers carry only this row (recorded invoice 1013: Line is just
            # [SubTotalLineDetail 75]).
            qbo_sub_total = money(line.get("Amount"))
            continue
        if detail_type == "DiscountLineDetail":
            discount = (discount or Decimal(0)) + (money(line.get("Amount")) or Decimal(0))
            continue
        if detail_type not in _ITEM_LINE_DETAILS:
            continue
        mapped = _line(entity, remote_key, line, ctx, header_currency)
        lines.append(mapped)
        sub_total += mapped.total_amount or Decimal(0)

    total = money(remote.get("TotalAmt"))
    balance = money(remote.get("Balance"))
    status = derive_status(total, balance, remote.get("PrivateNote"))
    paid_on = None
    if payment_dates and status in (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID):
        known = [payment_dates[i] for i in payment_ids(entity, remote) if i in payment_dates]
        paid_on = max(known) if known else None

    contact_ref, contact_entity = _CONTACT_REF[entity]
    header_tracking = [
        t
        for t in (
            ref_id(ctx, "tracking_category", "Class", remote, "ClassRef"),
            ref_id(ctx, "tracking_category", "Department", remote, "DepartmentRef"),
        )
        if t is not None
    ]
    tax_detail = remote.get("TxnTaxDetail") or {}
    exchange_rate = money(remote.get("ExchangeRate"))
    invoice = Invoice(
        type=InvoiceType.ACCOUNTS_RECEIVABLE if entity == "Invoice" else InvoiceType.ACCOUNTS_PAYABLE,
        number=remote.get("DocNumber"),
        issue_date=read_date(remote.get("TxnDate")),
        due_date=read_date(remote.get("DueDate")),
        paid_on_date=paid_on,
        memo=memo_of(remote.get("PrivateNote")),
        currency=header_currency,
        exchange_rate=str(exchange_rate) if exchange_rate is not None else None,
        total_discount=discount,
        sub_total=qbo_sub_total if qbo_sub_total is not None else sub_total,
        status=status,
        total_tax_amount=money(tax_detail.get("TotalTax")),
        total_amount=total,
        balance=balance,
        contact_id=ref_id(ctx, "contact", contact_entity, remote, contact_ref),
        tracking_categories=header_tracking,
        line_items=lines,
    )
    return RemoteRecord(
        object="invoice",
        remote_key=remote_key,
        remote_id=remote_id,
        data=invoice,
        remote_data=remote,
        remote_updated_at=updated_at(remote),
    )


# --- unified → QBO ---


def line_figures(line: InvoiceLineItemInput) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(Qty, UnitPrice, Amount) to send. With only an amount, the line is one unit at that price."""
    qty, price, amount = line.quantity, line.unit_price, line.total_amount
    if amount is None and qty is not None and price is not None:
        amount = qty * price
    if qty is None and price is None and amount is not None:
        qty, price = Decimal(1), amount
    return qty, price, amount


def _entity_of(refs: Refs, unified_id: UUID | None) -> tuple[str, str] | None:
    ref = refs.get(unified_id)
    if ref is None:
        return None
    try:
        return split_key(ref.remote_key)
    except ValueError:
        return None


def _tracking(refs: Refs, ids: list[UUID]) -> dict[str, list[str]]:
    """Tracking category ids grouped by QBO entity: {"Class": [...], "Department": [...]}."""
    grouped: dict[str, list[str]] = {}
    for unified_id in dict.fromkeys(ids):  # the same id twice is one category
        found = _entity_of(refs, unified_id)
        if found is not None:
            grouped.setdefault(found[0], []).append(found[1])
    return grouped


def kept_line_id(refs: Refs, line: InvoiceLineItemInput) -> str | None:
    """The QBO ``Line.Id`` of an existing line this input line updates; None for a new line (and on create,
    where no line reference is resolved)."""
    ref = refs.get(line.id)
    return ref.remote_id if ref is not None and ref.object == "invoice_line_item" else None


def _value(refs: Refs, unified_id: UUID | None) -> dict[str, str] | None:
    remote_id = refs.remote_id(unified_id)
    return None if remote_id is None else {"value": remote_id}


def _line_to_remote(
    entity: str, line: InvoiceLineItemInput, refs: Refs, header_class: str | None
) -> dict[str, Any]:
    qty, price, amount = line_figures(line)
    classes = _tracking(refs, line.tracking_categories).get("Class") or (
        [header_class] if header_class else []
    )
    detail: dict[str, Any] = {}
    if entity == "Invoice" or line.item_id is not None:
        if (item := _value(refs, line.item_id)) is not None:
            detail["ItemRef"] = item
        if qty is not None:
            detail["Qty"] = qty
        if price is not None:
            detail["UnitPrice"] = price
        detail_type = "SalesItemLineDetail" if entity == "Invoice" else "ItemBasedExpenseLineDetail"
    else:
        detail["AccountRef"] = _value(refs, line.account_id)
        detail_type = "AccountBasedExpenseLineDetail"
    if (tax := _value(refs, line.tax_rate_id)) is not None:
        detail["TaxCodeRef"] = tax
    if classes:
        detail["ClassRef"] = {"value": classes[0]}
    remote: dict[str, Any] = {"DetailType": detail_type, "Amount": amount, detail_type: detail}
    if (line_id := kept_line_id(refs, line)) is not None:
        remote = {"Id": line_id, **remote}
    if line.description:
        remote["Description"] = line.description
    return remote


MARKER_PREFIX = "ledgerbridge-request:"
PRIVATE_NOTE_MAX = 4000  # QBO's limit on PrivateNote


def marker(requestid: str) -> str:
    return MARKER_PREFIX + requestid


def with_marker(remote: dict[str, Any], requestid: str) -> dict[str, Any]:
    """The create body with the marker line at the end of PrivateNote (left out if the memo leaves no room:
    such a create cannot be looked up, and a lost answer stays unresolved rather than guessed)."""
    note = remote.get("PrivateNote") or ""
    marked = f"{note}\n{marker(requestid)}" if note else marker(requestid)
    return remote if len(marked) > PRIVATE_NOTE_MAX else {**remote, "PrivateNote": marked}


def memo_of(note: str | None) -> str | None:
    """The caller's memo: PrivateNote without the marker line a create added."""
    if note is None:
        return None
    head, sep, last = note.rpartition("\n")
    if last.startswith(MARKER_PREFIX):
        return head if sep else None
    return note


def to_remote(body: InvoiceInput, refs: Refs) -> dict[str, Any]:
    """The QBO create body (entity: :data:`ENTITY_FOR_TYPE`). Assumes :func:`validate` found nothing."""
    entity = ENTITY_FOR_TYPE[body.type]
    contact_ref, _ = _CONTACT_REF[entity]
    tracking = _tracking(refs, body.tracking_categories)
    header_class = next(iter(tracking.get("Class") or []), None)
    remote: dict[str, Any] = {contact_ref: _value(refs, body.contact_id)}
    if body.number:
        remote["DocNumber"] = body.number
    if body.issue_date is not None:
        remote["TxnDate"] = write_date(body.issue_date)
    if body.due_date is not None:
        remote["DueDate"] = write_date(body.due_date)
    if body.memo:
        remote["PrivateNote"] = body.memo
    if body.currency:
        remote["CurrencyRef"] = {"value": body.currency}
    if body.exchange_rate is not None:
        remote["ExchangeRate"] = Decimal(body.exchange_rate)
    if entity == "Invoice" and header_class:
        remote["ClassRef"] = {"value": header_class}
    if departments := tracking.get("Department"):
        remote["DepartmentRef"] = {"value": departments[0]}
    line_class = header_class if entity == "Bill" else None
    lines = [_line_to_remote(entity, line, refs, line_class) for line in body.line_items]
    if entity == "Invoice" and body.total_discount:
        # A flat discount; QBO books it to the company's default discount account.
        lines.append(
            {
                "DetailType": "DiscountLineDetail",
                "Amount": body.total_discount,
                "DiscountLineDetail": {"PercentBased": False},
            }
        )
    remote["Line"] = lines
    # The write's mapped custom fields, already turned into QBO paths by the service (CustomField[...]...).
    apply_remote(remote, body.field_mappings)
    return remote


def payment_to_remote(
    invoice: dict[str, Any], amount: Decimal, paid_on: dt.datetime | None
) -> dict[str, Any]:
    """A QBO Payment of ``amount`` applied to ``invoice`` (a QBO Invoice as QBO returned it)."""
    payment: dict[str, Any] = {
        "CustomerRef": {"value": ref_value(invoice, "CustomerRef")},
        "TotalAmt": amount,
        "Line": [{"Amount": amount, "LinkedTxn": [{"TxnId": str(invoice["Id"]), "TxnType": "Invoice"}]}],
    }
    txn_date = write_date(paid_on) if paid_on is not None else invoice.get("TxnDate")
    if txn_date:
        payment["TxnDate"] = txn_date
    if (code := ref_value(invoice, "CurrencyRef")) is not None:
        payment["CurrencyRef"] = {"value": code}
    return payment


# --- what QBO would refuse, and what it would not keep ---


def _first_of_each(ids: list[UUID]) -> list[tuple[int, UUID]]:
    """(index, id) of each id's first occurrence: a repeated id is one category, reported once."""
    first: dict[UUID, int] = {}
    for i, u in enumerate(ids):
        first.setdefault(u, i)
    return [(i, u) for u, i in first.items()]


def validate(body: InvoiceInput, refs: Refs) -> list[FieldError]:
    """Errors QBO would answer with (or that would silently change the invoice), found before calling it."""
    entity = ENTITY_FOR_TYPE[body.type]
    _, contact_entity = _CONTACT_REF[entity]
    errors: list[FieldError] = []

    def expect(field: str, unified_id: UUID | None, entities: tuple[str, ...], what: str) -> str | None:
        if unified_id is None:
            return None
        found = _entity_of(refs, unified_id)
        if found is None:
            errors.append(FieldError(field, f"unknown {what} id {unified_id}"))
            return None
        if found[0] not in entities:
            errors.append(
                FieldError(field, f"must be a {what} ({' or '.join(entities)}), not a QuickBooks {found[0]}")
            )
            return None
        return found[0]

    if body.contact_id is None:
        errors.append(
            FieldError("contact_id", f"QuickBooks requires a {contact_entity.lower()} on a {entity}")
        )
    else:
        expect(
            "contact_id",
            body.contact_id,
            (contact_entity,),
            "customer" if entity == "Invoice" else "supplier",
        )

    header_kinds = [
        expect(f"tracking_categories[{i}]", t, ("Class", "Department"), "tracking category")
        for i, t in _first_of_each(body.tracking_categories)
    ]
    for kind in ("Class", "Department"):
        if header_kinds.count(kind) > 1:
            errors.append(
                FieldError("tracking_categories", f"QuickBooks takes at most one {kind.lower()} per invoice")
            )

    if (
        body.status == InvoiceStatus.PARTIALLY_PAID
        and entity == "Invoice"
        and not (body.balance and body.balance > 0)
    ):
        errors.append(FieldError("balance", "a PARTIALLY_PAID invoice needs the balance left to pay (> 0)"))

    for i, line in enumerate(body.line_items):
        at = f"line_items[{i}]"
        qty, price, amount = line_figures(line)
        if amount is None:
            errors.append(FieldError(f"{at}.total_amount", "required (or quantity and unit_price)"))
        elif qty is not None and price is not None and qty * price != amount:
            errors.append(
                FieldError(
                    f"{at}.total_amount",
                    f"quantity × unit_price is {qty * price}, not {amount}; QuickBooks requires them equal",
                )
            )
        expect(f"{at}.item_id", line.item_id, ("Item",), "item")
        expect(f"{at}.account_id", line.account_id, ("Account",), "account")
        expect(f"{at}.tax_rate_id", line.tax_rate_id, ("TaxCode",), "tax rate")
        if entity == "Bill" and line.item_id is None and line.account_id is None:
            errors.append(FieldError(f"{at}.account_id", "a payable line needs an account_id or an item_id"))
        line_kinds = [
            expect(f"{at}.tracking_categories[{j}]", t, ("Class", "Department"), "tracking category")
            for j, t in _first_of_each(line.tracking_categories)
        ]
        if line_kinds.count("Class") > 1:
            errors.append(
                FieldError(f"{at}.tracking_categories", "QuickBooks takes at most one class per line")
            )
        if "Department" in line_kinds:
            errors.append(
                FieldError(
                    f"{at}.tracking_categories",
                    "QuickBooks lines take a class only; put the department on the invoice",
                )
            )
        if line.currency is not None and body.currency is not None and line.currency != body.currency:
            errors.append(FieldError(f"{at}.currency", "QuickBooks lines take the invoice's currency"))
    return errors


def write_warnings(body: InvoiceInput) -> list[Warning_]:
    """Fields of a valid create body that QBO cannot store as given (other warnings compare totals)."""
    entity = ENTITY_FOR_TYPE[body.type]
    warnings: list[Warning_] = []
    if body.accounting_period_id is not None:
        warnings.append(
            Warning_(
                field="accounting_period_id",
                message="QuickBooks has no accounting periods; the invoice is dated by issue_date only",
            )
        )
    if body.status in (InvoiceStatus.DRAFT, InvoiceStatus.SUBMITTED, InvoiceStatus.VOID):
        warnings.append(
            Warning_(
                field="status",
                message=f"QuickBooks has no {body.status.value} invoices on create; it was created OPEN",
            )
        )
    if entity == "Bill" and body.status in (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID):
        warnings.append(
            Warning_(
                field="status",
                message="paying a QuickBooks bill needs a bank account; the bill was created unpaid (OPEN)",
            )
        )
    if body.paid_on_date is not None and (
        entity == "Bill" or body.status not in (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)
    ):
        warnings.append(
            Warning_(field="paid_on_date", message="no payment was recorded, so paid_on_date was not kept")
        )
    if entity == "Bill" and body.total_discount:
        warnings.append(Warning_(field="total_discount", message="QuickBooks bills have no discount lines"))
    for i, line in enumerate(body.line_items):
        at = f"line_items[{i}]"
        if line.account_id is not None and (entity == "Invoice" or line.item_id is not None):
            warnings.append(
                Warning_(
                    field=f"{at}.account_id",
                    message="QuickBooks books item lines to the item's own account; account_id was not sent",
                )
            )
        if entity == "Bill" and line.item_id is None and line.quantity not in (None, Decimal(1)):
            warnings.append(
                Warning_(
                    field=f"{at}.quantity",
                    message="QuickBooks expense lines keep only the amount, not quantity and unit price",
                )
            )
        if line.exchange_rate is not None:
            warnings.append(
                Warning_(
                    field=f"{at}.exchange_rate",
                    message="QuickBooks uses the invoice's exchange rate for every line",
                )
            )
    return warnings
