"""Reports: Tryton's Balance Sheet and Income Statement → the unified reports, computed by Tryton for a period. Pure.

Tryton's reports are its account-type tree (``account.account.type``) read with a date context: the balance sheet is
the top types of the ``balance`` statement (Assets, Liabilities, Equity — which holds the current period's profit),
the income statement the top types of the ``income`` statement. Tryton sums each type's ``amount`` itself; the
rows under it are its accounts' own debit and credit (``account.account`` read with the same context), so every
figure here is one Tryton computed. Only posted moves count (Tryton's "Posted Moves" option), as in the reports
of QuickBooks and Xero. A balance sheet is as at ``end`` (every posted move up to that day); an income statement
covers ``start``..``end``.

Signs are the reader's, not the ledger's: assets are debit balances, liabilities, equity, income and net income
credit balances, expenses debit balances; each positive when normal. Rows are account rows (``remote_id`` and
``account_id`` set; they add up to their section) and, on the balance sheet, the type subtotals (no ``remote_id``;
``name`` is the type, ``parent_item`` its parent type). Income-statement sections follow the type tree: accounts
under a "non-operating" (or "irregular") type are non-operating expenses (gains negative), revenue-type accounts
income, types named "cost of sales" / "cost of goods" cost of sales, and every other account operating expenses.

Tryton keeps no cash flow statement, so that report is not offered (a 400 naming tryton, as for Xero).
A report's remote key is ``<report>:<start>:<end>``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key, to_instant
from ledgerbridge.unified.report import BalanceSheet, IncomeStatement, ReportItem

TYPE_FIELDS = ["name", "parent", "statement", "assets", "revenue", "sequence", "amount"]
ACCOUNT_FIELDS = ["name", "code", "type", "debit_type", "credit_type", "debit", "credit"]


@dataclass(frozen=True)
class Ledger:
    """What Tryton computed under a report context: the company's account types (each with its ``amount``) and
    its accounts (each with its ``debit`` and ``credit``)."""

    types: list[dict[str, Any]]
    accounts: list[dict[str, Any]]
    currency: str | None
    company: int | None


def context(start: dt.date | None, end: dt.date) -> dict[str, Any]:
    """The context Tryton's own report windows set: a date range (no start: as at ``end``), posted moves only."""
    return {"posted": True, "from_date": start, "to_date": end}


@dataclass(frozen=True)
class Tree:
    """The company's account types, by id, with their parent links."""

    types: dict[int, dict[str, Any]]

    def parent(self, type_id: int) -> dict[str, Any] | None:
        parent = self.types[type_id].get("parent")
        return self.types.get(parent) if parent is not None else None

    def ancestors(self, type_id: int) -> Iterable[dict[str, Any]]:
        """The type itself, then each parent up to the root."""
        seen: set[int] = set()
        node: dict[str, Any] | None = self.types.get(type_id)
        while node is not None and node["id"] not in seen:
            seen.add(node["id"])
            yield node
            node = self.parent(node["id"])

    def tops(self, statement: str) -> list[dict[str, Any]]:
        """Tryton's report roots: types of ``statement`` whose parent is of another statement (or none)."""
        roots = [t for t in self.types.values() if t.get("statement") == statement
                 and ((p := self.parent(t["id"])) is None or p.get("statement") != statement)]
        return sorted(roots, key=lambda t: (t.get("sequence") or 0, t["id"]))

    def top_of(self, type_id: int | None, tops: list[dict[str, Any]]) -> dict[str, Any] | None:
        wanted = {t["id"] for t in tops}
        if type_id is None:
            return None
        return next((t for t in self.ancestors(type_id) if t["id"] in wanted), None)


def raw_amount(node: dict[str, Any]) -> Decimal:
    """A type's credit − debit: Tryton's ``amount`` turns it round for balance types flagged as assets."""
    amount = node.get("amount") or Decimal(0)
    return -amount if node.get("statement") == "balance" and node.get("assets") else amount


def account_type(account: dict[str, Any]) -> int | None:
    """The type an account's balance falls under (Tryton's debit_type / credit_type switch on the sign)."""
    balance = (account.get("credit") or Decimal(0)) - (account.get("debit") or Decimal(0))
    if balance < 0 and account.get("debit_type") is not None:
        return int(account["debit_type"])
    if balance > 0 and account.get("credit_type") is not None:
        return int(account["credit_type"])
    return account.get("type")


def _credit_balance(account: dict[str, Any]) -> Decimal:
    return (account.get("credit") or Decimal(0)) - (account.get("debit") or Decimal(0))


def _account_name(account: dict[str, Any]) -> str | None:
    code, name = account.get("code"), account.get("name")
    return f"{code} - {name}" if code and name else name


def balance_section(top: dict[str, Any]) -> str:
    name = str(top.get("name") or "").lower()
    if top.get("assets") or "asset" in name:
        return "ASSETS"
    if "equity" in name or "capital" in name:
        return "EQUITY"
    return "LIABILITIES"


