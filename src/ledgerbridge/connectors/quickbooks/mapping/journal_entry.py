"""Journal entries ⇄ QBO JournalEntry (Debit / Credit lines; QBO has no drafts). Pure."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import (
    RefMaker,
    currency,
    key,
    money,
    read_date,
    ref_id,
    split_key,
)
from ledgerbridge.connectors.quickbooks.mapping.transaction import (
    class_ref,
    entity_contact,
    exchange_rate,
    header,
    line_classes,
    line_ref,
    record,
    value_ref,
)
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalLine, complete


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    parent = key("JournalEntry", str(remote["Id"]))
    lines = []
    for line in remote.get("Line") or []:
        if line.get("DetailType") != "JournalEntryLineDetail":
            continue
        detail = line.get("JournalEntryLineDetail") or {}
        line_uuid, line_id = line_ref(ctx, "journal_entry", parent, line)
        amount = money(line.get("Amount")) or Decimal(0)
        mapped = JournalLine(
            id=line_uuid, remote_id=line_id,
            account_id=ref_id(ctx, "account", "Account", detail, "AccountRef"),
            description=line.get("Description"),
            contact_id=entity_contact(ctx, detail.get("Entity") or {}, "EntityRef"),
            tax_rate_id=ref_id(ctx, "tax_rate", "TaxCode", detail, "TaxCodeRef"),
            tracking_categories=line_classes(ctx, detail),
            currency=currency(remote),
        )
        complete(mapped, amount if detail.get("PostingType") == "Debit" else -amount)
        lines.append(mapped)
    entry = JournalEntry(
        transaction_date=read_date(remote.get("TxnDate")),
        memo=remote.get("PrivateNote"),
        currency=currency(remote),
        exchange_rate=exchange_rate(remote),
        journal_number=remote.get("DocNumber"),
        posting_status="POSTED",  # QBO has no draft journal entries
        tracking_categories=list(dict.fromkeys(t for line in lines for t in line.tracking_categories)),
        line_items=lines,
    )
    return record("journal_entry", "JournalEntry", remote, entry)


def to_remote(body: JournalEntryInput, refs: Refs) -> dict[str, Any]:
    lines = []
    for line in body.line_items:
        debit = bool(line.debit)
        detail: dict[str, Any] = {"PostingType": "Debit" if debit else "Credit",
                                  "AccountRef": value_ref(refs, line.account_id)}
        if (contact := refs.get(line.contact_id)) is not None:
            detail["Entity"] = {"Type": split_key(contact.remote_key)[0],
                                "EntityRef": {"value": contact.remote_id}}
        if (cls := class_ref(refs, line.tracking_categories or body.tracking_categories)) is not None:
            detail["ClassRef"] = cls
        remote_line: dict[str, Any] = {"DetailType": "JournalEntryLineDetail",
                                       "Amount": line.debit if debit else line.credit,
                                       "JournalEntryLineDetail": detail}
        if line.description:
            remote_line["Description"] = line.description
        lines.append(remote_line)
    remote: dict[str, Any] = {"Line": lines}
    if body.journal_number:
        remote["DocNumber"] = body.journal_number
    return header(remote, date=body.transaction_date, currency_code=body.currency, rate=body.exchange_rate,
                   memo=body.memo)
