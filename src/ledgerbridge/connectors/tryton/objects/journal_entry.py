"""Journal entries: Tryton's ``account.move``, listed and created.

A journal entry is an ``account.move`` created as a draft and posted unless ``posting_status`` is DRAFT; if
posting fails the draft is deleted, so a failed write leaves nothing. Unbalanced entries never get here: the
unified model refuses them (422) before any call. Every rule Tryton would refuse the move for (period, closed or
view accounts, parties, the currency's decimals) is checked first, so a dry run reports it and a refused write
sends nothing. As for invoices, a draft move's edited lines leave the move's ``write_date`` alone, so a sync since
a time reads the moves whose lines changed too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, reject
from ledgerbridge.connectors.tryton.mapping import MODELS, journal_entry, to_int, updated_at
from ledgerbridge.connectors.tryton.table import ALL, Table, changed_parents
from ledgerbridge.errors import FieldError, ProviderError
from ledgerbridge.unified.journal_entry import JournalEntryInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector

LINE_MODEL = "account.move.line"


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    line_ids = [line_id for row in rows for line_id in row.get("lines") or []]
    by_move: dict[int, list[dict[str, Any]]] = {}
    for line in sorted(await connector.client.read(LINE_MODEL, line_ids, journal_entry.LINE_FIELDS),
                       key=lambda line: line["id"]):
        by_move.setdefault(line["move"], []).append(line)
    out = []
    for row in rows:
        own = by_move.get(row["id"], [])
        stamps = [row.get("write_date"), row.get("create_date"), *(line.get("write_date") for line in own)]
        out.append(TABLE.record(row, journal_entry.to_unified(row, own, connector.context.ref),
                                updated_at(*stamps), {**row, "lines": own}))
    return out


async def lines_changed(connector: TrytonConnector, since: dt.datetime) -> list[int]:
    return await changed_parents(connector, LINE_MODEL, "move", since)


@dataclass(frozen=True)
class Checked:
    errors: list[FieldError]
    day: dt.date
    period: int | None = None
    journal: int | None = None
    party_required: set[int] = field(default_factory=set)  # accounts of the entry that require a party
    unit: Decimal = Decimal("0.01")  # the company currency's precision


async def check(connector: TrytonConnector, body: JournalEntryInput, refs: Refs) -> Checked:
    client = connector.client
    errors: list[FieldError] = []
    company = await connector.company()
    company_currency = await connector.company_currency()
    currency = company_currency.get("code")
    digits = int(company_currency.get("digits") or 2)
    unit = Decimal(1).scaleb(-digits)
    if body.currency is not None and body.currency != currency:
        errors.append(FieldError("currency", f"Tryton books journal entries in the company currency, {currency}"))
    status = (body.posting_status or "POSTED").strip().upper()
    if status not in ("POSTED", "DRAFT"):
        errors.append(FieldError("posting_status", "Tryton journal entries are POSTED or DRAFT"))
    ids = sorted({i for line in body.line_items if (i := to_int(refs.remote_id(line.account_id))) is not None})
    accounts = {row["id"]: row for row in await client.search_read(
        MODELS["account"], [("id", "in", ids)], ["rec_name", "type", "closed", "party_required", "company"],
        context=ALL)}
    party_required: set[int] = set()
    for index, line in enumerate(body.line_items):
        account = accounts.get(to_int(refs.remote_id(line.account_id)) or 0)
        if account is None or account["company"] != company:
            errors.append(FieldError(f"line_items[{index}].account_id", "no such account in this Tryton company"))
            continue
        if account["type"] is None or account["closed"]:
            errors.append(FieldError(f"line_items[{index}].account_id", (
                f"Tryton books nothing to {account['rec_name']}: it is a view or closed account")))
        if account["party_required"]:
            party_required.add(account["id"])
            if refs.remote_id(line.contact_id) is None:
                errors.append(FieldError(f"line_items[{index}].contact_id", (
                    f"Tryton requires a party on {account['rec_name']}: give the line's contact_id")))
        if any(v is not None and v != v.quantize(unit) for v in (line.debit, line.credit)):
            errors.append(FieldError(f"line_items[{index}].debit", f"{currency} amounts have no more than "
                                                                  f"{digits} decimals"))
        if line.currency is not None and line.currency != currency:
            errors.append(FieldError(f"line_items[{index}].currency", (
                f"Tryton books journal entries in the company currency, {currency}")))
    day = journal_entry.entry_day(body, dt.datetime.now(dt.UTC).date())
    periods = await client.search_read("account.period", [
        ("company", "=", company), ("start_date", "<=", day), ("end_date", ">=", day),
        ("type", "=", "standard"), ("state", "=", "open")], ["id"], limit=1)
    if not periods:
        errors.append(FieldError("transaction_date", f"no open Tryton accounting period holds {day}"))
    journals = await client.search_read("account.journal", [("type", "=", "general")], ["id"], limit=1,
                                        order=[("id", "ASC")])
    if not journals:
        errors.append(FieldError("journal_number", "this Tryton database has no general journal"))
    return Checked(errors, day, periods[0]["id"] if periods else None, journals[0]["id"] if journals else None,
                   party_required, unit)


async def validate_journal_entry(connector: TrytonConnector, body: JournalEntryInput, refs: Refs,
                                 ) -> list[FieldError]:
    return (await check(connector, body, refs)).errors


async def create_journal_entry(connector: TrytonConnector, body: JournalEntryInput, refs: Refs, request_key: str,
                               ) -> WriteResult:
    checked = await check(connector, body, refs)  # again: a period may have closed since validate
    reject(checked.errors)
    assert checked.period is not None and checked.journal is not None
    values, warnings = journal_entry.to_remote(body, refs, day=checked.day, period=checked.period,
                                               journal=checked.journal, party_required=checked.party_required,
                                               unit=checked.unit)
    move_id = await connector.client.create(TABLE.model, values)
    if journal_entry.wants_posting(body):
        try:
            await connector.client.model(TABLE.model, "post", [move_id], write=True)
        except BaseException:
            with contextlib.suppress(ProviderError):  # a draft move can be deleted: leave nothing half-written
                await connector.client.model(TABLE.model, "delete", [move_id], write=True)
            raise
    return WriteResult(await TABLE.read_back(connector, move_id), warnings)


TABLE = Table("journal_entry", journal_entry.FIELDS, to_records, touched=lines_changed)
DECLARATION = ObjectDeclaration(
    "journal_entry", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    create=create_journal_entry, validate=validate_journal_entry,
    unsupported_fields=frozenset({"exchange_rate", "accounting_period_id", "tracking_categories", "payments",
                                  "applied_payments", "journal_number", "company_info_id", "line_items[].tax_rate_id",
                                  "line_items[].tracking_categories", "line_items[].exchange_rate"}),
)
