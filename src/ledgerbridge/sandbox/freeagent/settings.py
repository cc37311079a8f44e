"""The company's settings and books: the company itself, its users, categories (FreeAgent's chart of accounts),
bank accounts, and bank transaction explanations — how FreeAgent records a payment: an explanation of a bank
transaction naming the ``paid_invoice`` or ``paid_bill`` it settles (FreeAgent's documentation; the collection's
example explanation shows the category form only).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import bills, documents
from .errors import invalid, not_found
from .state import Store, money, relative
from .values import date, decimal

#: ``category_group`` → the list GET /categories answers it under
CATEGORY_LISTS = {"income": "income_categories", "cost_of_sales": "cost_of_sales_categories",
                  "admin_expenses": "admin_expenses_categories"}
GENERAL = "general_categories"


def category_list(record: dict[str, Any]) -> str:
    return CATEGORY_LISTS.get(str(record.get("category_group")), GENERAL)


def categories(store: Store, company: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {name: [] for name in (*CATEGORY_LISTS.values(), GENERAL)}
    for code in sorted(store.collection(company, "categories")):
        record = store.collection(company, "categories")[code]
        grouped[category_list(record)].append(record)
    return grouped


def create_category(store: Store, company: str, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict) or not body.get("description"):
        raise invalid("Description can't be blank")
    code = str(body.get("nominal_code") or "")
    if not code.isdigit() or len(code) > 3:
        raise invalid("Nominal code must be a number of up to three digits")
    code = code.zfill(3)
    with store.lock:
        if store.get(company, "categories", code) is not None:
            raise invalid("Nominal code has already been taken")
        record = {"url": f"/v2/categories/{code}", "nominal_code": code, "description": body["description"],
                  "category_group": body.get("category_group") or "admin_expenses",
                  "tax_reporting_name": body.get("tax_reporting_name"),
                  "allowable_for_tax": bool(body.get("allowable_for_tax", True)),
                  "auto_sales_tax_rate": body.get("auto_sales_tax_rate") or "Standard rate"}
        return store.put(company, "categories", code, record)


def update_category(store: Store, company: str, code: str, body: Any) -> dict[str, Any]:
    with store.lock:
        record = store.get(company, "categories", code)
        if record is None:
            raise not_found()
        if not isinstance(body, dict):
            raise invalid("Category can't be blank")
        changed = {**record, **{k: body[k] for k in ("description", "tax_reporting_name", "allowable_for_tax",
                                                     "auto_sales_tax_rate") if k in body}}
        return store.put(company, "categories", code, changed)


def explain(store: Store, company: str, body: Any) -> dict[str, Any]:
    """Record a payment: an explanation paying an invoice (money in) or a bill (money out)."""
    if not isinstance(body, dict):
        raise invalid("Bank transaction explanation can't be blank")
    account = relative(body.get("bank_account"))
    if account is None or store.get(company, "bank_accounts", account.rsplit("/", 1)[-1]) is None:
        raise invalid("Bank account can't be blank")
    dated = date(body.get("dated_on"), "dated on")
    gross = decimal(body.get("gross_value"), "gross value")
    record: dict[str, Any] = {"bank_account": account, "dated_on": dated.isoformat(),
                              "description": body.get("description") or "", "gross_value": money(gross)}
    with store.lock:
        if body.get("paid_invoice"):
            path = relative(body["paid_invoice"]) or ""
            if gross <= 0:
                raise invalid("Gross value must be positive for an invoice receipt")
            documents.record_payment(store, company, documents.INVOICE, path.rsplit("/", 1)[-1], gross)
            record["paid_invoice"] = path
        elif body.get("paid_bill"):
            path = relative(body["paid_bill"]) or ""
            if gross >= 0:
                raise invalid("Gross value must be negative for a bill payment")
            bills.record_payment(store, company, path.rsplit("/", 1)[-1], -gross)
            record["paid_bill"] = path
        elif body.get("category"):
            record["category"] = relative(body["category"])
        else:
            raise invalid("Explanation must name a category, a paid invoice or a paid bill")
        key = str(store.next_id(company, "bank_transaction_explanations"))
        record["url"] = f"/v2/bank_transaction_explanations/{key}"
        bank = store.collection(company, "bank_accounts")[account.rsplit("/", 1)[-1]]
        store.put(company, "bank_accounts", account.rsplit("/", 1)[-1],
                  {**bank, "current_balance": money(Decimal(bank["current_balance"]) + gross)})
        return store.put(company, "bank_transaction_explanations", key, record)
