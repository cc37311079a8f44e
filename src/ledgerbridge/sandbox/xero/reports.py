"""``GET /Reports/BalanceSheet`` and ``GET /Reports/ProfitAndLoss``, computed from the tenant's own documents.

Every authorised document becomes double-entry postings (account, day, signed amount; debit positive):

    ACCREC invoice       Dr Accounts Receivable (Total)   Cr line accounts (net)   Cr GST (tax)
    ACCPAY invoice       Dr line accounts (net), Dr GST    Cr Accounts Payable (Total)
    credit notes         the reverse of their invoice type
    payments             Dr bank / Cr receivable (ACCRECPAYMENT), Dr payable / Cr bank (ACCPAYPAYMENT)
    bank transactions    SPEND: Dr lines, Dr GST, Cr bank;  RECEIVE: the reverse
    manual journals      LineAmount as it stands (POSTED only)

The balance sheet sums postings up to ``date`` per account of class ASSET/LIABILITY/EQUITY, with the year's
profit shown as "Current Year Earnings" so it balances; the profit and loss sums REVENUE/EXPENSE postings between
``fromDate`` and ``toDate``. Answers use Xero's Report shape (Header/Section/Row/SummaryRow rows of cells, cell
attributes carrying the AccountID), checked against the OpenAPI ``ReportWithRows`` schema in the tests.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from .dates import ms_date, parse_day
from .errors import not_found, single_validation
from .settings import ACCOUNT_CLASS
from .state import Store

Posting = tuple[str, date, Decimal]  # (AccountID, day, debit-positive amount)
_LIVE = ("AUTHORISED", "PAID")


def _net(line: dict[str, Any], amount_types: str) -> Decimal:
    amount, tax = Decimal(str(line.get("LineAmount") or 0)), Decimal(str(line.get("TaxAmount") or 0))
    return amount - tax if amount_types == "Inclusive" else amount


def _account_id(accounts: Mapping[str, dict[str, Any]], line: dict[str, Any]) -> str | None:
    if line.get("AccountID"):
        return str(line["AccountID"]).lower()
    code = str(line.get("AccountCode") or "")
    return next((a for a, acc in accounts.items() if str(acc.get("Code")) == code and code), None)


def _lines(doc: dict[str, Any], accounts: Mapping[str, dict[str, Any]], day: date, sign: int,
           tax_account: str | None) -> Iterator[Posting]:
    """Postings of a document's lines, ``sign`` +1 for debits (purchases), -1 for credits (sales)."""
    amount_types = str(doc.get("LineAmountTypes") or "Exclusive")
    for line in doc.get("LineItems") or []:
        account = _account_id(accounts, line)
        if account is not None:
            yield account, day, sign * _net(line, amount_types)
        tax = Decimal(str(line.get("TaxAmount") or 0))
        if tax and tax_account is not None:
            yield tax_account, day, sign * tax


def postings(store: Store, tenant: str, accounts: Mapping[str, dict[str, Any]]) -> Iterator[Posting]:
    system = {acc.get("SystemAccount"): a for a, acc in accounts.items() if acc.get("SystemAccount")}
    debtors, creditors, gst = system.get("DEBTORS"), system.get("CREDITORS"), system.get("GST")
    for coll in ("Invoices", "CreditNotes"):
        for doc in store.query(tenant, coll, statuses=list(_LIVE))[0]:
            day, total = parse_day(doc["Date"]), Decimal(str(doc.get("Total") or 0))
            # Sales invoices and supplier credits book their lines as credits; bills and customer credits as debits.
            sign = -1 if doc.get("Type") in ("ACCREC", "ACCPAYCREDIT") else 1
            control = debtors if doc.get("Type") in ("ACCREC", "ACCRECCREDIT") else creditors
            yield from _lines(doc, accounts, day, sign, gst)
            if control is not None:
                yield control, day, -sign * total
    for pay in store.query(tenant, "Payments", statuses=["AUTHORISED"])[0]:
        day, amount = parse_day(pay["Date"]), Decimal(str(pay.get("Amount") or 0))
        bank = str((pay.get("Account") or {}).get("AccountID") or "").lower()
        receipt = str(pay.get("PaymentType") or "").startswith("ACCREC")
        control = debtors if receipt else creditors
        sign = 1 if receipt else -1
        if bank:
            yield bank, day, sign * amount
        if control is not None:
            yield control, day, -sign * amount
    for tx in store.query(tenant, "BankTransactions", statuses=["AUTHORISED"])[0]:
        day, total = parse_day(tx["Date"]), Decimal(str(tx.get("Total") or 0))
        sign = 1 if tx.get("Type") == "SPEND" else -1
        yield from _lines(tx, accounts, day, sign, gst)
        yield str(tx["BankAccount"]["AccountID"]).lower(), day, -sign * total
    for mj in store.query(tenant, "ManualJournals", statuses=["POSTED"])[0]:
        day = parse_day(mj["Date"])
        for line in mj.get("JournalLines") or []:
            if (account := _account_id(accounts, line)) is not None:
                yield account, day, Decimal(str(line.get("LineAmount") or 0))


