"""Accounts at Xero: ``/Accounts`` (one call, no paging), read and created."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import ACCOUNTS, first
from ledgerbridge.connectors.xero.mapping import account as mapping
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.account import AccountInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [mapping.to_unified(row, conn.context) for row in rows]


async def list_accounts(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    async for rows in conn.rows(ACCOUNTS, since):
        yield await map_rows(conn, rows)


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    rows = await conn.read(ACCOUNTS, remote_key)
    return None if rows is None else first(await map_rows(conn, rows))


async def validate(conn: XeroConnector, body: AccountInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: XeroConnector, body: AccountInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.put("Accounts", mapping.to_remote(body), key=idempotency_key(request_key, "account"))
    return WriteResult(mapping.to_unified(created, conn.context))


DECLARATION = ObjectDeclaration(
    name="account",
    list=list_accounts,
    fetch=fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"company_info_id", "field_mappings", "parent_account", "status"}),
)
