"""Ledger accounts and journals at Sage: read as the reference lists are, and created (with an idempotency_id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.sage.client import idempotency_id
from ledgerbridge.connectors.sage.mapping import reference, transactions, writes
from ledgerbridge.connectors.sage.objects.reference import ACCOUNTS, JOURNALS
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.account import AccountInput
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.sage.connector import SageConnector


async def validate_account(conn: SageConnector, body: AccountInput, refs: Refs) -> list[FieldError]:
    return writes.account_errors(body)


async def create_account(conn: SageConnector, body: AccountInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.create("ledger_accounts", "ledger_account", writes.account_to_remote(body),
                                       key=idempotency_id(request_key, "account"))
    return WriteResult(reference.account_to_unified(created, conn.context), writes.account_warnings(body))


async def validate_journal(conn: SageConnector, body: JournalEntryInput, refs: Refs) -> list[FieldError]:
    return writes.journal_errors(body, refs)


async def create_journal(conn: SageConnector, body: JournalEntryInput, refs: Refs, request_key: str) -> WriteResult:
    key = idempotency_id(request_key, "journal")
    # Sage requires a reference: the caller's journal number, else one derived from the request
    remote = writes.journal_to_remote(body, refs, body.journal_number or f"LB-{key[:8].upper()}")
    created = await conn.client.create("journals", "journal", remote, key=key)
    return WriteResult(transactions.journal_to_unified(created, conn.context), writes.journal_warnings(body))


ACCOUNT = ObjectDeclaration(
    name="account", list=ACCOUNTS.pages, fetch=ACCOUNTS.fetch, create=create_account, validate=validate_account,
    unsupported_fields=frozenset({"bank_account_number", "currency", "parent_account", "company_info_id",
                                  "field_mappings"}),
)
JOURNAL_ENTRY = ObjectDeclaration(
    name="journal_entry", list=JOURNALS.pages, deleted=JOURNALS.deleted, fetch=JOURNALS.fetch, create=create_journal,
    validate=validate_journal,
    unsupported_fields=frozenset({"accounting_period_id", "company_info_id", "currency", "exchange_rate",
                                  "field_mappings", "payments", "applied_payments", "tracking_categories",
                                  "line_items[].contact_id", "line_items[].tax_rate_id",
                                  "line_items[].tracking_categories", "line_items[].currency",
                                  "line_items[].exchange_rate"}),
)
