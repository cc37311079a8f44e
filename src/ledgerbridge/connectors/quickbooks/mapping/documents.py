"""QBO transactions other than invoices, → unified: Payment, CreditMemo, JournalEntry, Purchase (expense),
PurchaseOrder, VendorCredit; and the create bodies for payments, journal entries, expenses and purchase orders.

QBO names from Finance.xsd (minorversion 75). All pure: no I/O.
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
    read_date,
    read_timestamp,
    ref_id,
    ref_value,
    split_key,
    updated_at,
    write_date,
)
from ledgerbridge.connectors.quickbooks.mapping.invoice import to_unified as invoice_to_unified
from ledgerbridge.unified.credit_note import CreditNote
from ledgerbridge.unified.documents import AccountLine, PricedLine
from ledgerbridge.unified.expense import Expense, ExpenseInput
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalLine, complete
from ledgerbridge.unified.payment import Payment, PaymentInput, PaymentLine, PaymentType
from ledgerbridge.unified.purchase_order import PurchaseOrder, PurchaseOrderInput, PurchaseOrderStatus
from ledgerbridge.unified.vendor_credit import VendorCredit


def _record(object_name: str, entity: str, remote: dict[str, Any], data: Any) -> RemoteRecord:
    remote_id = str(remote["Id"])
    return RemoteRecord(object_name, key(entity, remote_id), remote_id, data, remote, updated_at(remote))


def _rate(remote: dict[str, Any]) -> str | None:
    value = money(remote.get("ExchangeRate"))
    return str(value) if value is not None else None


def _line_id(ctx: RefMaker, object_name: str, parent: str, line: dict[str, Any]) -> tuple[UUID | None, str | None]:
    line_id = str(line["Id"]) if line.get("Id") not in (None, "") else None
    return (ctx.ref(f"{object_name}_line_item", f"{parent}#{line_id}") if line_id else None), line_id


def _class(ctx: RefMaker, detail: dict[str, Any]) -> list[UUID]:
    found = ref_id(ctx, "tracking_category", "Class", detail, "ClassRef")
    return [found] if found else []


def _entity_contact(ctx: RefMaker, container: dict[str, Any], name: str = "EntityRef") -> UUID | None:
    """An ``EntityRef`` ({"value", "type": "Customer"|"Vendor"}) as a unified contact id."""
    ref = container.get(name)
    if not isinstance(ref, dict) or not ref.get("value"):
        return None
    kind = ref.get("type") if ref.get("type") in ("Customer", "Vendor") else "Vendor"
    return ctx.ref("contact", key(str(kind), str(ref["value"])))


# --- QBO → unified ---


def payment_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("Payment", str(remote["Id"]))
    lines = []
    for number, line in enumerate(remote.get("Line") or []):
        for txn in line.get("LinkedTxn") or []:
            kind = txn.get("TxnType")
            target = {"Invoice": "invoice", "CreditMemo": "credit_note", "JournalEntry": "journal_entry"}.get(kind)
            if target is None:
                continue
            lines.append(PaymentLine(
                id=ctx.ref("payment_line_item", f"{parent}#{number}/{kind}/{txn.get('TxnId')}"),
                applied_amount=money(line.get("Amount")),
                applied_date=read_date(remote.get("TxnDate")),
                related_object_id=ctx.ref(target, key(kind, str(txn.get("TxnId")))),
                related_object_type=target.upper(),
            ))
    invoices = [line.related_object_id for line in lines if line.related_object_type == "INVOICE"]
    payment = Payment(
        invoice_id=invoices[0] if len(invoices) == 1 else None,
        transaction_date=read_date(remote.get("TxnDate")),
        contact_id=ref_id(ctx, "contact", "Customer", remote, "CustomerRef"),
        account_id=ref_id(ctx, "account", "Account", remote, "DepositToAccountRef"),
        currency=currency(remote),
        exchange_rate=_rate(remote),
        total_amount=money(remote.get("TotalAmt")),
        type=PaymentType.AR,
        reference=remote.get("PaymentRefNum"),
        status="VOIDED" if (remote.get("PrivateNote") or "").startswith("Voided") else "POSTED",
        line_items=lines,
    )
    return _record("payment", "Payment", remote, payment)


def credit_note_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    # A CreditMemo has the Invoice's line shape: reuse the invoice mapping for lines and totals.
    as_invoice = invoice_to_unified("Invoice", {**remote, "Balance": remote.get("RemainingCredit")}, ctx).data
    remaining = money(remote.get("RemainingCredit"))
    total = money(remote.get("TotalAmt"))
    note = CreditNote(
        type="ACCOUNTS_RECEIVABLE",
        transaction_date=read_date(remote.get("TxnDate")),
        status="PAID" if remaining == 0 and total else "AUTHORIZED",
        number=remote.get("DocNumber"),
        memo=remote.get("PrivateNote"),
        contact_id=ref_id(ctx, "contact", "Customer", remote, "CustomerRef"),
        currency=currency(remote),
        exchange_rate=_rate(remote),
        sub_total=getattr(as_invoice, "sub_total", None),
        total_tax_amount=getattr(as_invoice, "total_tax_amount", None),
        total_amount=total,
        remaining_credit=remaining,
        tracking_categories=getattr(as_invoice, "tracking_categories", []),
        line_items=getattr(as_invoice, "line_items", []),
        remote_created_at=read_timestamp((remote.get("MetaData") or {}).get("CreateTime")),
    )
    return _record("credit_note", "CreditMemo", remote, note)


def journal_entry_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("JournalEntry", str(remote["Id"]))
    lines = []
    for line in remote.get("Line") or []:
        if line.get("DetailType") != "JournalEntryLineDetail":
            continue
        detail = line.get("JournalEntryLineDetail") or {}
        line_uuid, line_id = _line_id(ctx, "journal_entry", parent, line)
        amount = money(line.get("Amount")) or Decimal(0)
        mapped = JournalLine(
            id=line_uuid, remote_id=line_id,
            account_id=ref_id(ctx, "account", "Account", detail, "AccountRef"),
            description=line.get("Description"),
            contact_id=_entity_contact(ctx, detail.get("Entity") or {}, "EntityRef"),
            tax_rate_id=ref_id(ctx, "tax_rate", "TaxCode", detail, "TaxCodeRef"),
            tracking_categories=_class(ctx, detail),
            currency=currency(remote),
        )
        complete(mapped, amount if detail.get("PostingType") == "Debit" else -amount)
        lines.append(mapped)
    entry = JournalEntry(
        transaction_date=read_date(remote.get("TxnDate")),
        memo=remote.get("PrivateNote"),
        currency=currency(remote),
        exchange_rate=_rate(remote),
        journal_number=remote.get("DocNumber"),
        posting_status="POSTED",  # QBO has no draft journal entries
        tracking_categories=list(dict.fromkeys(t for line in lines for t in line.tracking_categories)),
        line_items=lines,
    )
    return _record("journal_entry", "JournalEntry", remote, entry)


def _account_lines(object_name: str, parent: str, remote: dict[str, Any], ctx: RefMaker) -> list[AccountLine]:
    lines = []
    for line in remote.get("Line") or []:
        kind = line.get("DetailType")
        if kind not in ("AccountBasedExpenseLineDetail", "ItemBasedExpenseLineDetail"):
            continue
        detail = line.get(kind) or {}
        line_uuid, line_id = _line_id(ctx, object_name, parent, line)
        lines.append(AccountLine(
            id=line_uuid, remote_id=line_id,
            net_amount=money(line.get("Amount")),
            description=line.get("Description"),
            account_id=ref_id(ctx, "account", "Account", detail, "AccountRef"),
            item_id=ref_id(ctx, "item", "Item", detail, "ItemRef"),
            tax_rate_id=ref_id(ctx, "tax_rate", "TaxCode", detail, "TaxCodeRef"),
            contact_id=ref_id(ctx, "contact", "Customer", detail, "CustomerRef"),
            tracking_categories=_class(ctx, detail),
            currency=currency(remote),
        ))
    return lines


def expense_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("Purchase", str(remote["Id"]))
    lines = _account_lines("expense", parent, remote, ctx)
    tax = money((remote.get("TxnTaxDetail") or {}).get("TotalTax"))
    expense = Expense(
        transaction_date=read_date(remote.get("TxnDate")),
        total_amount=money(remote.get("TotalAmt")),
        sub_total=sum((line.net_amount or Decimal(0) for line in lines), Decimal(0)),
        total_tax_amount=tax,
        currency=currency(remote),
        exchange_rate=_rate(remote),
        memo=remote.get("PrivateNote"),
        account_id=ref_id(ctx, "account", "Account", remote, "AccountRef"),
        contact_id=_entity_contact(ctx, remote),
        tracking_categories=[t for t in [ref_id(ctx, "tracking_category", "Department", remote, "DepartmentRef")] if t],
        line_items=lines,
        remote_created_at=read_timestamp((remote.get("MetaData") or {}).get("CreateTime")),
    )
    return _record("expense", "Purchase", remote, expense)


_PO_STATUS = {"Open": PurchaseOrderStatus.AUTHORIZED, "Closed": PurchaseOrderStatus.BILLED}


def purchase_order_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("PurchaseOrder", str(remote["Id"]))
    lines = []
    for line in remote.get("Line") or []:
        kind = line.get("DetailType")
        if kind not in ("AccountBasedExpenseLineDetail", "ItemBasedExpenseLineDetail"):
            continue
        detail = line.get(kind) or {}
        line_uuid, line_id = _line_id(ctx, "purchase_order", parent, line)
        lines.append(PricedLine(
            id=line_uuid, remote_id=line_id,
            description=line.get("Description"),
            unit_price=money(detail.get("UnitPrice")),
            quantity=money(detail.get("Qty")),
            total_line_amount=money(line.get("Amount")),
            item_id=ref_id(ctx, "item", "Item", detail, "ItemRef"),
            account_id=ref_id(ctx, "account", "Account", detail, "AccountRef"),
            tax_rate_id=ref_id(ctx, "tax_rate", "TaxCode", detail, "TaxCodeRef"),
            tracking_categories=_class(ctx, detail),
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
        exchange_rate=_rate(remote),
        line_items=lines,
        remote_created_at=read_timestamp((remote.get("MetaData") or {}).get("CreateTime")),
        remote_updated_at=updated_at(remote),
    )
    return _record("purchase_order", "PurchaseOrder", remote, order)


def vendor_credit_to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("VendorCredit", str(remote["Id"]))
    credit = VendorCredit(
        number=remote.get("DocNumber"),
        transaction_date=read_date(remote.get("TxnDate")),
        vendor=ref_id(ctx, "contact", "Vendor", remote, "VendorRef"),
        total_amount=money(remote.get("TotalAmt")),
        remaining_credit=money(remote.get("Balance")),
        currency=currency(remote),
        exchange_rate=_rate(remote),
        line_items=_account_lines("vendor_credit", parent, remote, ctx),
    )
    return _record("vendor_credit", "VendorCredit", remote, credit)


# --- unified → QBO ---


def _value(refs: Refs, unified_id: UUID | None) -> dict[str, str] | None:
    remote_id = refs.remote_id(unified_id)
    return None if remote_id is None else {"value": remote_id}


def _classes(refs: Refs, ids: list[UUID]) -> dict[str, str] | None:
    for unified_id in ids:
        ref = refs.get(unified_id)
        if ref is not None and ref.remote_key.startswith("Class/"):
            return {"value": ref.remote_id}
    return None


def _header(remote: dict[str, Any], *, date: Any, currency_code: str | None, rate: str | None,
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


def journal_entry_to_remote(body: JournalEntryInput, refs: Refs) -> dict[str, Any]:
    lines = []
    for line in body.line_items:
        debit = bool(line.debit)
        detail: dict[str, Any] = {"PostingType": "Debit" if debit else "Credit",
                                  "AccountRef": _value(refs, line.account_id)}
        if (contact := refs.get(line.contact_id)) is not None:
            detail["Entity"] = {"Type": split_key(contact.remote_key)[0],
                                "EntityRef": {"value": contact.remote_id}}
        if (cls := _classes(refs, line.tracking_categories or body.tracking_categories)) is not None:
            detail["ClassRef"] = cls
        remote_line: dict[str, Any] = {"DetailType": "JournalEntryLineDetail",
                                       "Amount": line.debit if debit else line.credit,
                                       "JournalEntryLineDetail": detail}
        if line.description:
            remote_line["Description"] = line.description
        lines.append(remote_line)
    remote: dict[str, Any] = {"Line": lines}
    if body.journal_number:
        remote["DocNumber"] = body.journal_number
    return _header(remote, date=body.transaction_date, currency_code=body.currency, rate=body.exchange_rate,
                   memo=body.memo)


def payment_to_remote(body: PaymentInput, refs: Refs, customer: str) -> dict[str, Any]:
    remote: dict[str, Any] = {
        "CustomerRef": {"value": customer},
        "TotalAmt": body.total_amount,
        "Line": [{"Amount": line.applied_amount,
                  "LinkedTxn": [{"TxnId": refs.remote_id(line.related_object_id), "TxnType": "Invoice"}]}
                 for line in body.line_items],
    }
    if (account := _value(refs, body.account_id)) is not None:
        remote["DepositToAccountRef"] = account
    if body.reference:
        remote["PaymentRefNum"] = body.reference
    return _header(remote, date=body.transaction_date, currency_code=body.currency, rate=body.exchange_rate,
                   memo=None)


def _expense_lines(lines: list[Any], refs: Refs, amount_of: Any) -> list[dict[str, Any]]:
    out = []
    for line in lines:
        if line.item_id is not None:
            kind = "ItemBasedExpenseLineDetail"
            detail: dict[str, Any] = {"ItemRef": _value(refs, line.item_id)}
            if getattr(line, "quantity", None) is not None and getattr(line, "unit_price", None) is not None:
                detail.update(Qty=line.quantity, UnitPrice=line.unit_price)
            else:
                detail.update(Qty=Decimal(1), UnitPrice=amount_of(line))
        else:
            kind = "AccountBasedExpenseLineDetail"
            detail = {"AccountRef": _value(refs, line.account_id)}
        if (tax := _value(refs, line.tax_rate_id)) is not None:
            detail["TaxCodeRef"] = tax
        if (cls := _classes(refs, line.tracking_categories)) is not None:
            detail["ClassRef"] = cls
        remote_line: dict[str, Any] = {"DetailType": kind, "Amount": amount_of(line), kind: detail}
        if line.description:
            remote_line["Description"] = line.description
        out.append(remote_line)
    return out


def expense_to_remote(body: ExpenseInput, refs: Refs, *, credit_card: bool) -> dict[str, Any]:
    remote: dict[str, Any] = {
        "AccountRef": _value(refs, body.account_id),
        "PaymentType": "CreditCard" if credit_card else "Cash",
        "Line": _expense_lines(body.line_items, refs, lambda line: line.net_amount),
    }
    if (contact := refs.get(body.contact_id)) is not None:
        remote["EntityRef"] = {"value": contact.remote_id, "type": split_key(contact.remote_key)[0]}
    for unified_id in body.tracking_categories:
        ref = refs.get(unified_id)
        if ref is not None and ref.remote_key.startswith("Department/"):
            remote["DepartmentRef"] = {"value": ref.remote_id}
    return _header(remote, date=body.transaction_date, currency_code=body.currency, rate=body.exchange_rate,
                   memo=body.memo)


def purchase_order_to_remote(body: PurchaseOrderInput, refs: Refs) -> dict[str, Any]:
    remote: dict[str, Any] = {
        "VendorRef": _value(refs, body.vendor),
        "POStatus": "Closed" if body.status == PurchaseOrderStatus.BILLED else "Open",
        "Line": _expense_lines(body.line_items, refs, lambda line: line.total_line_amount),
    }
    if body.purchase_order_number:
        remote["DocNumber"] = body.purchase_order_number
    if body.delivery_date is not None:
        remote["DueDate"] = write_date(body.delivery_date)
    if body.memo:
        remote["Memo"] = body.memo
    return _header(remote, date=body.issue_date, currency_code=body.currency, rate=body.exchange_rate, memo=None)


def invoice_customer(invoice: dict[str, Any]) -> str | None:
    return ref_value(invoice, "CustomerRef")
