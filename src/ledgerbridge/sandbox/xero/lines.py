"""Line items and document totals, computed the way Xero does.

LineAmount = Quantity × UnitAmount less DiscountRate %, rounded to cents. Each line's tax is rounded to cents
on its own (ROUND_HALF_UP) and the document's TotalTax is the sum of those — which is why Xero's totals can
differ by a cent from "total × rate". Exclusive: SubTotal = Σ LineAmount. Inclusive: the line amount already
contains the tax, so tax = LineAmount × r/(1+r) and SubTotal = Σ LineAmount − TotalTax. NoTax: no tax.
Amounts a client supplies for these fields are ignored.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .unitofwork import UnitOfWork

CENT = Decimal("0.01")
AMOUNT_TYPES = ("Exclusive", "Inclusive", "NoTax")
SALES_SIDE = {"ACCREC", "ACCRECCREDIT", "RECEIVE"}


def money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def dec(value: Any, places: int | None = None) -> Decimal:
    d = Decimal(str(value))
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places is not None else d


def tax_rate_percent(uow: UnitOfWork, tax_type: str) -> Decimal | None:
    rate = uow.get("TaxRates", tax_type)
    if rate is None or rate.get("Status") not in (None, "ACTIVE"):
        return None
    return Decimal(str(rate.get("EffectiveRate", 0)))


def find_account(uow: UnitOfWork, code: str | None = None, account_id: str | None = None) -> dict[str, Any] | None:
    if account_id:
        acc = uow.get("Accounts", account_id)
    elif code:
        acc = next(iter(uow.find_key("Accounts", str(code))), None)
    else:
        return None
    return acc if acc and acc.get("Status") != "DELETED" else None


def build_lines(uow: UnitOfWork, raw_lines: list[Any], *, doc_type: str, amount_types: str, status: str,
                unitdp: int, existing: list[dict[str, Any]] | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Validate and compute lines. Returns (wire-form lines, validation messages)."""
    errors: list[str] = []
    out: list[dict[str, Any]] = []
    known_ids = {str(line.get("LineItemID", "")).lower() for line in existing or []}
    sales = doc_type in SALES_SIDE
    for raw in raw_lines:
        if not isinstance(raw, dict):
            errors.append("Line items must be objects")
            continue
        line: dict[str, Any] = {}
        item = None
        if raw.get("ItemCode") or (raw.get("Item") or {}).get("Code"):
            code = str(raw.get("ItemCode") or raw["Item"]["Code"])
            item = next(iter(uow.find_key("Items", code)), None)
            if item is None:
                errors.append(f"Item code '{code}' is not valid")
        details = (item or {}).get("SalesDetails" if sales else "PurchaseDetails") or {}
        description = raw.get("Description", (item or {}).get("Description" if sales else "PurchaseDescription"))
        if description is not None:
            line["Description"] = str(description)
        try:
            unit = raw.get("UnitAmount", details.get("UnitPrice"))
            qty = raw.get("Quantity")
            if qty is None and unit is not None:
                qty = Decimal(1)
            discount = raw.get("DiscountRate")
            if qty is not None and unit is not None:
                unit = dec(unit, unitdp)
                qty = dec(qty, 4)
                gross = qty * unit
                amount = money(gross * (1 - dec(discount) / 100)) if discount is not None else money(gross)
            else:
                amount = money(raw.get("LineAmount") or 0)
        except (InvalidOperation, ValueError, TypeError):
            errors.append("Quantity, UnitAmount, DiscountRate and LineAmount must be numbers")
            continue
        if unit is not None:
            line["UnitAmount"] = unit
        if item is not None:
            line["ItemCode"] = item["Code"]
            line["Item"] = {"ItemID": item["ItemID"], "Name": item.get("Name", ""), "Code": item["Code"]}

        account = None
        account_code = raw.get("AccountCode", details.get("AccountCode"))
        if raw.get("AccountID") or account_code:
            account = find_account(uow, code=account_code, account_id=raw.get("AccountID"))
            if account is None:
                errors.append(f"Account code '{account_code or raw.get('AccountID')}' is not a valid code for "
                              "this document.")
        elif status not in ("DRAFT", "DELETED"):
            errors.append("Account code must be specified")

        tax_type = raw.get("TaxType", details.get("TaxType")) or (account or {}).get("TaxType") or "NONE"
        if amount_types == "NoTax":
            tax_type, rate = (raw.get("TaxType") or "NONE"), Decimal(0)
            if tax_rate_percent(uow, tax_type) is None:
                errors.append(f"The TaxType code '{tax_type}' does not exist or cannot be used for this type of "
                              "transaction.")
        else:
            found = tax_rate_percent(uow, str(tax_type))
            if found is None:
                errors.append(f"The TaxType code '{tax_type}' does not exist or cannot be used for this type of "
                              "transaction.")
                found = Decimal(0)
            rate = found
        if amount_types == "Exclusive":
            tax = money(amount * rate / 100)
        elif amount_types == "Inclusive":
            tax = money(amount * rate / (100 + rate))
        else:
            tax = Decimal("0.00")
        line["TaxType"] = str(tax_type)
        line["TaxAmount"] = tax
        line["LineAmount"] = amount
        if account is not None:
            line["AccountCode"] = account["Code"]
            line["AccountID"] = account["AccountID"]
        line["Tracking"], track_errors = _tracking(uow, raw.get("Tracking") or [])
        errors += track_errors
        if qty is not None:
            line["Quantity"] = qty
        if discount is not None:
            line["DiscountRate"] = money(discount)
        given = str(raw.get("LineItemID") or "").lower()
        line["LineItemID"] = given if given and given in known_ids else uow.new_id()
        out.append(line)
    return out, errors


