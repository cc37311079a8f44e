"""Money going out: expenses (Xero SPEND bank transactions), vendor credits (ACCPAYCREDIT credit notes) and
purchase orders, both ways. Pure.

Xero prices lines and computes the totals itself (``LineAmountTypes`` Exclusive: tax on top), so writes send
lines only and the stored totals are Xero's.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date, write_date
from ledgerbridge.connectors.xero.mapping import credit_note
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, account_ref, lower_id, money, text
from ledgerbridge.connectors.xero.mapping.invoice import _tracking_entry, account_code, line_tracking
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.documents import AccountLine, PricedLine
from ledgerbridge.unified.expense import Expense, ExpenseInput
from ledgerbridge.unified.purchase_order import PurchaseOrder, PurchaseOrderInput
from ledgerbridge.unified.vendor_credit import VendorCredit

EXPENSE_TYPE = "SPEND"
VENDOR_CREDIT_TYPE = "ACCPAYCREDIT"


def _rate(remote: dict[str, Any]) -> str | None:
    rate = money(remote.get("CurrencyRate"))
    return str(rate) if rate is not None and rate > 0 else None


def _contact(ctx: RefMaker, remote: dict[str, Any]) -> Any:
    return ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID")))


def _account_line(ctx: RefMaker, lookup: Lookup | None, line: dict[str, Any], currency: str | None) -> AccountLine:
    return AccountLine(
        remote_id=lower_id(line.get("LineItemID")), net_amount=money(line.get("LineAmount")),
        description=text(line.get("Description")),
        account_id=account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
        item_id=ctx.ref("item", lower_id((line.get("Item") or {}).get("ItemID"))),
        tax_rate_id=ctx.ref("tax_rate", text(line.get("TaxType"))),
        tracking_categories=line_tracking(ctx, lookup, line.get("Tracking")), currency=currency,
    )


def _priced_line(ctx: RefMaker, lookup: Lookup | None, line: dict[str, Any], currency: str | None) -> PricedLine:
    return PricedLine(
        remote_id=lower_id(line.get("LineItemID")), description=text(line.get("Description")),
        unit_price=money(line.get("UnitAmount")), quantity=money(line.get("Quantity")),
        total_line_amount=money(line.get("LineAmount")), tax_amount=money(line.get("TaxAmount")),
        account_id=account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
        item_id=ctx.ref("item", lower_id((line.get("Item") or {}).get("ItemID"))),
        tax_rate_id=ctx.ref("tax_rate", text(line.get("TaxType"))),
        tracking_categories=line_tracking(ctx, lookup, line.get("Tracking")), currency=currency,
    )


def expense_to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    remote_id = str(remote["BankTransactionID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    lines = [_account_line(ctx, lookup, line, currency) for line in remote.get("LineItems") or []]
    data = Expense(
        transaction_date=read_date(remote.get("Date")), total_amount=money(remote.get("Total")),
        sub_total=money(remote.get("SubTotal")), total_tax_amount=money(remote.get("TotalTax")),
        currency=currency, exchange_rate=_rate(remote), memo=text(remote.get("Reference")),
        account_id=ctx.ref("account", lower_id((remote.get("BankAccount") or {}).get("AccountID"))),
        contact_id=_contact(ctx, remote),
        tracking_categories=sorted({t for line in lines for t in line.tracking_categories}, key=str),
        line_items=lines,
    )
    status = str(remote.get("Status") or "").upper()
    return RemoteRecord("expense", remote_id, remote_id, data, remote, read_date(remote.get("UpdatedDateUTC")),
                        deleted=status in ("DELETED", "VOIDED"))


def vendor_credit_to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    remote_id = str(remote.get("CreditNoteID") or remote["ID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    lines = [_account_line(ctx, lookup, line, currency) for line in remote.get("LineItems") or []]
    data = VendorCredit(
        number=text(remote.get("CreditNoteNumber")), transaction_date=read_date(remote.get("Date")),
        vendor=_contact(ctx, remote), total_amount=money(remote.get("Total")),
        remaining_credit=money(remote.get("RemainingCredit")), currency=currency, exchange_rate=_rate(remote),
        tracking_categories=sorted({t for line in lines for t in line.tracking_categories}, key=str),
        line_items=lines,
    )
    status = str(remote.get("Status") or "").upper()
    return RemoteRecord("vendor_credit", remote_id, remote_id, data, remote,
                        read_date(remote.get("UpdatedDateUTC")), deleted=status in ("DELETED", "VOIDED"))


def is_vendor_credit(remote: dict[str, Any]) -> bool:
    return credit_note.TYPES.get(str(remote.get("Type") or "")) == "ACCOUNTS_PAYABLE"


def purchase_order_to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    remote_id = str(remote["PurchaseOrderID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    lines = [_priced_line(ctx, lookup, line, currency) for line in remote.get("LineItems") or []]
    status = str(remote.get("Status") or "").upper()
    data = PurchaseOrder(
        status=status or None, issue_date=read_date(remote.get("Date")),
        delivery_date=read_date(remote.get("DeliveryDate")),
        purchase_order_number=text(remote.get("PurchaseOrderNumber")), memo=text(remote.get("Reference")),
        vendor=_contact(ctx, remote), total_amount=money(remote.get("Total")), currency=currency,
        exchange_rate=_rate(remote),
        tracking_categories=sorted({t for line in lines for t in line.tracking_categories}, key=str),
        line_items=lines, remote_updated_at=read_date(remote.get("UpdatedDateUTC")),
    )
    return RemoteRecord("purchase_order", remote_id, remote_id, data, remote,
                        read_date(remote.get("UpdatedDateUTC")), deleted=status == "DELETED")


# --- writes --------------------------------------------------------------------------------------------------


def _tracking(refs: Refs, ids: list[Any]) -> list[dict[str, str]]:
    return [e for u in dict.fromkeys(ids) if (e := _tracking_entry(refs, u)) is not None]


def _coded(remote: dict[str, Any], refs: Refs, line: Any, lookup: Lookup) -> None:
    if (account := account_code(refs, line.account_id, lookup)) is not None:
        remote[account[0]] = account[1]
    if (item := refs.get(line.item_id)) is not None and (code := lookup.item_code(item.remote_id)):
        remote["ItemCode"] = code
    if (tax := refs.get(line.tax_rate_id)) is not None:
        remote["TaxType"] = tax.remote_key


def validate_expense(body: ExpenseInput, refs: Refs) -> list[FieldError]:
    if body.contact_id is None:
        return [FieldError("contact_id", "Xero records a spend money transaction against a contact; give the payee")]
    return []


def expense_to_remote(body: ExpenseInput, refs: Refs, lookup: Lookup) -> dict[str, Any]:
    """A SPEND BankTransaction; lines are net amounts (Quantity 1), tax added on top as Xero computes it."""
    lines = []
    for line in body.line_items:
        remote: dict[str, Any] = {"Quantity": 1, "UnitAmount": line.net_amount}
        if line.description:
            remote["Description"] = line.description
        _coded(remote, refs, line, lookup)
        if tracking := _tracking(refs, [*line.tracking_categories, *body.tracking_categories]):
            remote["Tracking"] = tracking
        lines.append(remote)
    transaction: dict[str, Any] = {
        "Type": EXPENSE_TYPE, "Contact": {"ContactID": refs.remote_id(body.contact_id)},
        "BankAccount": {"AccountID": refs.remote_id(body.account_id)}, "LineItems": lines,
        "LineAmountTypes": "Exclusive",
    }
    if body.transaction_date is not None:
        transaction["Date"] = write_date(body.transaction_date)
    if body.memo:
        transaction["Reference"] = body.memo
    if body.currency:
        transaction["CurrencyCode"] = body.currency
    return transaction


def purchase_order_to_remote(body: PurchaseOrderInput, refs: Refs, lookup: Lookup) -> dict[str, Any]:
    lines = []
    for line in body.line_items:
        remote: dict[str, Any] = {}
        if line.description:
            remote["Description"] = line.description
        if line.unit_price is not None:
            remote["UnitAmount"] = line.unit_price
            remote["Quantity"] = line.quantity if line.quantity is not None else 1
        else:
            remote["UnitAmount"], remote["Quantity"] = line.total_line_amount, 1
        _coded(remote, refs, line, lookup)
        if tracking := _tracking(refs, [*line.tracking_categories, *body.tracking_categories]):
            remote["Tracking"] = tracking
        lines.append(remote)
    order: dict[str, Any] = {"Contact": {"ContactID": refs.remote_id(body.vendor)}, "LineItems": lines,
                             "LineAmountTypes": "Exclusive"}
    if body.status is not None:
        order["Status"] = "AUTHORISED" if body.status.value == "AUTHORIZED" else body.status.value
    if body.issue_date is not None:
        order["Date"] = write_date(body.issue_date)
    if body.delivery_date is not None:
        order["DeliveryDate"] = write_date(body.delivery_date)
    if body.purchase_order_number:
        order["PurchaseOrderNumber"] = body.purchase_order_number
    if body.memo:
        order["Reference"] = body.memo
    if body.currency:
        order["CurrencyCode"] = body.currency
    return order
