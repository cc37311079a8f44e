"""Organisation settings: chart of accounts, items, tax rates and tracking categories (Xero's
``accounting.settings`` scope). Each ``save_*`` returns the wire-form object and its validation messages.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from .dates import ms_date
from .lines import find_account, money
from .unitofwork import UnitOfWork

ACCOUNT_CLASS = {"BANK": "ASSET", "CURRENT": "ASSET", "FIXED": "ASSET", "INVENTORY": "ASSET", "NONCURRENT": "ASSET",
                 "PREPAYMENT": "ASSET", "CURRLIAB": "LIABILITY", "LIABILITY": "LIABILITY", "TERMLIAB": "LIABILITY",
                 "PAYG": "LIABILITY", "EQUITY": "EQUITY", "DEPRECIATN": "EXPENSE", "DIRECTCOSTS": "EXPENSE",
                 "EXPENSE": "EXPENSE", "OVERHEADS": "EXPENSE", "OTHERINCOME": "REVENUE", "REVENUE": "REVENUE",
                 "SALES": "REVENUE"}


def save_account(uow: UnitOfWork, raw: dict[str, Any],
                 existing: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    obj: dict[str, Any] = dict(existing) if existing else {
        "AccountID": uow.new_id(), "Status": "ACTIVE", "Description": "", "EnablePaymentsToAccount": False,
        "ShowInExpenseClaims": False, "HasAttachments": False, "AddToWatchlist": False}
    for f in ("Code", "Name", "Type", "Description", "TaxType", "EnablePaymentsToAccount", "ShowInExpenseClaims",
              "BankAccountNumber", "BankAccountType", "CurrencyCode", "ReportingCode", "AddToWatchlist", "Status"):
        if f in raw and raw[f] is not None:
            obj[f] = raw[f]
    if obj.get("Type") not in ACCOUNT_CLASS:
        errors.append("Account Type must be specified" if not obj.get("Type")
                      else f"'{obj['Type']}' is not a valid Account Type")
    else:
        obj["Class"] = ACCOUNT_CLASS[obj["Type"]]
    if obj.get("Type") == "BANK":
        obj.setdefault("BankAccountType", "BANK")
        if not obj.get("BankAccountNumber"):
            errors.append("Bank Account Number must be specified for bank accounts")
    elif not obj.get("Code"):
        errors.append("Please enter a Code for the account")
    if not obj.get("Name"):
        errors.append("Please enter a Name for the account")
    if obj.get("Code"):
        for other in uow.find_key("Accounts", str(obj["Code"])):
            if other["AccountID"] != obj["AccountID"] and other.get("Status") != "DELETED":
                errors.append("Please enter a unique Code.")
    if obj.get("TaxType") and uow.get("TaxRates", obj["TaxType"]) is None:
        errors.append(f"The TaxType code '{obj['TaxType']}' does not exist or cannot be used for this type of "
                      "transaction.")
    obj["UpdatedDateUTC"] = ms_date(uow.stamp())
    return obj, errors


def save_item(uow: UnitOfWork, raw: dict[str, Any],
              existing: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    obj = dict(existing) if existing else {"ItemID": uow.new_id(), "IsTrackedAsInventory": False,
                                           "IsSold": True, "IsPurchased": True}
    for f in ("Code", "Name", "Description", "PurchaseDescription", "IsSold", "IsPurchased"):
        if f in raw and raw[f] is not None:
            obj[f] = raw[f]
    if not obj.get("Code"):
        errors.append("Item code must be specified")
    else:
        for other in uow.find_key("Items", str(obj["Code"])):
            if other["ItemID"] != obj["ItemID"]:
                errors.append(f"Item code '{obj['Code']}' already exists")
    for side in ("SalesDetails", "PurchaseDetails"):
        if isinstance(raw.get(side), dict):
            details = {k: v for k, v in raw[side].items()
                       if k in ("UnitPrice", "AccountCode", "TaxType", "COGSAccountCode")}
            try:
                if details.get("UnitPrice") is not None:
                    details["UnitPrice"] = Decimal(str(details["UnitPrice"]))
            except InvalidOperation:
                errors.append("UnitPrice must be a number")
            if details.get("AccountCode") and find_account(uow, code=details["AccountCode"]) is None:
                errors.append(f"Account code '{details['AccountCode']}' is not a valid code for this document.")
            if details.get("TaxType") and uow.get("TaxRates", details["TaxType"]) is None:
                errors.append(f"The TaxType code '{details['TaxType']}' does not exist or cannot be used for this "
                              "type of transaction.")
            obj[side] = details
    obj["UpdatedDateUTC"] = ms_date(uow.stamp())
    return obj, errors


def save_tax_rate(uow: UnitOfWork, raw: dict[str, Any],
                  existing: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    if existing:
        obj = dict(existing)
    else:
        n = uow.counter("TAX") + 1
        uow.set_counter("TAX", n)
        obj = {"TaxType": raw.get("TaxType") or f"TAX{n:03d}", "Status": "ACTIVE", "ReportTaxType": "OUTPUT",
               "CanApplyToAssets": True, "CanApplyToEquity": True, "CanApplyToExpenses": True,
               "CanApplyToLiabilities": True, "CanApplyToRevenue": True}
    for f in ("Name", "Status", "ReportTaxType"):
        if raw.get(f) is not None:
            obj[f] = raw[f]
    if not obj.get("Name"):
        errors.append("Name is mandatory for a tax rate")
    if isinstance(raw.get("TaxComponents"), list):
        comps = []
        for c in raw["TaxComponents"]:
            try:
                comps.append({"Name": str(c.get("Name", "")), "Rate": Decimal(str(c.get("Rate", 0))),
                              "IsCompound": bool(c.get("IsCompound", False)),
                              "IsNonRecoverable": bool(c.get("IsNonRecoverable", False))})
            except (InvalidOperation, AttributeError):
                errors.append("Tax component rates must be numbers")
        obj["TaxComponents"] = comps
    elif not existing:
        errors.append("At least one tax component is required")
    rate = _effective_rate(obj.get("TaxComponents", []))
    obj["DisplayTaxRate"] = rate
    obj["EffectiveRate"] = rate
    if obj.get("Name"):
        for other in uow.find_key("TaxRates", str(obj["Name"])):
            if other["TaxType"] != obj["TaxType"] and other.get("Status") == "ACTIVE":
                errors.append("The tax rate name must be unique")
    return obj, errors


def _effective_rate(components: list[dict[str, Any]]) -> Decimal:
    """Simple components add up; a compound one applies on top of the others."""
    simple = sum((Decimal(str(c["Rate"])) for c in components if not c.get("IsCompound")), Decimal(0))
    compound = [Decimal(str(c["Rate"])) for c in components if c.get("IsCompound")]
    total = simple
    for r in compound:
        total = total + r * (100 + simple) / 100
    return money(total) if total != total.to_integral_value() else total.quantize(Decimal("0.0000"))


def save_tracking_category(uow: UnitOfWork, raw: dict[str, Any],
                           existing: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    obj = dict(existing) if existing else {"TrackingCategoryID": uow.new_id(), "Status": "ACTIVE", "Options": []}
    for f in ("Name", "Status"):
        if raw.get(f) is not None:
            obj[f] = raw[f]
    name = str(obj.get("Name") or "")
    if not name:
        errors.append("Tracking Category Name must be specified")
    for other in uow.find_key("TrackingCategories", name) if name else []:
        if other["TrackingCategoryID"] != obj["TrackingCategoryID"] and other.get("Status") != "DELETED":
            errors.append(f"The Tracking Category name '{name}' is already in use.")
    if not existing and obj["Status"] == "ACTIVE":
        active, _ = uow.store.query(uow.tenant, "TrackingCategories", statuses=["ACTIVE"])
        pending = [v for (c, _), v in uow.pending.items() if c == "TrackingCategories" and v.get("Status") == "ACTIVE"]
        if len({a["TrackingCategoryID"] for a in active + pending}) >= 2:
            errors.append("You can only have 2 active tracking categories.")
    return obj, errors


def add_tracking_option(uow: UnitOfWork, category: dict[str, Any],
                        raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    name = str(raw.get("Name") or "").strip()
    if not name:
        return {}, ["Tracking Option Name must be specified"]
    if any(o["Name"].lower() == name.lower() and o.get("Status") != "DELETED" for o in category.get("Options", [])):
        return {}, [f"The Tracking Option name '{name}' is already in use."]
    option = {"TrackingOptionID": uow.new_id(), "Name": name, "Status": "ACTIVE",
              "TrackingCategoryID": category["TrackingCategoryID"]}
    category.setdefault("Options", []).append(option)
    return option, []
