"""Accounts ⇄ Business Central ``accounts`` (the chart; its category gives the classification)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, record, text
from ledgerbridge.unified.account import Account, AccountClassification
from ledgerbridge.unified.status import AccountStatus

_CLASSIFICATION = {"Assets": AccountClassification.ASSET, "Liabilities": AccountClassification.LIABILITY,
                   "Equity": AccountClassification.EQUITY, "Income": AccountClassification.REVENUE,
                   "CostOfGoodsSold": AccountClassification.EXPENSE, "Expense": AccountClassification.EXPENSE}


def to_unified(entity_set: str, row: dict[str, Any], ctx: RefMaker, lookup: Any = None) -> RemoteRecord:
    return record("account", row, Account(
        name=text(row.get("displayName")),
        classification=_CLASSIFICATION.get(str(row.get("category")), AccountClassification.EXPENSE),
        type=text(row.get("subCategory")),
        status=AccountStatus.INACTIVE if row.get("blocked") else AccountStatus.ACTIVE,
        account_number=text(row.get("number")),
    ))
