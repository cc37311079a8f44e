"""Invoice lines ("details") and the totals Moneybird computes from them.

Each detail carries its own ``tax_rate_id``; ``prices_are_incl_tax`` on the document says whether detail prices
include that tax. Totals are computed with Decimal, per tax rate (``tax_totals``), the way a Dutch invoice
states them: tax is rounded once per rate, not per line.

- exclusive: excl = Σ amount × price × (1 − discount%); tax per rate = round(taxable × pct / 100);
  incl = excl + tax;
- inclusive: incl = Σ amount × price × (1 − discount%); tax per rate = round(gross − gross / (1 + pct / 100));
  excl = incl − tax.

``details_attributes`` arrive as a list or, Rails-style, as a hash keyed "0", "1"… (the contract allows both).
An element with ``id`` changes that detail, with ``_destroy`` removes it, without ``id`` adds one.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .errors import Invalid
from .state import Store, iso, money

CENT = Decimal("0.01")


def dec(value: Any, default: Decimal = Decimal(0)) -> Decimal | None:
    """A Moneybird money or quantity value (number or string, comma allowed), None when unreadable."""
    if value is None or value == "":
        return default
    try:
        return Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        return None


def round_cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def attribute_list(raw: Any) -> list[dict[str, Any]] | None:
    if isinstance(raw, list):
        return [r for r in raw if isinstance(r, dict)]
    if isinstance(raw, dict):
        return [v for _, v in sorted(raw.items(), key=lambda kv: int(kv[0]) if str(kv[0]).isdigit() else 0)
                if isinstance(v, dict)]
    return None


def apply_details(store: Store, admin: str, existing: list[dict[str, Any]], raw: Any, *, tax_type: str,
                  default_ledger: str, invalid: Invalid) -> list[dict[str, Any]]:
    """The document's details after ``details_attributes``; problems go to ``invalid``."""
    attributes = attribute_list(raw)
    if raw is not None and attributes is None:
        invalid.add("details_attributes", "is invalid", "invalid")
        return existing
    details = {d["id"]: d for d in existing}
    order = [d["id"] for d in existing]
    now = iso(store.now())
    for i, attrs in enumerate(attributes or []):
        where = f"details_attributes.{i}"
        detail_id = str(attrs["id"]) if attrs.get("id") is not None else None
        if detail_id is not None and detail_id not in details:
            invalid.add(f"{where}.id", "not found", "not_found")
            continue
        if str(attrs.get("_destroy", "")).lower() in ("true", "1"):
            if detail_id is not None:
                details.pop(detail_id)
                order.remove(detail_id)
            continue
        detail = details.get(detail_id) if detail_id else None
        if detail is None:
            detail = {"id": store.new_id(), "administration_id": admin, "tax_rate_id": default_tax_rate(store, admin,
                      tax_type), "ledger_account_id": default_ledger, "project_id": None, "product_id": None,
                      "amount": "1", "amount_decimal": "1.0", "description": "", "price": "0.00", "period": None,
                      "row_order": len(order) + 1, "tax_report_reference": [], "mandatory_tax_text": None,
                      "created_at": now, "is_optional": False, "is_selected": True}
            details[detail["id"]] = detail
            order.append(detail["id"])
        _set_detail(store, admin, detail, attrs, tax_type, where, invalid)
        detail["updated_at"] = now
    return [details[i] for i in order]


