"""Accounts at Xero: ``/Accounts`` (one call, no paging), read and created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import ACCOUNTS
from ledgerbridge.connectors.xero.mapping import account as mapping
from ledgerbridge.connectors.xero.reader import Reader, each
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.account import AccountInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector

READER = Reader(ACCOUNTS, each(mapping.to_unified))


async def validate(conn: XeroConnector, body: AccountInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: XeroConnector, body: AccountInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.put("Accounts", mapping.to_remote(body), key=idempotency_key(request_key, "account"))
    return WriteResult(mapping.to_unified(created, conn.context))


DECLARATION = ObjectDeclaration(
    name="account",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"company_info_id", "field_mappings", "parent_account", "status"}),
)