def _tracking(uow: UnitOfWork, raw: list[Any]) -> tuple[list[dict[str, Any]], list[str]]:
    out, errors = [], []
    if len(raw) > 2:
        return [], ["A maximum of 2 tracking categories can be used on a line item"]
    for t in raw:
        if not isinstance(t, dict):
            errors.append("Tracking must be objects")
            continue
        cat = uow.get("TrackingCategories", t.get("TrackingCategoryID")) if t.get("TrackingCategoryID") else \
            next(iter(uow.find_key("TrackingCategories", str(t.get("Name") or ""))), None)
        if cat is None or cat.get("Status") != "ACTIVE":
            errors.append(f"The Tracking Category '{t.get('Name') or t.get('TrackingCategoryID')}' does not exist")
            continue
        want_id, want_name = str(t.get("TrackingOptionID") or "").lower(), str(t.get("Option") or "").lower()
        opt = next((o for o in cat.get("Options", []) if o.get("Status") == "ACTIVE" and (
            (want_id and o["TrackingOptionID"].lower() == want_id)
            or (not want_id and o["Name"].lower() == want_name))),
            None)
        if opt is None:
            errors.append(f"The Tracking Option '{t.get('Option') or t.get('TrackingOptionID')}' does not exist "
                          f"for Tracking Category '{cat['Name']}'")
            continue
        out.append({"Name": cat["Name"], "Option": opt["Name"], "TrackingCategoryID": cat["TrackingCategoryID"],
                    "TrackingOptionID": opt["TrackingOptionID"]})
    return out, errors


def totals(lines: list[dict[str, Any]], amount_types: str) -> dict[str, Decimal]:
    line_sum = sum((Decimal(str(x["LineAmount"])) for x in lines), Decimal("0.00"))
    tax = sum((Decimal(str(x["TaxAmount"])) for x in lines), Decimal("0.00"))
    sub = line_sum - tax if amount_types == "Inclusive" else line_sum
    discount = Decimal("0.00")
    for x in lines:
        if x.get("DiscountRate") is not None and x.get("Quantity") is not None and x.get("UnitAmount") is not None:
            gross = money(Decimal(str(x["Quantity"])) * Decimal(str(x["UnitAmount"])))
            discount += gross - Decimal(str(x["LineAmount"]))
    return {"SubTotal": money(sub), "TotalTax": money(tax), "Total": money(sub + tax), "TotalDiscount": money(discount)}
