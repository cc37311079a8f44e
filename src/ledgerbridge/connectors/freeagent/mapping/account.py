"""Accounts ⇄ FreeAgent categories (its chart of accounts), keyed by nominal code.

``GET /categories`` answers the chart in lists — income, cost of sales, admin expenses, and the general
categories (assets, liabilities, equity) — which say the classification; a general category's group, or else its
nominal code range (FreeAgent's 6xx–7xx assets, 8xx liabilities, 9xx equity), says which of the three it is.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import day, text
from ledgerbridge.unified.account import Account, AccountClassification
from ledgerbridge.unified.status import AccountStatus

LISTS = {"income_categories": AccountClassification.REVENUE,
         "cost_of_sales_categories": AccountClassification.EXPENSE,
         "admin_expenses_categories": AccountClassification.EXPENSE}
GROUPS = {"current_assets": AccountClassification.ASSET, "fixed_assets": AccountClassification.ASSET,
          "liabilities": AccountClassification.LIABILITY, "current_liabilities": AccountClassification.LIABILITY,
          "equities": AccountClassification.EQUITY, "equity": AccountClassification.EQUITY}


def classification(list_name: str, remote: dict[str, Any]) -> AccountClassification:
    if list_name in LISTS:
        return LISTS[list_name]
    group = GROUPS.get(str(remote.get("category_group") or ""))
    if group is not None:
        return group
    code = int(str(remote.get("nominal_code") or "0") or 0)
    if code >= 900:
        return AccountClassification.EQUITY
    return AccountClassification.LIABILITY if code >= 800 else AccountClassification.ASSET


#: FreeAgent's nominal code ranges, for a category read on its own (``GET /categories/{code}`` names no list)
RANGES = ((100, "income_categories"), (200, "cost_of_sales_categories"), (600, "admin_expenses_categories"))
GROUP_LISTS = {"income": "income_categories", "cost_of_sales": "cost_of_sales_categories",
               "admin_expenses": "admin_expenses_categories"}


def list_of(remote: dict[str, Any]) -> str:
    """The list ``GET /categories`` answers a category in."""
    group = str(remote.get("category_group") or "")
    if group in GROUP_LISTS:
        return GROUP_LISTS[group]
    if group:
        return "general_categories"
    code = int(str(remote.get("nominal_code") or "0") or 0)
    return next((name for bound, name in RANGES if code < bound), "general_categories")


def to_unified(remote: dict[str, Any], list_name: str) -> RemoteRecord:
    code = str(remote["nominal_code"])
    account = Account(
        name=text(remote.get("description")),
        description=text(remote.get("tax_reporting_name")),
        classification=classification(list_name, remote),
        type=list_name.removesuffix("_categories").upper(),
        status=AccountStatus.ACTIVE,
        account_number=code,
    )
    return RemoteRecord(object="account", remote_key=code, remote_id=code, data=account,
                        remote_data={**remote, "list": list_name}, remote_updated_at=day(remote.get("updated_at")))
