"""Purchase orders ⇄ QBO PurchaseOrder (a Vendor's; Open → AUTHORIZED, Closed → BILLED). Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import (
    RefMaker,
    currency,
    key,
    money,
    read_date,
    read_timestamp,
    ref_id,
    updated_at,
    write_date,
)
from ledgerbridge.connectors.quickbooks.mapping.transaction import (
    entity_of,
    exchange_rate,
    expense_lines,
    header,
    line_classes,
    line_ref,
    record,
    value_ref,
)
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.documents import PricedLine
from ledgerbridge.unified.purchase_order import PurchaseOrder, PurchaseOrderInput, PurchaseOrderStatus

_PO_STATUS = {"Open": PurchaseOrderStatus.AUTHORIZED, "Closed": PurchaseOrderStatus.BILLED}


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("PurchaseOrder", str(remote["Id"]))
    lines = []
    for line in remote.get("Line") or []:
        kind = line.get("DetailType")
        if kind not in ("AccountBasedExpenseLineDetail", "ItemBasedExpenseLineDetail"):
            continue
        detail = line.get(kind) or {}
        line_uuid, line_id = line_ref(ctx, "purchase_order", parent, line)
        lines.append(PricedLine(
            id=line_uuid, remote_id=line_id,
            description=line.get("Description"),
            unit_price=money(detail.get("UnitPrice")),
            quantity=money(detail.get("Qty")),
            total_line_amount=money(line.get("Amount")),
            item_id=ref_id(ctx, "item", "Item", detail, "ItemRef"),
            account_id=ref_id(ctx, "account", "Account", detail, "AccountRef"),
            tax_rate_id=ref_id(ctx, "tax_rate", "TaxCode", detail, "TaxCodeRef"),
            tracking_categories=line_classes(ctx, detail),
            currency=currency(remote),
        ))
    order = PurchaseOrder(
        status=_PO_STATUS.get(remote.get("POStatus") or "Open", PurchaseOrderStatus.AUTHORIZED),
        issue_date=read_date(remote.get("TxnDate")),
        delivery_date=read_date(remote.get("DueDate")),
        purchase_order_number=remote.get("DocNumber"),
        memo=remote.get("Memo") or remote.get("PrivateNote"),
        vendor=ref_id(ctx, "contact", "Vendor", remote, "VendorRef"),
        total_amount=money(remote.get("TotalAmt")),
        currency=currency(remote),
        exchange_rate=exchange_rate(remote),
        line_items=lines,
        remote_created_at=read_timestamp((remote.get("MetaData") or {}).get("CreateTime")),
        remote_updated_at=updated_at(remote),
    )
    return record("purchase_order", "PurchaseOrder", remote, order)


def to_remote(body: PurchaseOrderInput, refs: Refs) -> dict[str, Any]:
    remote: dict[str, Any] = {
        "VendorRef": value_ref(refs, body.vendor),
        "POStatus": "Closed" if body.status == PurchaseOrderStatus.BILLED else "Open",
        "Line": expense_lines(body.line_items, refs, lambda line: line.total_line_amount),
    }
    if body.purchase_order_number:
        remote["DocNumber"] = body.purchase_order_number
    if body.delivery_date is not None:
        remote["DueDate"] = write_date(body.delivery_date)
    if body.memo:
        remote["Memo"] = body.memo
    return header(remote, date=body.issue_date, currency_code=body.currency, rate=body.exchange_rate, memo=None)


def validate(body: PurchaseOrderInput, refs: Refs) -> list[FieldError]:
    if entity_of(refs, body.vendor) not in (None, "Vendor"):
        return [FieldError("vendor", "must be a supplier (a QuickBooks Vendor)")]
    return []
