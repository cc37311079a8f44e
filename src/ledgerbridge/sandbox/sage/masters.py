"""Contacts, ledger accounts, products, tax rates, contact payments and journals: validated and stored as Sage
answers them. Each ``save_*`` takes the body's inner object (``{"contact": {...}}`` → ``{...}``) and the stored
record when updating; it raises a 422 naming every attribute at fault."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import documents
from .errors import invalid, invalid_many
from .refs import CONTACT_TYPES, LEDGER_TYPES, TRANSACTION_TYPES, base, constant, money, number
from .state import Record, Store, new_id


def _blank(raw: dict[str, Any], names: list[str]) -> list[tuple[str, str]]:
    return [(name, "can't be blank") for name in names if raw.get(name) in (None, "", [])]


def _object(raw: Any, singular: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise invalid(singular, "is missing or not an object")
    return raw


# -- contacts ----------------------------------------------------------------------------------------------------
ADDRESS_FIELDS = ("address_line_1", "address_line_2", "city", "postal_code", "region")


def _address(raw: Any, kind: str) -> Record | None:
    if not isinstance(raw, dict):
        return None
    out: Record = {"id": new_id(), "displayed_as": ", ".join(str(raw[f]) for f in ADDRESS_FIELDS if raw.get(f)),
                   **{f: str(raw.get(f) or "") for f in ADDRESS_FIELDS},
                   "address_type": constant("address_types", kind, kind.title())}
    if raw.get("country_id"):
        out["country"] = constant("countries", str(raw["country_id"]), str(raw["country_id"]))
    return out


def save_contact(store: Store, business: str, raw: Any, existing: Record | None) -> Record:
    raw = _object(raw, "contact")
    problems = [] if existing else _blank(raw, ["name", "contact_type_ids"])
    types = raw.get("contact_type_ids")
    if types is not None:
        if not isinstance(types, list) or not types:
            problems.append(("contact_type_ids", "can't be blank"))
        elif any(t not in CONTACT_TYPES for t in types):
            problems.append(("contact_type_ids", f"must be among {', '.join(CONTACT_TYPES)}"))
    reference = raw.get("reference")
    if reference and len(str(reference)) > 10:
        problems.append(("reference", "is too long (maximum is 10 characters)"))
    elif reference and any(c.get("reference") == reference and c["id"] != (existing or {}).get("id")
                         for c in store.all(business, "contacts")):
        problems.append(("reference", "has already been taken"))
    if problems:
        raise invalid_many(problems)
    record: Record = dict(existing or {"id": new_id(), "balance": Decimal("0.00"), "deletable": True,
                                       "is_active": True, "system": False, "locale": "en"})
    for name in ("name", "tax_number", "notes", "registered_number"):
        if name in raw:
            record[name] = str(raw[name] or "")
    if types is not None:
        record["contact_types"] = [constant("contact_types", t, CONTACT_TYPES[t]) for t in types]
    if reference or not record.get("reference"):
        record["reference"] = str(reference or "".join(ch for ch in record["name"].upper() if ch.isalnum())[:7]
                                  + str(store.next_number(business, "contact_reference")).zfill(3))
    if "credit_days" in raw:
        record["credit_days"] = int(raw["credit_days"] or 0)
    for field, kind in (("main_address", "ACCOUNTS"), ("delivery_address", "DELIVERY")):
        if field in raw:
            record[field] = _address(raw[field], kind)
    person = raw.get("main_contact_person")
    if isinstance(person, dict):
        record["main_contact_person"] = {
            "id": (record.get("main_contact_person") or {}).get("id") or new_id(),
            "displayed_as": str(person.get("name") or record["name"]),
            **{f: str(person.get(f) or "") for f in ("name", "telephone", "mobile", "email", "fax")},
            "is_main_contact": True}
    record["email"] = str((record.get("main_contact_person") or {}).get("email") or "")
    record["displayed_as"] = f"{record['name']} ({record['reference']})"
    record["$path"] = f"/contacts/{record['id']}"
    return record


# -- ledger accounts ------------------------------------------------------------------------------------------------
def save_ledger_account(store: Store, business: str, raw: Any, existing: Record | None) -> Record:
    raw = _object(raw, "ledger_account")
    problems = [] if existing else _blank(raw, ["ledger_account_type_id", "included_in_chart", "name",
                                                 "display_name", "nominal_code"])
    kind = raw.get("ledger_account_type_id")
    if kind and kind not in LEDGER_TYPES:
        problems.append(("ledger_account_type_id", f"{kind!r} is not a ledger account type"))
    code = raw.get("nominal_code")
    if code is not None:
        try:
            code = int(code)
        except (TypeError, ValueError):
            problems.append(("nominal_code", "must be a whole number"))
            code = None
        if code is not None and any(a.get("nominal_code") == code and a["id"] != (existing or {}).get("id")
                                    for a in store.all(business, "ledger_accounts")):
            problems.append(("nominal_code", "has already been taken"))
    rate = None
    if raw.get("tax_rate_id"):
        rate = store.get(business, "tax_rates", str(raw["tax_rate_id"]))
        if rate is None:
            problems.append(("tax_rate_id", "Tax rate does not exist"))
    if problems:
        raise invalid_many(problems)
    record: Record = dict(existing or {"id": new_id(), "visible_in_sales": True, "visible_in_expenses": True,
                                       "visible_in_journals": True, "visible_in_reporting": True,
                                       "is_control_account": False})
    for name in ("name", "display_name"):
        if name in raw:
            record[name] = str(raw[name])
    if "included_in_chart" in raw:
        record["included_in_chart"] = bool(raw["included_in_chart"])
    if code is not None:
        record["nominal_code"] = code
    if kind:
        label, classification = LEDGER_TYPES[kind]
        record["ledger_account_type"] = constant("ledger_account_types", kind, label)
        record["ledger_account_classification"] = constant("ledger_account_classifications", classification,
                                                           classification.title())
    if rate is not None:
        record["tax_rate"] = base("tax_rates", rate)
    record["displayed_as"] = f"{record['name']} ({record['nominal_code']})"
    record["display_formatted"] = record["displayed_as"]
    record["$path"] = f"/ledger_accounts/{record['id']}"
    return record


# -- products ---------------------------------------------------------------------------------------------------------
def save_product(store: Store, business: str, raw: Any, existing: Record | None) -> Record:
    raw = _object(raw, "product")
    problems = [] if existing else _blank(raw, ["description", "sales_ledger_account_id",
                                                 "purchase_ledger_account_id"])
    accounts = {}
    for field in ("sales_ledger_account_id", "purchase_ledger_account_id"):
        if raw.get(field):
            accounts[field] = store.get(business, "ledger_accounts", str(raw[field]))
            if accounts[field] is None:
                problems.append((field, "Ledger account does not exist"))
    if problems:
        raise invalid_many(problems)
    record: Record = dict(existing or {"id": new_id(), "active": True, "deletable": True})
    for name in ("description", "item_code", "notes"):
        if name in raw:
            record[name] = str(raw[name] or "")
    if "cost_price" in raw:
        record["cost_price"] = number(raw["cost_price"])
    for field, found in accounts.items():
        if found is not None:
            record[field.removesuffix("_id")] = base("ledger_accounts", found)
    if isinstance(raw.get("sales_prices"), list):
        record["sales_prices"] = [{"id": new_id(), "displayed_as": str(p.get("price_name") or "Selling Price"),
                                   "price_name": str(p.get("price_name") or "Selling Price"),
                                   "price": number(p.get("price")),
                                   "price_includes_tax": bool(p.get("price_includes_tax"))}
                                  for p in raw["sales_prices"] if isinstance(p, dict)]
    record["displayed_as"] = record["description"]
    record["$path"] = f"/products/{record['id']}"
    return record


# -- tax rates -------------------------------------------------------------------------------------------------------
def save_tax_rate(store: Store, business: str, raw: Any, existing: Record | None) -> Record:
    raw = _object(raw, "tax_rate")
    problems = [] if existing else _blank(raw, ["name"])
    if problems:
        raise invalid_many(problems)
    record: Record = dict(existing or {"id": new_id(), "is_visible": True, "editable": True, "deletable": True,
                                       "retailer": False, "is_combined_rate": False})
    if "name" in raw:
        record["name"] = str(raw["name"])
    record["percentage"] = number(raw.get("percentage", record.get("percentage", 0)))
    record["displayed_as"] = f"{record['name']} {record['percentage'].normalize():f}%"
    record["$path"] = f"/tax_rates/{record['id']}"
    return record


# -- contact payments -------------------------------------------------------------------------------------------------
def save_contact_payment(store: Store, business: str, raw: Any, existing: Record | None) -> tuple[Record, list[Record]]:
    """A payment and the documents its allocations settle (stored together by the caller)."""
    raw = _object(raw, "contact_payment")
    if existing is not None:
        raise invalid("base", "Contact payments cannot be edited in this sandbox", "RecordNotEditable")
    problems = _blank(raw, ["transaction_type_id", "contact_id", "bank_account_id", "date", "total_amount"])
    kind = raw.get("transaction_type_id")
    if kind and kind not in TRANSACTION_TYPES:
        problems.append(("transaction_type_id", f"must be among {', '.join(TRANSACTION_TYPES)}"))
    contact = store.get(business, "contacts", str(raw.get("contact_id") or ""))
    if raw.get("contact_id") and contact is None:
        problems.append(("contact_id", "Contact does not exist"))
    bank = store.get(business, "bank_accounts", str(raw.get("bank_account_id") or ""))
    if raw.get("bank_account_id") and bank is None:
        problems.append(("bank_account_id", "Bank account does not exist"))
    if problems:
        raise invalid_many(problems)
    assert contact is not None and bank is not None and kind
    total = money(raw["total_amount"])
    payment: Record = {
        "id": new_id(), "transaction_type": constant("transaction_types", kind, TRANSACTION_TYPES[kind]),
        "contact": base("contacts", contact), "bank_account": base("bank_accounts", bank),
        "date": str(raw["date"]), "reference": str(raw.get("reference") or ""), "total_amount": total,
        "net_amount": total, "tax_amount": Decimal("0.00"), "base_currency_total_amount": total,
        "currency": {"id": "GBP", "displayed_as": "Pound Sterling (GBP)", "$path": "/currencies/GBP"},
        "exchange_rate": Decimal(1), "editable": True, "deleted_at": None}
    payment["displayed_as"] = payment["reference"] or f"{TRANSACTION_TYPES[kind]} {payment['date']}"
    payment["$path"] = f"/contact_payments/{payment['id']}"
    collection = "sales_invoices" if kind == "CUSTOMER_RECEIPT" else "purchase_invoices"
    allocated, settled, problems = Decimal("0.00"), [], []
    for i, item in enumerate(raw.get("allocated_artefacts") or []):
        where = f"allocated_artefacts.{i}"
        doc = store.get(business, collection, str((item or {}).get("artefact_id") or ""))
        if doc is None or doc["contact"]["id"] != contact["id"]:
            problems.append((f"{where}.artefact_id", "is not an invoice of this contact"))
            continue
        amount, discount = money(item.get("amount") or 0), money(item.get("discount") or 0)
        if doc["status"]["id"] in ("DRAFT", "VOID") or amount + discount > doc["outstanding_amount"]:
            problems.append((f"{where}.amount", "is more than the invoice's outstanding amount"))
            continue
        allocated += amount
        settled.append(documents.allocate(doc, payment, amount, discount))
    if allocated > total:
        problems.append(("total_amount", "is less than the amounts allocated"))
    if problems:
        raise invalid_many(problems)
    payment["allocated_artefacts"] = [
        {"id": new_id(), "artefact": base(collection, doc), "amount": doc["payments_allocations"][-1]["amount"],
         "discount": doc["payments_allocations"][-1]["discount"]} for doc in settled]
    return payment, settled


# -- journals --------------------------------------------------------------------------------------------------------
def save_journal(store: Store, business: str, raw: Any, existing: Record | None) -> Record:
    raw = _object(raw, "journal")
    if existing is not None:
        raise invalid("base", "Journals cannot be edited", "RecordNotEditable")
    problems = _blank(raw, ["date", "reference", "journal_lines"])
    lines, debit, credit = [], Decimal("0.00"), Decimal("0.00")
    for i, line in enumerate(raw.get("journal_lines") or []):
        where = f"journal_lines.{i}"
        line = line if isinstance(line, dict) else {}
        problems += [(f"{where}.{n}", "can't be blank") for n in ("ledger_account_id", "debit", "credit")
                     if line.get(n) is None]
        account = store.get(business, "ledger_accounts", str(line.get("ledger_account_id") or ""))
        if line.get("ledger_account_id") and account is None:
            problems.append((f"{where}.ledger_account_id", "Ledger account does not exist"))
        if account is None or line.get("debit") is None or line.get("credit") is None:
            continue
        d, c = money(line["debit"]), money(line["credit"])
        if (d == 0) == (c == 0):
            problems.append((where, "a line has either a debit or a credit"))
        debit, credit = debit + d, credit + c
        lines.append({"id": new_id(), "ledger_account": base("ledger_accounts", account),
                      "details": str(line.get("details") or ""), "debit": d, "credit": c,
                      "include_on_tax_return": False})
    if len(lines) >= 2 and debit != credit:
        problems.append(("journal_lines", f"debits ({debit}) and credits ({credit}) must balance"))
    elif not problems and len(lines) < 2:
        problems.append(("journal_lines", "a journal needs at least two lines"))
    if problems:
        raise invalid_many(problems)
    record: Record = {"id": new_id(), "date": str(raw["date"]), "reference": str(raw["reference"]),
                      "description": str(raw.get("description") or ""), "total": debit, "journal_lines": lines,
                      "transaction_type": constant("transaction_types", "JOURNAL", "Journal"),
                      "migrated": False, "deleted_at": None}
    record["displayed_as"] = record["reference"]
    record["$path"] = f"/journals/{record['id']}"
    return record
