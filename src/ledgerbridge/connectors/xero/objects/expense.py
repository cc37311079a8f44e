"""Expenses at Xero: SPEND ``/BankTransactions``, read (paged) and created."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import SPEND_TRANSACTIONS, first
from ledgerbridge.connectors.xero.mapping import expense as mapping
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.expense import ExpenseInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    """Type is filtered by the list's where; a read by id can land on another kind, so filter again."""
    lookup = await conn.learn({"Accounts"})
    return [mapping.to_unified(row, conn.context, lookup) for row in rows if mapping.is_expense(row)]


async def list_expenses(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(SPEND_TRANSACTIONS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(SPEND_TRANSACTIONS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


async def validate(conn: XeroConnector, body: ExpenseInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: XeroConnector, body: ExpenseInput, refs: Refs, request_key: str) -> WriteResult:
    lookup = await conn.learn({"Accounts"})
    await conn.learn_item_codes(body.line_items, refs)  # lines name items by Code
    created = await conn.client.put("BankTransactions", mapping.to_remote(body, refs, lookup),
                                    key=idempotency_key(request_key, "expense"))
    return WriteResult(mapping.to_unified(created, conn.context, lookup))


DECLARATION = ObjectDeclaration(
    name="expense",
    list=list_expenses,
    fetch=fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"company_info_id", "exchange_rate", "field_mappings", "sub_total", "total_amount",
                                  "total_tax_amount", "line_items[].contact_id", "line_items[].currency",
                                  "line_items[].exchange_rate"}),
)
