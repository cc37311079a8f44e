"""New ledger accounts (``account.account``) in the company's chart of accounts.

- ``type`` is the name of one of the company's ``account.account.type`` records, as account reads show it
  ("Revenue", "Expenses", "Cash and Cash Equivalents"…), matched case-insensitively. It must agree with
  ``classification`` (read back through :func:`mapping.account_classification`). Without it the most general type of
  the classification is taken: the flagged revenue/expense type for REVENUE/EXPENSE, else the type nearest the
  top of the chart of types ("Assets", "Liabilities", "Equity / capital" in Tryton's universal chart).
- ``account_number`` is the account's ``code``. Tryton does not keep codes unique, so a code already used in the
  company is refused here (422) rather than making two accounts nobody can tell apart.
- ``parent_account`` is the parent in the chart; without it the account goes under the root of the company's chart.
- Receivable and payable types get ``reconcile`` and ``party_required``, as Tryton's own chart sets them.
- ``description`` is the account's ``note``; ``status`` INACTIVE creates it archived (``active`` false).
- ``bank_account_number`` is not a ledger account's: Tryton keeps it on ``bank.account`` (declared unsupported,
  so it produces a warning).

Every check runs before the one ``create`` call, so a refused account leaves nothing in Tryton.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ledgerbridge.connectors.base import Refs
from ledgerbridge.connectors.tryton.mapping import account_classification
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.account import AccountClassification, AccountInput
from ledgerbridge.unified.status import AccountStatus

UNSUPPORTED = frozenset({"bank_account_number", "company_info_id"})
TYPE_FIELDS = ["name", "parent", "statement", "assets", "receivable", "payable", "revenue", "expense", "sequence"]
# The flag a type of an income-statement classification carries; balance-sheet ones are taken by depth alone.
_FLAG = {AccountClassification.REVENUE: "revenue", AccountClassification.EXPENSE: "expense"}


@dataclass(frozen=True)
class Checked:
    errors: list[FieldError]
    values: dict[str, Any]


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


async def check(rpc: Any, body: AccountInput, refs: Refs) -> Checked:
    """Every problem Tryton (or a duplicate code) would cause, and the create values when there is none."""
    errors: list[FieldError] = []
    ctx = await rpc.context()
    company = ctx["company"]
    types = {row["id"]: row for row in await rpc.search_read(
        "account.account.type", [("company", "=", company)], TYPE_FIELDS, order=[("id", "ASC")])}
    kind: dict[str, Any] | None
    if body.type:
        kind = find_type(body.type, types)
        if kind is None:
            errors.append(FieldError("type", (
                f"{body.type!r} is not an account type of this Tryton company's chart; give the name of a type as "
                "accounts show it (e.g. 'Revenue', 'Expenses'), or leave type out to take the classification's")))
        elif (found := account_classification(kind["id"], types)) is not body.classification:
            errors.append(FieldError("classification", (
                f"the Tryton type {kind['name']!r} is {found.value if found else 'unclassified'}, not "
                f"{body.classification.value}")))
    else:
        kind = default_type(body.classification, types)
        if kind is None:
            errors.append(FieldError("classification", (
                f"this Tryton company's chart has no account type for {body.classification.value}; give a type")))

    code = (body.account_number or "").strip() or None
    if code is not None:
        same = await rpc.model("account.account", "search_read", [("company", "=", company), ("code", "=", code)],
                               0, 1, None, ["rec_name"], context={"active_test": False})
        if same:
            errors.append(FieldError("account_number", (
                f"Tryton account {same[0]['rec_name']!r} already has code {code}; codes name one account")))

    parent: int | None = None
    if body.parent_account is not None:
        raw = refs.remote_id(body.parent_account)  # None: the service already named the unknown id
        found_parent = await rpc.model("account.account", "search_read", [
            ("id", "=", int(raw)), ("company", "=", company)], 0, 1, None, ["id"], context={"active_test": False},
        ) if raw is not None and raw.isdigit() else []
        if raw is not None and not found_parent:
            errors.append(FieldError("parent_account", "no such account in this Tryton company"))
        else:
            parent = int(found_parent[0]["id"])
    else:
        roots = await rpc.search_read("account.account", [("company", "=", company), ("parent", "=", None)],
                                      ["id"], order=[("id", "ASC")], limit=1)
        parent = int(roots[0]["id"]) if roots else None

    if body.currency is not None:
        currency = (await rpc.read("company.company", [company], ["currency.code"]))[0]
        company_currency = (currency.get("currency.") or {}).get("code")
        if body.currency != company_currency:
            errors.append(FieldError("currency", (
                f"Tryton keeps accounts in the company currency, {company_currency}")))
    if body.status is AccountStatus.PENDING:
        errors.append(FieldError("status", "a Tryton account is ACTIVE or INACTIVE"))
    if errors or kind is None:
        return Checked(errors, {})
    return Checked([], to_remote(body, kind, company=company, parent=parent, code=code))


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
