"""Accounts at Moneybird: ``ledger_accounts``, read (one call, no paging) and created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.moneybird.mapping import account as mapping
from ledgerbridge.connectors.moneybird.reader import Reader, Resource
from ledgerbridge.unified.account import AccountInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.moneybird.connector import MoneybirdConnector

READER = Reader(Resource("ledger_accounts", paged=False), mapping.to_unified)


async def create(conn: MoneybirdConnector, body: AccountInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.write("POST", "ledger_accounts", body=mapping.to_remote(body))
    return WriteResult(mapping.to_unified(created, conn.context), mapping.write_warnings(body))


DECLARATION = ObjectDeclaration(
    name="account",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    unsupported_fields=frozenset({"company_info_id", "currency", "bank_account_number", "parent_account"}),
)