def _set_detail(store: Store, admin: str, detail: dict[str, Any], attrs: dict[str, Any], tax_type: str, where: str,
                invalid: Invalid) -> None:
    if "description" in attrs:
        detail["description"] = str(attrs["description"] or "")
    if "price" in attrs:
        price = dec(attrs["price"])
        if price is None:
            invalid.add(f"{where}.price", "is not a number", "not_a_number")
        else:
            detail["price"] = money(price)  # the contract's pattern: at most two decimals
    if "amount" in attrs:
        amount = dec(attrs["amount"], Decimal(1))
        if amount is None:
            invalid.add(f"{where}.amount", "is not a number", "not_a_number")
        else:
            detail["amount"], detail["amount_decimal"] = str(attrs["amount"]), str(amount)
    if "period" in attrs:
        detail["period"] = attrs["period"] or None
    if "row_order" in attrs:
        detail["row_order"] = int(attrs["row_order"])
    if attrs.get("tax_rate_id") is not None:
        rate = store.get(admin, "tax_rates", str(attrs["tax_rate_id"]))
        if rate is None or rate["tax_rate_type"] != tax_type or not rate.get("active", True):
            invalid.add(f"{where}.tax_rate_id", "is invalid", "invalid")
        else:
            detail["tax_rate_id"] = rate["id"]
    if attrs.get("ledger_account_id") is not None:
        account = store.get(admin, "ledger_accounts", str(attrs["ledger_account_id"]))
        if account is None or not account.get("active", True):
            invalid.add(f"{where}.ledger_account_id", "is invalid", "invalid")
        else:
            detail["ledger_account_id"] = account["id"]
    if "project_id" in attrs:
        project = store.get(admin, "projects", str(attrs["project_id"])) if attrs["project_id"] is not None else None
        if attrs["project_id"] is not None and project is None:
            invalid.add(f"{where}.project_id", "is invalid", "invalid")
        else:
            detail["project_id"] = project["id"] if project else None
    if attrs.get("product_id") is not None:
        product = store.get(admin, "products", str(attrs["product_id"]))
        if product is None:
            invalid.add(f"{where}.product_id", "is invalid", "invalid")
        else:
            detail["product_id"] = product["id"]
            for key in ("description", "price", "tax_rate_id", "ledger_account_id"):
                if key not in attrs and product.get(key if key != "description" else "title"):
                    detail[key] = product[key if key != "description" else "title"]


def default_tax_rate(store: Store, admin: str, tax_type: str) -> str | None:
    """The administration's default rate of a kind: its first active one (the seed puts the standard rate first)."""
    rates = [r for r in store.all(admin, "tax_rates") if r["tax_rate_type"] == tax_type and r.get("active")]
    return rates[0]["id"] if rates else None


def compute_totals(store: Store, admin: str, doc: dict[str, Any], *, discount: Decimal = Decimal(0)) -> None:
    """Fill the document's totals and each detail's excl-tax amount from its details."""
    incl = bool(doc.get("prices_are_incl_tax"))
    factor = (Decimal(100) - discount) / Decimal(100)
    by_rate: dict[str, Decimal] = {}
    gross_discount = Decimal(0)
    for detail in doc["details"]:
        line = Decimal(detail["amount_decimal"]) * Decimal(detail["price"])
        discounted = round_cents(line * factor)
        gross_discount += round_cents(line) - discounted
        by_rate[str(detail["tax_rate_id"])] = by_rate.get(str(detail["tax_rate_id"]), Decimal(0)) + discounted
        pct = _percentage(store, admin, detail["tax_rate_id"])
        excl = round_cents(discounted / (1 + pct / 100)) if incl else discounted
        detail["total_price_excl_tax_with_discount"] = excl
        detail["total_price_excl_tax_with_discount_base"] = excl
    total_excl, total_tax = Decimal(0), Decimal(0)
    tax_totals = []
    for rate_id, amount in by_rate.items():
        pct = _percentage(store, admin, rate_id)
        if incl:
            tax = round_cents(amount - amount / (1 + pct / 100))
            taxable = amount - tax
        else:
            taxable, tax = amount, round_cents(amount * pct / 100)
        total_excl += taxable
        total_tax += tax
        tax_totals.append({"tax_rate_id": rate_id, "taxable_amount": taxable, "taxable_amount_base": taxable,
                           "tax_amount": tax, "tax_amount_base": tax})
    doc["total_price_excl_tax"] = doc["total_price_excl_tax_base"] = money(total_excl)
    doc["total_price_incl_tax"] = doc["total_price_incl_tax_base"] = money(total_excl + total_tax)
    if "tax_totals" in doc:
        doc["tax_totals"] = tax_totals
    if "total_discount" in doc:
        doc["total_discount"] = money(gross_discount)


def _percentage(store: Store, admin: str, rate_id: Any) -> Decimal:
    rate = store.get(admin, "tax_rates", str(rate_id)) if rate_id else None
    return Decimal(str(rate["percentage"])) if rate and rate.get("percentage") is not None else Decimal(0)
