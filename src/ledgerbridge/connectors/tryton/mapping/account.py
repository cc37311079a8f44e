"""Ledger accounts: Tryton ``account.account`` ⇄ the unified account. Pure.

Reads: the classification comes from the account type: assets → ASSET, revenue → REVENUE, expense (or any other
income-statement type) → EXPENSE, a balance-sheet type under a type named "Equity"/"Capital" → EQUITY, a type named
"Assets"/"… Assets" (or under one) → ASSET, any other balance-sheet type → LIABILITY.

Creates (checked in ``objects/account.py`` before the one ``create`` call):

- ``type`` is the name of one of the company's ``account.account.type`` records, as account reads show it
  ("Revenue", "Expenses", "Cash and Cash Equivalents"…), matched case-insensitively. It must agree with
  ``classification``. Without it the most general type of the classification is taken (:func:`default_type`):
  the flagged revenue/expense type for REVENUE/EXPENSE, else the type nearest the top of the chart of types
  ("Assets", "Liabilities", "Equity / capital" in Tryton's universal chart).
- ``account_number`` is the account's ``code``; ``parent_account`` its parent in the chart (default: the root).
- Receivable and payable types get ``reconcile`` and ``party_required``, as Tryton's own chart sets them.
- ``description`` is the account's ``note``; ``status`` INACTIVE creates it archived (``active`` false).
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key, nested
from ledgerbridge.unified.account import Account, AccountClassification, AccountInput
from ledgerbridge.unified.status import AccountStatus

FIELDS = ["name", "code", "type", "closed", "active", "parent", "balance", "currency.code", "note",
          "create_date", "write_date"]
TYPE_FIELDS = ["name", "parent", "statement", "assets", "receivable", "payable", "revenue", "expense", "sequence"]
# The flag a type of an income-statement classification carries; balance-sheet ones are taken by depth alone.
_FLAG = {AccountClassification.REVENUE: "revenue", AccountClassification.EXPENSE: "expense"}


def account_classification(type_id: int | None, types: dict[int, dict[str, Any]]) -> AccountClassification | None:
    kind = types.get(type_id) if type_id is not None else None
    if kind is None:
        return None
    if kind.get("revenue"):
        return AccountClassification.REVENUE
    if kind.get("expense"):
        return AccountClassification.EXPENSE
    if kind.get("statement") == "income":
        return AccountClassification.EXPENSE
    if kind.get("assets") or kind.get("receivable"):
        return AccountClassification.ASSET
    if kind.get("payable"):
        return AccountClassification.LIABILITY
    seen: set[int] = set()
    node: dict[str, Any] | None = kind
    while node is not None and node["id"] not in seen:
        seen.add(node["id"])
        name = str(node.get("name") or "").lower()
        if "equity" in name or "capital" in name:
            return AccountClassification.EQUITY
        # "Assets", "Current Assets", "Non-current Assets" (the universal chart flags only some with assets);
        # not "Liabilities and assets for current tax", which ends otherwise and sits under Liabilities.
        if name.startswith("asset") or name.endswith(" assets"):
            return AccountClassification.ASSET
        parent = node.get("parent")
        node = types.get(parent) if parent is not None else None
    if kind.get("statement") == "balance":
        return AccountClassification.LIABILITY
    return None


def to_unified(record: dict[str, Any], types: dict[int, dict[str, Any]], ref: RefFn) -> Account:
    type_id = record.get("type")
    kind = types.get(type_id) if type_id is not None else None
    return Account(
        name=record.get("name"),
        description=record.get("note") or None,
        classification=account_classification(type_id, types),
        type=kind.get("name") if kind else ("view" if record.get("closed") else None),
        status=AccountStatus.ACTIVE if record.get("active", True) and not record.get("closed") else
        AccountStatus.INACTIVE,
        current_balance=record.get("balance"),
        currency=nested(record, "currency.code"),
        account_number=record.get("code"),
        parent_account=ref("account", key(MODELS["account"], record.get("parent"))),
    )


def _depth(kind: dict[str, Any], types: dict[int, dict[str, Any]]) -> int:
    depth, seen, node = 0, set(), kind
    while node.get("parent") is not None and node["id"] not in seen:
        seen.add(node["id"])
        node = types.get(node["parent"]) or {"id": -1}
        depth += 1
    return depth


def default_type(classification: AccountClassification, types: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The most general type of ``classification``: never a root, a receivable or a payable type."""
    flag = _FLAG.get(classification)
    candidates = [
        kind for kind in types.values()
        if kind.get("parent") is not None and kind.get("statement") in ("balance", "income")
        and not kind.get("receivable") and not kind.get("payable")
        and account_classification(kind["id"], types) is classification
    ]
    candidates.sort(key=lambda kind: (not (flag and kind.get(flag)), _depth(kind, types),
                                      kind.get("sequence") or 0, kind["id"]))
    return candidates[0] if candidates else None


def find_type(name: str, types: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    wanted = name.strip().casefold()
    matches = sorted((kind for kind in types.values() if str(kind.get("name") or "").casefold() == wanted),
                     key=lambda kind: kind["id"])
    return matches[0] if matches else None


def to_remote(body: AccountInput, kind: dict[str, Any], *, company: int, parent: int | None,
              code: str | None) -> dict[str, Any]:
    """The ``account.account`` create values."""
    party_side = bool(kind.get("receivable") or kind.get("payable"))
    values: dict[str, Any] = {"name": body.name, "company": company, "type": kind["id"],
                              "reconcile": party_side, "party_required": party_side}
    if code is not None:
        values["code"] = code
    if parent is not None:
        values["parent"] = parent
    if body.description:
        values["note"] = body.description
    if body.status is AccountStatus.INACTIVE:
        values["active"] = False
    return values
