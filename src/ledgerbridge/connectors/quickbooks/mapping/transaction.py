"""What QBO transactions share, both ways: the record, exchange rate, line ids and classes, header fields,
expense-style lines. Pure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import (
    RefMaker,
    currency,
    key,
    money,
    ref_id,
    split_key,
    updated_at,
    write_date,
)
from ledgerbridge.unified.documents import AccountLine


def record(object_name: str, entity: str, remote: dict[str, Any], data: Any) -> RemoteRecord:
    remote_id = str(remote["Id"])
    return RemoteRecord(object_name, key(entity, remote_id), remote_id, data, remote, updated_at(remote))


def exchange_rate(remote: dict[str, Any]) -> str | None:
    value = money(remote.get("ExchangeRate"))
    return str(value) if value is not None else None


def line_ref(ctx: RefMaker, object_name: str, parent: str, line: dict[str, Any]) -> tuple[UUID | None, str | None]:
    line_id = str(line["Id"]) if line.get("Id") not in (None, "") else None
    return (ctx.ref(f"{object_name}_line_item", f"{parent}#{line_id}") if line_id else None), line_id


def line_classes(ctx: RefMaker, detail: dict[str, Any]) -> list[UUID]:
    found = ref_id(ctx, "tracking_category", "Class", detail, "ClassRef")
    return [found] if found else []


def entity_contact(ctx: RefMaker, container: dict[str, Any], name: str = "EntityRef") -> UUID | None:
    """An ``EntityRef`` ({"value", "type": "Customer"|"Vendor"}) as a unified contact id."""
    ref = container.get(name)
    if not isinstance(ref, dict) or not ref.get("value"):
        return None
    kind = ref.get("type") if ref.get("type") in ("Customer", "Vendor") else "Vendor"
    return ctx.ref("contact", key(str(kind), str(ref["value"])))


def account_lines(object_name: str, parent: str, remote: dict[str, Any], ctx: RefMaker) -> list[AccountLine]:
    lines = []
    for line in remote.get("Line") or []:
        kind = line.get("DetailType")
        if kind not in ("AccountBasedExpenseLineDetail", "ItemBasedExpenseLineDetail"):
            continue
        detail = line.get(kind) or {}
        line_uuid, line_id = line_ref(ctx, object_name, parent, line)
        lines.append(AccountLine(
            id=line_uuid, remote_id=line_id,
            net_amount=money(line.get("Amount")),
            description=line.get("Description"),
            account_id=ref_id(ctx, "account", "Account", detail, "AccountRef"),
            item_id=ref_id(ctx, "item", "Item", detail, "ItemRef"),
            tax_rate_id=ref_id(ctx, "tax_rate", "TaxCode", detail, "TaxCodeRef"),
            contact_id=ref_id(ctx, "contact", "Customer", detail, "CustomerRef"),
            tracking_categories=line_classes(ctx, detail),
            currency=currency(remote),
        ))
    return lines


def value_ref(refs: Refs, unified_id: UUID | None) -> dict[str, str] | None:
    remote_id = refs.remote_id(unified_id)
    return None if remote_id is None else {"value": remote_id}


def class_ref(refs: Refs, ids: list[UUID]) -> dict[str, str] | None:
    for unified_id in ids:
        ref = refs.get(unified_id)
        if ref is not None and ref.remote_key.startswith("Class/"):
            return {"value": ref.remote_id}
    return None


def header(remote: dict[str, Any], *, date: Any, currency_code: str | None, rate: str | None,
            memo: str | None) -> dict[str, Any]:
    if date is not None:
        remote["TxnDate"] = write_date(date)
    if currency_code:
        remote["CurrencyRef"] = {"value": currency_code}
    if rate is not None:
        remote["ExchangeRate"] = Decimal(rate)
    if memo:
        remote["PrivateNote"] = memo
    return remote


def entity_of(refs: Refs, unified_id: UUID | None) -> str | None:
    ref = refs.get(unified_id)
    if ref is None:
        return None
    try:
        return split_key(ref.remote_key)[0]
    except ValueError:
        return None


def expense_lines(lines: list[Any], refs: Refs, amount_of: Any) -> list[dict[str, Any]]:
    out = []
    for line in lines:
        if line.item_id is not None:
            kind = "ItemBasedExpenseLineDetail"
            detail: dict[str, Any] = {"ItemRef": value_ref(refs, line.item_id)}
            if getattr(line, "quantity", None) is not None and getattr(line, "unit_price", None) is not None:
                detail.update(Qty=line.quantity, UnitPrice=line.unit_price)
            else:
                detail.update(Qty=Decimal(1), UnitPrice=amount_of(line))
        else:
            kind = "AccountBasedExpenseLineDetail"
            detail = {"AccountRef": value_ref(refs, line.account_id)}
        if (tax := value_ref(refs, line.tax_rate_id)) is not None:
            detail["TaxCodeRef"] = tax
        if (cls := class_ref(refs, line.tracking_categories)) is not None:
            detail["ClassRef"] = cls
        remote_line: dict[str, Any] = {"DetailType": kind, "Amount": amount_of(line), kind: detail}
        if line.description:
            remote_line["Description"] = line.description
        out.append(remote_line)
    return out
