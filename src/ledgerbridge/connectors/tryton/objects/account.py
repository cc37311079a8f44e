"""Ledger accounts: Tryton's ``account.account``, listed and created in the company's chart of accounts.

Every check runs before the one ``create`` call, so a refused account leaves nothing in Tryton. Tryton does not
keep codes unique, so a code already used in the company is refused (422) rather than making two accounts nobody
can tell apart. ``bank_account_number`` is not a ledger account's: Tryton keeps it on ``bank.account`` (declared
unsupported, so it produces a warning).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, reject
from ledgerbridge.connectors.tryton.mapping import account
from ledgerbridge.connectors.tryton.table import ALL, Table
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.account import AccountInput
from ledgerbridge.unified.status import AccountStatus

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    types = await connector.account_types()
    return [TABLE.record(row, account.to_unified(row, types, connector.context.ref)) for row in rows]


@dataclass(frozen=True)
class Checked:
    errors: list[FieldError]
    values: dict[str, Any] = field(default_factory=dict)  # the create values, when there is no error


async def check(connector: TrytonConnector, body: AccountInput, refs: Refs) -> Checked:
    """Every problem Tryton (or a duplicate code) would cause, and the create values when there is none."""
    client = connector.client
    errors: list[FieldError] = []
    company = await connector.company()
    types = {row["id"]: row for row in await client.search_read(
        "account.account.type", [("company", "=", company)], account.TYPE_FIELDS, order=[("id", "ASC")])}
    kind: dict[str, Any] | None
    if body.type:
        kind = account.find_type(body.type, types)
        if kind is None:
            errors.append(FieldError("type", (
                f"{body.type!r} is not an account type of this Tryton company's chart; give the name of a type as "
                "accounts show it (e.g. 'Revenue', 'Expenses'), or leave type out to take the classification's")))
        elif (found := account.account_classification(kind["id"], types)) is not body.classification:
            errors.append(FieldError("classification", (
                f"the Tryton type {kind['name']!r} is {found.value if found else 'unclassified'}, not "
                f"{body.classification.value}")))
    else:
        kind = account.default_type(body.classification, types)
        if kind is None:
            errors.append(FieldError("classification", (
                f"this Tryton company's chart has no account type for {body.classification.value}; give a type")))

    code = (body.account_number or "").strip() or None
    if code is not None:
        same = await client.search_read(TABLE.model, [("company", "=", company), ("code", "=", code)], ["rec_name"],
                                        limit=1, context=ALL)
        if same:
            errors.append(FieldError("account_number", (
                f"Tryton account {same[0]['rec_name']!r} already has code {code}; codes name one account")))

    parent: int | None = None
    if body.parent_account is not None:
        raw = refs.remote_id(body.parent_account)  # None: the service already named the unknown id
        found_parent = await client.search_read(
            TABLE.model, [("id", "=", int(raw)), ("company", "=", company)], ["id"], limit=1, context=ALL,
        ) if raw is not None and raw.isdigit() else []
        if raw is not None and not found_parent:
            errors.append(FieldError("parent_account", "no such account in this Tryton company"))
        else:
            parent = int(found_parent[0]["id"])
    else:
        roots = await client.search_read(TABLE.model, [("company", "=", company), ("parent", "=", None)], ["id"],
                                         order=[("id", "ASC")], limit=1)
        parent = int(roots[0]["id"]) if roots else None

    if body.currency is not None:
        company_currency = (await connector.company_currency()).get("code")
        if body.currency != company_currency:
            errors.append(FieldError("currency", f"Tryton keeps accounts in the company currency, {company_currency}"))
    if body.status is AccountStatus.PENDING:
        errors.append(FieldError("status", "a Tryton account is ACTIVE or INACTIVE"))
    if errors or kind is None:
        return Checked(errors)
    return Checked([], account.to_remote(body, kind, company=company, parent=parent, code=code))


async def validate_account(connector: TrytonConnector, body: AccountInput, refs: Refs) -> list[FieldError]:
    return (await check(connector, body, refs)).errors


async def create_account(connector: TrytonConnector, body: AccountInput, refs: Refs, request_key: str,
                         ) -> WriteResult:
    checked = await check(connector, body, refs)  # again: the chart may have changed since validate
    reject(checked.errors)
    account_id = await connector.client.create(TABLE.model, checked.values)
    return WriteResult(record=await TABLE.read_back(connector, account_id))


TABLE = Table("account", account.FIELDS, to_records)
DECLARATION = ObjectDeclaration(
    "account", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    create=create_account, validate=validate_account,
    unsupported_fields=frozenset({"bank_account_number", "company_info_id"}),
)
