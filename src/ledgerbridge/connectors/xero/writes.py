"""Creates of payments, manual journals, accounts, expenses and purchase orders at Xero.

Each is: check what Xero would refuse (:func:`validate`, nothing sent), learn the codes Xero wants in place of
ids, ``PUT`` one element with the request's Idempotency-Key, map the answer back. A payment also re-reads the
invoice it paid, so the invoice's new AmountDue and status are stored with it (``WriteResult.also_changed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel

from ledgerbridge.connectors.base import Refs, WriteResult, reject
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.mapping import account as account_mapping
from ledgerbridge.connectors.xero.mapping import documents as documents_mapping
from ledgerbridge.connectors.xero.mapping import ledger, purchases
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.account import AccountInput
from ledgerbridge.unified.expense import ExpenseInput
from ledgerbridge.unified.journal_entry import JournalEntryInput
from ledgerbridge.unified.payment import PaymentInput
from ledgerbridge.unified.purchase_order import PurchaseOrderInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


def validate(object_name: str, body: BaseModel, refs: Refs) -> list[FieldError]:
    if object_name == "payment":
        return ledger.validate_payment(cast(PaymentInput, body))
    if object_name == "journal_entry":
        return ledger.validate_journal(cast(JournalEntryInput, body))
    if object_name == "account":
        return ledger.validate_account(cast(AccountInput, body))
    if object_name == "expense":
        return purchases.validate_expense(cast(ExpenseInput, body), refs)
    return []


async def create(conn: XeroConnector, object_name: str, body: BaseModel, refs: Refs,
                 request_key: str) -> WriteResult:
    key = idempotency_key(request_key, object_name)
    if object_name == "payment":
        return await _create_payment(conn, cast(PaymentInput, body), refs, request_key)
    if object_name == "account":
        created = await conn.client.put("Accounts", ledger.account_to_remote(cast(AccountInput, body)), key=key)
        return WriteResult(account_mapping.to_unified(created, conn.context))
    await conn._ensure_lookup({"Accounts"})
    if object_name == "journal_entry":
        journal = ledger.journal_to_remote(cast(JournalEntryInput, body), refs, conn._lookup)
        created = await conn.client.put("ManualJournals", journal, key=key)
        return WriteResult(documents_mapping.journal_entry_to_unified(created, conn.context, conn._lookup))
    await conn._learn_item_codes(cast(Any, body), refs)  # lines name items by Code; reads the unknown ones
    if object_name == "expense":
        spend = purchases.expense_to_remote(cast(ExpenseInput, body), refs, conn._lookup)
        created = await conn.client.put("BankTransactions", spend, key=key)
        return WriteResult(purchases.expense_to_unified(created, conn.context, conn._lookup))
    order = purchases.purchase_order_to_remote(cast(PurchaseOrderInput, body), refs, conn._lookup)
    created = await conn.client.put("PurchaseOrders", order, key=key)
    return WriteResult(purchases.purchase_order_to_unified(created, conn.context, conn._lookup))


async def _create_payment(conn: XeroConnector, body: PaymentInput, refs: Refs, request_key: str) -> WriteResult:
    invoice_id = refs.remote_id(body.line_items[0].related_object_id)
    if invoice_id is None:
        reject([FieldError("line_items[0].related_object_id", "unknown invoice")])
    account_ref = refs.get(body.account_id)
    account = {"AccountID": account_ref.remote_id} if account_ref else await conn._payment_account()
    created = await conn.client.put("Payments", ledger.payment_to_remote(body, str(invoice_id), account),
                                    key=idempotency_key(request_key, "payment"))
    invoices = await conn.client.get("Invoices", str(invoice_id), params={"unitdp": "4"})
    return WriteResult(documents_mapping.payment_to_unified(created, conn.context),
                       also_changed=await conn._map("invoice", invoices))
