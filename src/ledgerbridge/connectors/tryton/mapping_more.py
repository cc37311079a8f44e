"""Tryton → unified for the read-only objects beyond invoices and master data, as pure functions. No I/O.

Remote keys follow ``mapping.py``: ``<tryton model>/<id>``. Choices where the two models do not line up:

- company info: the ``company.company`` record and its party (name, tax identifier, website mechanisms). The
  fiscal year end is the end of the fiscal year that holds today (else the latest one).
- addresses: every ``party.address``, including the blank one Tryton gives each new party (invoices point at it).
  Tryton keeps the street as one multi-line text: its first line is ``street_1``, the rest ``street_2``. ``type`` is
  BILLING for an address flagged for invoices, else None. ``country_subdivision`` is the ISO code (``US-CA``),
  ``state`` the subdivision's name.
- phone numbers: contact mechanisms of type phone (PRIMARY), mobile (MOBILE) and fax (FAX).
- journal entries: every ``account.move`` (draft → DRAFT, posted → POSTED), amounts in the company currency; each
  line's signed amount is debit − credit.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.tryton.mapping import RefFn, key, to_instant
from ledgerbridge.unified.company_info import CompanyInfo
from ledgerbridge.unified.contact_details import Address, PhoneNumber
from ledgerbridge.unified.journal_entry import JournalEntry, JournalLine, complete

MODELS = {
    "company_info": "company.company",
    "address": "party.address",
    "phone_number": "party.contact_mechanism",
    "journal_entry": "account.move",
}

PHONE_TYPES = {"phone": "PRIMARY", "mobile": "MOBILE", "fax": "FAX"}

DOMAINS: dict[str, list[Any]] = {
    # Other mechanisms (email, website, …) are not phone numbers; a fetch by their key finds nothing.
    "phone_number": [("type", "in", sorted(PHONE_TYPES))],
}

COMPANY_FIELDS = ["party", "currency.code", "create_date", "write_date"]
COMPANY_PARTY_FIELDS = ["name", "tax_identifier.code", "contact_mechanisms.type", "contact_mechanisms.value",
                        "write_date"]
FISCAL_YEAR_FIELDS = ["company", "start_date", "end_date"]
ADDRESS_FIELDS = ["party", "street", "city", "postal_code", "country.code", "subdivision.code",
                  "subdivision.name", "invoice", "create_date", "write_date"]
MECHANISM_FIELDS = ["party", "type", "value", "create_date", "write_date"]
MOVE_FIELDS = ["number", "date", "description", "state", "company", "company.currency.code", "lines",
               "create_date", "write_date"]
MOVE_LINE_FIELDS = ["move", "account", "debit", "credit", "party", "description", "write_date"]

FIELDS = {"company_info": COMPANY_FIELDS, "address": ADDRESS_FIELDS, "phone_number": MECHANISM_FIELDS,
          "journal_entry": MOVE_FIELDS}


def nested(record: dict[str, Any], name: str) -> Any:
    """A dotted read (``company.currency.code``) comes back as nested dicts under ``"company."``, ``"currency."``."""
    node: Any = record
    *heads, last = name.split(".")
    for head in heads:
        node = node.get(head + ".") if isinstance(node, dict) else None
    return node.get(last) if isinstance(node, dict) else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def fiscal_year_end(years: list[dict[str, Any]], today: dt.date) -> tuple[int | None, int | None]:
    """(month, day) of the fiscal year holding ``today``, else of the latest one; (None, None) with none."""
    if not years:
        return None, None
    current = [y for y in years if y["start_date"] <= today <= y["end_date"]]
    end: dt.date = (current[0] if current else max(years, key=lambda y: y["end_date"]))["end_date"]
    return end.month, end.day


def company_info_to_unified(record: dict[str, Any], party: dict[str, Any] | None,
                            fiscal_years: list[dict[str, Any]], today: dt.date) -> CompanyInfo:
    party = party or {}
    month, day = fiscal_year_end(fiscal_years, today)
    mechanisms = party.get("contact_mechanisms.") or []
    urls = [m.get("value") for m in mechanisms if m.get("type") == "website" and _text(m.get("value"))]
    return CompanyInfo(
        name=party.get("name"),
        # A Tryton party has one name; it is the legal name the company invoices under.
        legal_name=party.get("name"),
        tax_number=nested(party, "tax_identifier.code"),
        fiscal_year_end_month=month,
        fiscal_year_end_day=day,
        currency=nested(record, "currency.code"),
        urls=urls,
        remote_created_at=record.get("create_date"),
    )


def address_to_unified(record: dict[str, Any], ref: RefFn) -> Address:
    lines = [line.strip() for line in (record.get("street") or "").splitlines() if line.strip()]
    return Address(
        type="BILLING" if record.get("invoice") else None,
        street_1=lines[0] if lines else None,
        street_2=", ".join(lines[1:]) or None,
        city=_text(record.get("city")),
        state=nested(record, "subdivision.name"),
        country_subdivision=nested(record, "subdivision.code"),
        country=nested(record, "country.code"),
        zip=_text(record.get("postal_code")),
        contact_id=ref("contact", key("party.party", record.get("party"))),
    )


def phone_number_to_unified(record: dict[str, Any], ref: RefFn) -> PhoneNumber:
    kind = record.get("type") or ""
    return PhoneNumber(
        number=_text(record.get("value")),
        type=PHONE_TYPES.get(kind, kind.upper() or None),
        contact_id=ref("contact", key("party.party", record.get("party"))),
    )


def journal_entry_to_unified(record: dict[str, Any], lines: list[dict[str, Any]], ref: RefFn) -> JournalEntry:
    move_key = key(MODELS["journal_entry"], record["id"])
    currency = nested(record, "company.currency.code")
    items = []
    for line in lines:
        item = JournalLine(
            id=ref("journal_entry_line_item", f"{move_key}#{line['id']}"),
            remote_id=str(line["id"]),
            account_id=ref("account", key("account.account", line.get("account"))),
            description=line.get("description"),
            contact_id=ref("contact", key("party.party", line.get("party"))),
            currency=currency,
        )
        complete(item, (line.get("debit") or Decimal(0)) - (line.get("credit") or Decimal(0)))
        items.append(item)
    return JournalEntry(
        transaction_date=to_instant(record.get("date")),
        memo=record.get("description"),
        currency=currency,
        journal_number=record.get("number"),
        posting_status="POSTED" if record.get("state") == "posted" else "DRAFT",
        company_info_id=ref("company_info", key(MODELS["company_info"], record.get("company"))),
        line_items=items,
    )
