"""Expenses at Xero: SPEND ``/BankTransactions``, read (paged) and created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import SPEND_TRANSACTIONS
from ledgerbridge.connectors.xero.mapping import expense as mapping
from ledgerbridge.connectors.xero.reader import Reader, with_accounts
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.expense import ExpenseInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector

READER = Reader(SPEND_TRANSACTIONS, with_accounts(mapping.to_unified, keep=mapping.is_expense))


async def validate(conn: XeroConnector, body: ExpenseInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: XeroConnector, body: ExpenseInput, refs: Refs, request_key: str) -> WriteResult:
    lookup = await conn.learn_line_codes(body.line_items, refs)
    created = await conn.client.put("BankTransactions", mapping.to_remote(body, refs, lookup),
                                    key=idempotency_key(request_key, "expense"))
    return WriteResult(mapping.to_unified(created, conn.context, lookup))


DECLARATION = ObjectDeclaration(
    name="expense",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"company_info_id", "exchange_rate", "field_mappings", "sub_total", "total_amount",
                                  "total_tax_amount", "line_items[].contact_id", "line_items[].currency",
                                  "line_items[].exchange_rate"}),
)
