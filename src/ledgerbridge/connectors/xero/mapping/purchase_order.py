"""Purchase orders ⇄ Xero PurchaseOrder. Pure.

Xero prices lines and computes the totals itself (``LineAmountTypes`` Exclusive: tax on top), so writes send
lines only and the stored totals are Xero's. Unified AUTHORIZED is Xero's AUTHORISED.
"""

from __future__ import annotations

from typing import Any, cast

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.xero.dates import read_date, write_date
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker, currency_rate, lower_id, money, text
from ledgerbridge.connectors.xero.mapping.lines import all_tracking, coded_line, priced_line
from ledgerbridge.unified.purchase_order import PurchaseOrder, PurchaseOrderInput, PurchaseOrderLineInput


def to_unified(remote: dict[str, Any], ctx: RefMaker, lookup: Lookup | None) -> RemoteRecord:
    remote_id = str(remote["PurchaseOrderID"]).lower()
    currency = text(remote.get("CurrencyCode"))
    lines = [priced_line(ctx, lookup, line, currency) for line in remote.get("LineItems") or []]
    status = str(remote.get("Status") or "").upper()
    data = PurchaseOrder(
        status=cast(Any, status or None),  # Xero's word: the model's validator reads AUTHORISED as AUTHORIZED
        issue_date=read_date(remote.get("Date")),
        delivery_date=read_date(remote.get("DeliveryDate")),
        purchase_order_number=text(remote.get("PurchaseOrderNumber")), memo=text(remote.get("Reference")),
        vendor=ctx.ref("contact", lower_id((remote.get("Contact") or {}).get("ContactID"))),
        total_amount=money(remote.get("Total")), currency=currency, exchange_rate=currency_rate(remote),
        tracking_categories=all_tracking(lines),
        line_items=lines, remote_updated_at=read_date(remote.get("UpdatedDateUTC")),
    )
    return RemoteRecord("purchase_order", remote_id, remote_id, data, remote,
                        read_date(remote.get("UpdatedDateUTC")), deleted=status == "DELETED")


def _amounts(line: PurchaseOrderLineInput) -> dict[str, Any]:
    """Unit price by quantity (one when not given), else the line's total as a single unit."""
    if line.unit_price is not None:
        return {"UnitAmount": line.unit_price, "Quantity": line.quantity if line.quantity is not None else 1}
    return {"UnitAmount": line.total_line_amount, "Quantity": 1}


def to_remote(body: PurchaseOrderInput, refs: Refs, lookup: Lookup) -> dict[str, Any]:
    lines = [coded_line(_amounts(line), line, body.tracking_categories, refs, lookup) for line in body.line_items]
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
