"""Customers (companies and individuals), suppliers, products and ledger accounts: created and changed as given,
checked the way Pennylane checks them (a ledger account number is unique and starts with a class digit; a
customer or supplier named ``ledger_account: {number}`` gets that account, made on the fly as Pennylane does)."""

from __future__ import annotations

from typing import Any

from .errors import bad_request, not_found, unprocessable
from .state import Company, Record, Store

API = "/api/external/v2"
NO_ADDRESS = {"address": "", "postal_code": "", "city": "", "country_alpha2": "FR"}
_PAYMENT_CONDITIONS = "30_days"


def _ledger_account(store: Store, company: Company, given: dict[str, Any] | None, label: str) -> dict[str, int] | None:
    if not given:
        return None
    number = str(given["number"])
    for account in company.table("ledger_accounts").values():
        if account["number"] == number:
            return {"id": account["id"]}
    created = create_ledger_account(store, company, {"number": number, "label": label})
    return {"id": created["id"]}


def _customer_common(store: Store, company: Company, body: dict[str, Any], customer_id: int,
                     name: str, old: Record | None) -> Record:
    base = old or {}
    record: Record = {
        "id": customer_id, "name": name,
        "billing_iban": body.get("billing_iban", base.get("billing_iban")),
        "payment_conditions": body.get("payment_conditions") or base.get("payment_conditions") or _PAYMENT_CONDITIONS,
        "recipient": body.get("recipient", base.get("recipient", "")),
        "phone": body.get("phone", base.get("phone", "")),
        "reference": body.get("reference", base.get("reference")),
        "notes": body.get("notes", base.get("notes")),
        "ledger_account": (_ledger_account(store, company, body.get("ledger_account"), name)
                           if "ledger_account" in body else base.get("ledger_account")),
        "emails": body.get("emails", base.get("emails", [])),
        "billing_address": body.get("billing_address") or base.get("billing_address") or dict(NO_ADDRESS),
        "delivery_address": body.get("delivery_address") or base.get("delivery_address")
        or body.get("billing_address") or dict(NO_ADDRESS),
        "external_reference": body.get("external_reference", base.get("external_reference", "")),
        "billing_language": body.get("billing_language") or base.get("billing_language") or "fr_FR",
    }
    for sub in ("mandates", "pro_account_mandates", "contacts"):
        record[sub] = {"url": f"{API}/customers/{customer_id}/{sub}"}
    return record


def save_customer(store: Store, company: Company, kind: str, body: dict[str, Any], customer_id: int | None = None
                  ) -> Record:
    """Create (``customer_id`` None) or change a company or individual customer."""
    table = company.table("customers")
    old = None
    if customer_id is not None:
        old = table.get(customer_id)
        if old is None or old["customer_type"] != kind:
            raise not_found()
    if kind == "company":
        name = str(body.get("name") or (old or {}).get("name") or "")
        if not name.strip():
            raise bad_request("name can't be blank", field="name")
    else:
        first = str(body.get("first_name", (old or {}).get("first_name", "")))
        last = str(body.get("last_name", (old or {}).get("last_name", "")))
        if not (first.strip() or last.strip()):
            raise bad_request("first_name or last_name can't be blank", field="last_name")
        name = f"{first} {last}".strip()
    record = _customer_common(store, company, body, customer_id or store.new_id(), name, old)
    record["customer_type"] = kind
    if kind == "company":
        record["vat_number"] = body.get("vat_number", (old or {}).get("vat_number", ""))
        record["reg_no"] = body.get("reg_no", (old or {}).get("reg_no", ""))
    else:
        record["first_name"], record["last_name"] = first, last
    if old is None:
        return store.insert(company, "customers", record)
    record["created_at"], record["updated_at"] = old["created_at"], old["updated_at"]
    table[record["id"]] = record
    return store.touch(company, "customers", record)