def _cell(value: str, account_id: str | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {"Value": value}
    if account_id:
        cell["Attributes"] = [{"Value": account_id, "Id": "account"}]
    return cell


def _section(title: str, rows: list[tuple[str, str | None, Decimal]], total_title: str) -> dict[str, Any]:
    body: list[dict[str, Any]] = [{"RowType": "Row", "Cells": [_cell(name, aid), _cell(f"{value:.2f}", aid)]}
                                  for name, aid, value in rows]
    total = sum((value for _, _, value in rows), Decimal("0.00"))
    body.append({"RowType": "SummaryRow", "Cells": [_cell(total_title), _cell(f"{total:.2f}")]})
    return {"RowType": "Section", "Title": title, "Rows": body}


def _by_class(accounts: Mapping[str, dict[str, Any]], sums: Mapping[str, Decimal],
              types: set[str], sign: int) -> list[tuple[str, str | None, Decimal]]:
    """(name, AccountID, amount) for accounts of the given Types with a balance; ``sign`` -1 shows credits
    (income, liabilities, equity) as positive figures, as Xero prints them."""
    return sorted(((str(acc.get("Name")), aid, sign * sums[aid]) for aid, acc in accounts.items()
                   if acc.get("Type") in types and sums.get(aid)), key=lambda r: r[0])


def _day(value: str | None, default: date) -> date:
    if not value:
        return default
    try:
        return parse_day(value)
    except (ValueError, TypeError):
        raise single_validation(f"'{value}' is not a valid date", {}) from None


def _types(cls: str) -> set[str]:
    return {t for t, c in ACCOUNT_CLASS.items() if c == cls}


def report(store: Store, tenant: str, name: str, query: Mapping[str, str]) -> dict[str, Any]:
    today = datetime.fromtimestamp(store.now(), UTC).date()
    accounts = {str(a["AccountID"]).lower(): a for a in store.query(tenant, "Accounts")[0]}
    org = store.get(tenant, "Organisations", tenant) or {}
    all_postings = list(postings(store, tenant, accounts))
    if name.lower() == "balancesheet":
        as_at = _day(query.get("date"), today)
        sums: dict[str, Decimal] = defaultdict(Decimal)
        for account, day, amount in all_postings:
            if day <= as_at:
                sums[account] += amount
        profit = -sum((sums[a] for a, acc in accounts.items() if acc.get("Class") in ("REVENUE", "EXPENSE")),
                      Decimal(0))
        assets = _by_class(accounts, sums, _types("ASSET"), 1)
        liabilities = _by_class(accounts, sums, _types("LIABILITY"), -1)
        equity = [*_by_class(accounts, sums, _types("EQUITY"), -1), ("Current Year Earnings", None, profit)]
        net = sum((v for *_, v in assets), Decimal(0)) - sum((v for *_, v in liabilities), Decimal(0))
        rows = [{"RowType": "Header", "Cells": [_cell(""), _cell(as_at.strftime("%d %b %Y"))]},
                _section("Assets", assets, "Total Assets"),
                _section("Liabilities", liabilities, "Total Liabilities"),
                {"RowType": "Section", "Title": "", "Rows": [
                    {"RowType": "Row", "Cells": [_cell("Net Assets"), _cell(f"{net:.2f}")]}]},
                _section("Equity", equity, "Total Equity")]
        titles, report_id, report_name = [f"As at {as_at:%d %B %Y}"], "BalanceSheet", "Balance Sheet"
        report_date = as_at
    elif name.lower() == "profitandloss":
        end = _day(query.get("toDate"), today)
        start = _day(query.get("fromDate"), end.replace(day=1))
        if start > end:
            raise single_validation("fromDate must be before toDate", {})
        sums = defaultdict(Decimal)
        for account, day, amount in all_postings:
            if start <= day <= end:
                sums[account] += amount
        income = _by_class(accounts, sums, {"REVENUE", "SALES"}, -1)
        cost = _by_class(accounts, sums, {"DIRECTCOSTS"}, 1)
        other = _by_class(accounts, sums, {"OTHERINCOME"}, -1)
        expenses = _by_class(accounts, sums, {"EXPENSE", "OVERHEADS", "DEPRECIATN"}, 1)
        total = lambda rows: sum((v for *_, v in rows), Decimal(0))  # noqa: E731
        gross = total(income) - total(cost)
        net = gross + total(other) - total(expenses)
        rows = [{"RowType": "Header", "Cells": [_cell(""), _cell(end.strftime("%d %b %Y"))]},
                _section("Income", income, "Total Income"),
                _section("Less Cost of Sales", cost, "Total Cost of Sales"),
                {"RowType": "Section", "Title": "", "Rows": [
                    {"RowType": "Row", "Cells": [_cell("Gross Profit"), _cell(f"{gross:.2f}")]}]},
                _section("Plus Other Income", other, "Total Other Income"),
                _section("Less Operating Expenses", expenses, "Total Operating Expenses"),
                {"RowType": "Section", "Title": "", "Rows": [
                    {"RowType": "Row", "Cells": [_cell("Net Profit"), _cell(f"{net:.2f}")]}]}]
        titles = [f"{start:%d %B %Y} to {end:%d %B %Y}"]
        report_id, report_name, report_date = "ProfitAndLoss", "Profit and Loss", end
    else:
        raise not_found()
    return {"Reports": [{
        "ReportID": report_id, "ReportName": report_name, "ReportType": report_id,
        "ReportTitles": [report_name, str(org.get("Name") or ""), *titles],
        "ReportDate": f"{report_date:%d %B %Y}", "UpdatedDateUTC": ms_date(int(store.now() * 1000)),
        "Fields": [], "Rows": rows,
    }]}

