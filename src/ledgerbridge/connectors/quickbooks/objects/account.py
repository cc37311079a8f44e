"""Accounts ⇄ QBO Account: read, create."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.quickbooks.client import request_id
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.mapping import account as mapping
from ledgerbridge.unified.account import AccountInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

READER = EntityReader((Entity("Account", has_active=True),), each(mapping.to_unified))


async def create(connector: QuickBooksConnector, body: AccountInput, refs: Refs, request_key: str) -> WriteResult:
    payload = mapping.to_remote(body, refs.remote_id(body.parent_account))
    created = await connector.client.create("Account", payload, requestid=request_id(request_key))
    return WriteResult(mapping.to_unified(created, connector.context), connector.not_stored("account", body))


DECLARATION = ObjectDeclaration(
    "account",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    unsupported_fields=frozenset({"bank_account_number", "company_info_id", "field_mappings", "status"}),
)