def save_supplier(store: Store, company: Company, body: dict[str, Any], supplier_id: int | None = None) -> Record:
    table = company.table("suppliers")
    old: Record = {}
    if supplier_id is not None:
        if supplier_id not in table:
            raise not_found()
        old = table[supplier_id]
    name = str(body.get("name", old.get("name", "")))
    if not name.strip():
        raise bad_request("name can't be blank", field="name")
    record: Record = {
        "id": supplier_id or store.new_id(), "name": name,
        "establishment_no": body.get("establishment_no", old.get("establishment_no")),
        "reg_no": body.get("reg_no", old.get("reg_no")),
        "vat_number": body.get("vat_number", old.get("vat_number", "")),
        "ledger_account": (_ledger_account(store, company, body.get("ledger_account"), name)
                           if "ledger_account" in body else old.get("ledger_account")),
        "emails": body.get("emails", old.get("emails", [])),
        "iban": body.get("iban", old.get("iban", "")),
        "postal_address": body.get("postal_address") or old.get("postal_address") or dict(NO_ADDRESS),
        # Both enums are declared nullable, but an OAS 3.0 validator refuses null where the enum does not list it;
        # a supplier created without them gets Pennylane's defaults instead of null.
        "supplier_payment_method": body.get("supplier_payment_method") or old.get("supplier_payment_method")
        or "manual_transfer",
        "supplier_due_date_delay": body.get("supplier_due_date_delay", old.get("supplier_due_date_delay", 30)),
        "supplier_due_date_rule": body.get("supplier_due_date_rule") or old.get("supplier_due_date_rule") or "days",
        "external_reference": body.get("external_reference", old.get("external_reference", "")),
    }
    if not old:
        return store.insert(company, "suppliers", record)
    record["created_at"], record["updated_at"] = old["created_at"], old["updated_at"]
    table[record["id"]] = record
    return store.touch(company, "suppliers", record)


def create_ledger_account(store: Store, company: Company, body: dict[str, Any]) -> Record:
    number = str(body["number"])
    if not number.isdigit() or number[0] not in "1234567":
        raise unprocessable("Number must start with a digit from 1 to 7 (the French chart of accounts classes)")
    if any(a["number"] == number for a in company.table("ledger_accounts").values()):
        raise unprocessable(f"Number {number} is already taken")
    record = {"id": store.new_id(), "number": number, "label": str(body["label"]),
              "vat_rate": body.get("vat_rate") or "", "country_alpha2": body.get("country_alpha2") or "FR",
              "enabled": True, "type": _account_type(number), "letterable": number[:3] in ("401", "411")}
    return store.insert(company, "ledger_accounts", record)


def update_ledger_account(store: Store, company: Company, account_id: int, body: dict[str, Any]) -> Record:
    record = company.table("ledger_accounts").get(account_id)
    if record is None:
        raise not_found()
    for field in ("label", "vat_rate", "country_alpha2", "enabled"):
        if field in body:
            record[field] = body[field]
    return store.touch(company, "ledger_accounts", record)


def _account_type(number: str) -> str:
    """What Pennylane calls the account's type, from its class in the French chart (PCG)."""
    if number.startswith("411"):
        return "customer"
    if number.startswith("401"):
        return "supplier"
    if number.startswith("512"):
        return "bank"
    if number.startswith("445"):
        return "vat"
    return {"6": "expense", "7": "revenue"}.get(number[0], "custom")


def save_product(store: Store, company: Company, body: dict[str, Any], product_id: int | None = None) -> Record:
    from decimal import Decimal

    from .money import cents, text, vat_percent

    table = company.table("products")
    old: Record = {}
    if product_id is not None:
        if product_id not in table:
            raise not_found()
        old = table[product_id]
    merged = {**old, **body}
    try:
        price = Decimal(str(merged["price_before_tax"]))
        percent = vat_percent(str(merged["vat_rate"]))
    except (ValueError, ArithmeticError, KeyError):
        raise unprocessable("price_before_tax and vat_rate must be a decimal and a known VAT code") from None
    ledger = merged.get("ledger_account_id")
    if ledger is None and old:
        ledger = (old.get("ledger_account") or {}).get("id")
    if ledger is not None and int(ledger) not in company.table("ledger_accounts"):
        raise unprocessable(f"Ledger account {ledger} does not exist")
    record: Record = {
        "id": product_id or store.new_id(), "label": str(merged["label"]),
        "description": merged.get("description") or "", "external_reference": merged.get("external_reference") or "",
        "price_before_tax": text(price), "vat_rate": str(merged["vat_rate"]),
        "price": text(cents(price * (100 + percent) / 100)), "unit": merged.get("unit") or "piece",
        "currency": merged.get("currency") or "EUR", "reference": merged.get("reference"),
        "ledger_account": None if ledger is None else {"id": int(ledger)}, "archived_at": old.get("archived_at"),
    }
    if not old:
        return store.insert(company, "products", record)
    record["created_at"], record["updated_at"] = old["created_at"], old["updated_at"]
    table[int(record["id"])] = record
    return store.touch(company, "products", record)
