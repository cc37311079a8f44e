"""Accounts ⇄ Moneybird ledger accounts.

``account_type`` gives the classification (assets → ASSET, liabilities → LIABILITY, equity, revenue and
other income → REVENUE, direct costs and expenses → EXPENSE); ``account_id`` is the account number. Creating one
needs an RGS code (the contract requires ``rgs_code``): ``field_mappings.rgs_code`` when given, else the RGS
main group of the classification.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.moneybird.mapping.common import RefMaker, ident, read_date, text
from ledgerbridge.unified.account import Account, AccountClassification, AccountInput
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.status import AccountStatus

CLASSIFICATION = {
    "non_current_assets": AccountClassification.ASSET, "current_assets": AccountClassification.ASSET,
    "equity": AccountClassification.EQUITY, "provisions": AccountClassification.LIABILITY,
    "non_current_liabilities": AccountClassification.LIABILITY,
    "current_liabilities": AccountClassification.LIABILITY, "revenue": AccountClassification.REVENUE,
    "other_income_expenses": AccountClassification.REVENUE, "direct_costs": AccountClassification.EXPENSE,
    "expenses": AccountClassification.EXPENSE,
}
ACCOUNT_TYPE = {
    AccountClassification.ASSET: "current_assets", AccountClassification.LIABILITY: "current_liabilities",
    AccountClassification.EQUITY: "equity", AccountClassification.REVENUE: "revenue",
    AccountClassification.EXPENSE: "expenses",
}
# RGS (Referentie GrootboekSchema) main groups: receivables, short-term debts, equity, turnover, operating costs.
RGS_CODE = {
    AccountClassification.ASSET: "BVor", AccountClassification.LIABILITY: "BSch",
    AccountClassification.EQUITY: "BEiv", AccountClassification.REVENUE: "WOmz",
    AccountClassification.EXPENSE: "WBed",
}


def to_unified(row: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    account = Account(
        name=text(row.get("name")),
        classification=CLASSIFICATION.get(str(row.get("account_type"))),
        type=text(row.get("account_type")),
        status=AccountStatus.ACTIVE if row.get("active", True) else AccountStatus.INACTIVE,
        account_number=text(row.get("account_id")),
        parent_account=ctx.ref("account", ident(row.get("parent_id"))),
    )
    return RemoteRecord(object="account", remote_key=str(row["id"]), remote_id=str(row["id"]), data=account,
                        remote_data=row, remote_updated_at=read_date(row.get("updated_at")))


def to_remote(body: AccountInput) -> dict[str, Any]:
    attrs: dict[str, Any] = {"name": body.name,
                             "account_type": body.field_mappings.get("account_type") or ACCOUNT_TYPE[
                                 body.classification]}
    if body.account_number:
        attrs["account_id"] = body.account_number
    if body.description:
        attrs["description"] = body.description
    return {"rgs_code": str(body.field_mappings.get("rgs_code") or RGS_CODE[body.classification]),
            "ledger_account": attrs}


def write_warnings(body: AccountInput) -> list[Warning_]:
    warnings = []
    for field in ("currency", "bank_account_number", "parent_account"):
        if getattr(body, field) is not None:
            warnings.append(Warning_(field=field, message=f"{field} is not sent to Moneybird"))
    return warnings