def balance_sheet(types: list[dict[str, Any]], accounts: list[dict[str, Any]], *, end: dt.date,
                  currency: str | None, company: int | None, ref: RefFn) -> BalanceSheet:
    tree = Tree({t["id"]: t for t in types})
    tops = tree.tops("balance")
    sections: dict[str, list[ReportItem]] = {"ASSETS": [], "LIABILITIES": [], "EQUITY": []}
    sign = {"ASSETS": Decimal(-1), "LIABILITIES": Decimal(1), "EQUITY": Decimal(1)}
    for top in tops:
        section = balance_section(top)
        # Subtotals: the top type and each type below it that holds something, parents before children.
        for node in _depth_first(tree, top):
            value = sign[section] * raw_amount(node)
            if value or node is top:
                parent = tree.parent(node["id"])
                sections[section].append(ReportItem(
                    name=node.get("name"), value=value, type=section,
                    parent_item=parent.get("name") if parent is not None and node is not top else None))
    for account in sorted(accounts, key=lambda a: (a.get("code") or "", a["id"])):
        balance = _credit_balance(account)
        type_id = account_type(account)
        account_top = tree.top_of(type_id, tops)
        if account_top is None or not balance:
            continue
        section = balance_section(account_top)
        sections[section].append(_account_item(account, sign[section] * balance, section,
                                                tree.types[type_id].get("name") if type_id else None, ref))
    total = {name: sum((i.value or Decimal(0) for i in items if i.remote_id), Decimal(0))
             for name, items in sections.items()}
    return BalanceSheet(
        name="Balance Sheet", currency=currency, date=to_instant(end),
        company_info_id=ref("company_info", key(MODELS["company_info"], company)),
        net_assets=total["ASSETS"] - total["LIABILITIES"],
        assets=sections["ASSETS"], liabilities=sections["LIABILITIES"], equity=sections["EQUITY"],
        remote_generated_at=dt.datetime.now(dt.UTC),
    )


def income_section(tree: Tree, type_id: int, top: dict[str, Any]) -> str:
    chain = []
    for node in tree.ancestors(type_id):
        if node is top:
            break
        chain.append(node)
    names = [str(node.get("name") or "").lower() for node in chain]
    if any("non-operating" in n or "non operating" in n or "irregular" in n for n in names):
        return "NON_OPERATING_EXPENSES"
    if tree.types[type_id].get("revenue"):
        return "INCOME"
    if any("cost of sales" in n or "cost of goods" in n for n in names):
        return "COST_OF_SALES"
    return "EXPENSES"


def income_statement(types: list[dict[str, Any]], accounts: list[dict[str, Any]], *, start: dt.date | None,
                     end: dt.date, currency: str | None, company: int | None, ref: RefFn) -> IncomeStatement:
    tree = Tree({t["id"]: t for t in types})
    tops = tree.tops("income")
    sections: dict[str, list[ReportItem]] = {
        "INCOME": [], "COST_OF_SALES": [], "EXPENSES": [], "NON_OPERATING_EXPENSES": []}
    for account in sorted(accounts, key=lambda a: (a.get("code") or "", a["id"])):
        balance = _credit_balance(account)
        type_id = account_type(account)
        top = tree.top_of(type_id, tops)
        if top is None or type_id is None or not balance:
            continue
        section = income_section(tree, type_id, top)
        value = balance if section == "INCOME" else -balance
        sections[section].append(_account_item(account, value, section, tree.types[type_id].get("name"), ref))

    def total(name: str) -> Decimal:
        return sum((i.value or Decimal(0) for i in sections[name]), Decimal(0))

    gross = total("INCOME") - total("COST_OF_SALES")
    operating = gross - total("EXPENSES")
    return IncomeStatement(
        name="Income Statement", currency=currency, start_period=to_instant(start), end_period=to_instant(end),
        company_info_id=ref("company_info", key(MODELS["company_info"], company)),
        income=sections["INCOME"], cost_of_sales=sections["COST_OF_SALES"], gross_profit=gross,
        operating_expenses=sections["EXPENSES"], net_operating_income=operating,
        non_operating_expenses=sections["NON_OPERATING_EXPENSES"],
        # Tryton's own figure: the amount of the income statement's top types (credit − debit, profit positive).
        net_income=sum((raw_amount(top) for top in tops), Decimal(0)),
        remote_generated_at=dt.datetime.now(dt.UTC),
    )


def _account_item(account: dict[str, Any], value: Decimal, section: str, parent: str | None,
                  ref: RefFn) -> ReportItem:
    return ReportItem(name=_account_name(account), value=value, type=section, parent_item=parent,
                      remote_id=str(account["id"]), account_id=ref("account", key(MODELS["account"], account["id"])))


def _depth_first(tree: Tree, top: dict[str, Any]) -> list[dict[str, Any]]:
    children: dict[int, list[dict[str, Any]]] = {}
    for node in tree.types.values():
        if node.get("parent") is not None:
            children.setdefault(node["parent"], []).append(node)
    out: list[dict[str, Any]] = []

    def visit(node: dict[str, Any]) -> None:
        out.append(node)
        for child in sorted(children.get(node["id"], []), key=lambda t: (t.get("sequence") or 0, t["id"])):
            visit(child)

    visit(top)
    return out


def to_record(object_name: str, data: BalanceSheet | IncomeStatement, *, start: dt.date | None, end: dt.date,
              types: list[dict[str, Any]], accounts: list[dict[str, Any]]) -> RemoteRecord:
    """A computed report as a record; what Tryton answered (its context, types and used accounts) as remote data."""
    remote_key = f"{object_name}:{start or ''}:{end}"
    remote = {"context": context(start, end), "types": types,
              "accounts": [a for a in accounts if a.get("debit") or a.get("credit")]}
    return RemoteRecord(object_name, remote_key, remote_key, data, remote)
