"""QBO's ``/reports/BalanceSheet``, ``/reports/ProfitAndLoss`` and ``/reports/CashFlow``, computed from the realm's
stored transactions.

Every transaction is turned into balanced ledger postings (debit positive), the way QBO books it: an invoice debits
A/R and credits each line's income account (the item's ``IncomeAccountRef``) and Sales Tax Payable; a payment
debits its deposit account and credits A/R; a bill credits A/P; a purchase credits its paying account; a journal
entry posts its lines; credit memos and vendor credits reverse invoices and bills. Reports then sum postings per
account and group accounts by ``AccountType``, in QBO's Report shape (``Report.xsd``: Header, Columns, Rows of
Section rows with Header/Rows/Summary and Data rows of ColData). The cash flow statement is the indirect method:
net income, then the change of every other non-bank balance-sheet account, grouped into operating, investing
(fixed assets) and financing (long-term liabilities, equity), so it always reconciles to the bank accounts' change.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import errors
from .entities import ACCOUNT_CLASSIFICATION
from .sandbox import QuickBooksSandbox
from .wire import PACIFIC, dec, loads

ZERO = Decimal("0")
REPORTS = ("BalanceSheet", "ProfitAndLoss", "CashFlow")

# (group, title) in QBO's order; the group names are those of the recorded reports.
_ASSET_SECTIONS = [("Bank", "Bank Accounts"), ("AR", "Accounts Receivable"),
                   ("OtherCurrentAssets", "Other Current Assets"), ("FixedAssets", "Fixed Assets"),
                   ("OtherAssets", "Other Assets")]
_GROUP_OF_TYPE = {"Bank": "Bank", "Accounts Receivable": "AR", "Other Current Asset": "OtherCurrentAssets",
                  "Fixed Asset": "FixedAssets", "Other Asset": "OtherAssets", "Accounts Payable": "AP",
                  "Credit Card": "CreditCards", "Other Current Liability": "OtherCurrentLiabilities",
                  "Long Term Liability": "LongTermLiabilities", "Equity": "Equity", "Income": "Income",
                  "Other Income": "OtherIncome", "Cost of Goods Sold": "COGS", "Expense": "Expenses",
                  "Other Expense": "OtherExpenses"}


@dataclass(frozen=True)
class Posting:
    account: str
    day: dt.date
    amount: Decimal  # debit positive, credit negative


class Ledger:
    """The realm's accounts and its postings, read once per report."""

    def __init__(self, sb: QuickBooksSandbox, realm: str) -> None:
        self.accounts = {doc["Id"]: doc for doc in _docs(sb, realm, "Account")}
        items = {doc["Id"]: doc for doc in _docs(sb, realm, "Item")}
        info = sb.realm(realm)
        by_subtype = {doc.get("AccountSubType"): doc["Id"] for doc in self.accounts.values()}
        by_type = {doc.get("AccountType"): doc["Id"] for doc in reversed(list(self.accounts.values()))}
        self._ar = info.get("ar_account") or by_type.get("Accounts Receivable")
        self._ap = info.get("ap_account") or by_type.get("Accounts Payable")
        self._tax = by_subtype.get("SalesTaxPayable") or by_type.get("Other Current Liability")
        self._undeposited = by_subtype.get("UndepositedFunds") or by_type.get("Bank")
        self._income = by_type.get("Income")
        self._expense = by_type.get("Expense")
        self._items = items
        self.postings: list[Posting] = []
        for entity, sign in (("Invoice", 1), ("CreditMemo", -1)):
            for doc in _docs(sb, realm, entity):
                self._sale(doc, sign)
        for entity, sign in (("Bill", 1), ("VendorCredit", -1)):
            for doc in _docs(sb, realm, entity):
                self._purchase(doc, self._ap, sign)
        for doc in _docs(sb, realm, "Purchase"):
            self._purchase(doc, _ref(doc.get("AccountRef")) or self._undeposited, 1)
        for doc in _docs(sb, realm, "Payment"):
            amount = dec(doc.get("TotalAmt")) or ZERO
            self._post(doc, [(_ref(doc.get("DepositToAccountRef")) or self._undeposited, amount),
                             (_ref(doc.get("ARAccountRef")) or self._ar, -amount)])
        for doc in _docs(sb, realm, "JournalEntry"):
            lines = []
            for line in doc.get("Line") or []:
                detail = line.get("JournalEntryLineDetail") or {}
                amount = dec(line.get("Amount")) or ZERO
                lines.append((_ref(detail.get("AccountRef")), amount if detail.get("PostingType") == "Debit"
                              else -amount))
            self._post(doc, lines)

    def _sale(self, doc: dict[str, Any], sign: int) -> None:
        lines: list[tuple[str | None, Decimal]] = []
        for line in doc.get("Line") or []:
            if line.get("DetailType") not in ("SalesItemLineDetail", "DiscountLineDetail"):
                continue  # subtotals repeat other lines; descriptions carry no amount
            amount = dec(line.get("Amount")) or ZERO
            if line.get("DetailType") == "DiscountLineDetail":
                lines.append((self._income, amount * sign))
                continue
            item = self._items.get(_ref((line.get("SalesItemLineDetail") or {}).get("ItemRef")) or "") or {}
            lines.append((_ref(item.get("IncomeAccountRef")) or self._income, -amount * sign))
        tax = dec((doc.get("TxnTaxDetail") or {}).get("TotalTax")) or ZERO
        lines.append((self._tax, -tax * sign))
        lines.append((_ref(doc.get("ARAccountRef")) or self._ar, -sum((a for _, a in lines), ZERO)))
        self._post(doc, lines)

    def _purchase(self, doc: dict[str, Any], credit_account: str | None, sign: int) -> None:
        lines: list[tuple[str | None, Decimal]] = []
        for line in doc.get("Line") or []:
            amount = dec(line.get("Amount")) or ZERO
            if line.get("DetailType") == "AccountBasedExpenseLineDetail":
                account = _ref(line["AccountBasedExpenseLineDetail"].get("AccountRef"))
            elif line.get("DetailType") == "ItemBasedExpenseLineDetail":
                item = self._items.get(_ref(line["ItemBasedExpenseLineDetail"].get("ItemRef")) or "") or {}
                account = _ref(item.get("ExpenseAccountRef"))
            else:
                continue
            lines.append((account or self._expense, amount * sign))
        lines.append((credit_account, -sum((a for _, a in lines), ZERO)))
        self._post(doc, lines)

    def _post(self, doc: dict[str, Any], lines: list[tuple[str | None, Decimal]]) -> None:
        day = _day(doc.get("TxnDate"))
        if day is None:
            return
        for account, amount in lines:
            if account is not None and amount:
                self.postings.append(Posting(account, day, amount))

    def balances(self, start: dt.date | None, end: dt.date) -> dict[str, Decimal]:
        """Debit-positive sum per account of the postings dated ``start``..``end`` (from the beginning if None)."""
        out: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for p in self.postings:
            if (start is None or p.day >= start) and p.day <= end:
                out[p.account] += p.amount
        return out

    def kind(self, account: str) -> str:
        return ACCOUNT_CLASSIFICATION.get(self.accounts.get(account, {}).get("AccountType", ""), "Asset")

    def group(self, account: str) -> str:
        return _GROUP_OF_TYPE.get(self.accounts.get(account, {}).get("AccountType", ""), "OtherAssets")


def report(sb: QuickBooksSandbox, realm: str, name: str, params: dict[str, str]) -> dict[str, Any]:
    if name not in REPORTS:
        raise errors.unsupported_operation(f"reports/{name}")
    today = dt.datetime.fromtimestamp(sb.clock(), PACIFIC).date()
    start = _param(params, "start_date") or today.replace(month=1, day=1)
    end = _param(params, "end_date") or today
    if start > end:
        raise errors.QBOFault("2010", "Request has invalid or unsupported property",
                              "start_date is after end_date", "start_date")
    ledger = Ledger(sb, realm)
    currency = ((sb.store.realm_info(realm) or {}).get("currency")) or "USD"
    header = {"Time": dt.datetime.fromtimestamp(time.time(), PACIFIC).isoformat(timespec="seconds"),
              "ReportName": name, "ReportBasis": "Accrual", "StartPeriod": start.isoformat(),
              "EndPeriod": end.isoformat(), "SummarizeColumnsBy": "Total", "Currency": currency,
              "Option": [{"Name": "AccountingStandard", "Value": "GAAP"},
                         {"Name": "NoReportData", "Value": "false" if ledger.postings else "true"}]}
    builder = {"BalanceSheet": _balance_sheet, "ProfitAndLoss": _profit_and_loss, "CashFlow": _cash_flow}[name]
    return {"Header": header, "Columns": {"Column": [
        {"ColTitle": "", "ColType": "Account", "MetaData": [{"Name": "ColKey", "Value": "account"}]},
        {"ColTitle": "TOTAL", "ColType": "Money", "MetaData": [{"Name": "ColKey", "Value": "total"}]}]},
        "Rows": {"Row": builder(ledger, start, end)}}


# --- the three reports ----------------------------------------------------------------------------------------------

def _profit_and_loss(ledger: Ledger, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    period = ledger.balances(start, end)
    # Revenue is a credit balance: shown positive. Expenses are debit balances: shown positive.
    income = _section(ledger, period, "Income", "Income", -1)
    cogs = _section(ledger, period, "COGS", "Cost of Goods Sold", 1)
    gross = _total(income) - _total(cogs)
    expenses = _section(ledger, period, "Expenses", "Expenses", 1)
    operating = gross - _total(expenses)
    other_income = _section(ledger, period, "OtherIncome", "Other Income", -1)
    other_expenses = _section(ledger, period, "OtherExpenses", "Other Expenses", 1)
    net = operating + _total(other_income) - _total(other_expenses)
    rows = [income, cogs, _figure("GrossProfit", "Gross Profit", gross), expenses,
            _figure("NetOperatingIncome", "Net Operating Income", operating)]
    if other_income["Rows"]["Row"] or other_expenses["Rows"]["Row"]:
        rows += [other_income, other_expenses,
                 _figure("NetOtherIncome", "Net Other Income", _total(other_income) - _total(other_expenses))]
    return [*rows, _figure("NetIncome", "Net Income", net)]


def _balance_sheet(ledger: Ledger, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    to_date = ledger.balances(None, end)
    assets = [_section(ledger, to_date, group, title, 1) for group, title in _ASSET_SECTIONS]
    liabilities = [_section(ledger, to_date, group, title, -1) for group, title in (
        ("AP", "Accounts Payable"), ("CreditCards", "Credit Cards"),
        ("OtherCurrentLiabilities", "Other Current Liabilities"), ("LongTermLiabilities", "Long-Term Liabilities"))]
    equity = _section(ledger, to_date, "Equity", "Equity", -1)
    # Profit not yet closed into an equity account: QBO shows it as "Retained Earnings" (earlier years) and
    # "Net Income" (this fiscal year, here the calendar year of ``end``).
    year_start = end.replace(month=1, day=1)
    earnings = -sum((v for a, v in to_date.items() if ledger.kind(a) in ("Revenue", "Expense")), ZERO)
    this_year = -sum((v for a, v in ledger.balances(year_start, end).items()
                      if ledger.kind(a) in ("Revenue", "Expense")), ZERO)
    equity["Rows"]["Row"] += [_data("Retained Earnings", earnings - this_year), _data("Net Income", this_year)]
    equity["Summary"] = _summary("Total Equity", _sum_rows(equity))
    total_assets = sum((_total(s) for s in assets), ZERO)
    total_liabilities = sum((_total(s) for s in liabilities), ZERO)
    return [
        _wrap("TotalAssets", "ASSETS", "TOTAL ASSETS", [s for s in assets if s["Rows"]["Row"]], total_assets),
        _wrap("TotalLiabilitiesAndEquity", "LIABILITIES AND EQUITY", "TOTAL LIABILITIES AND EQUITY", [
            _wrap("Liabilities", "Liabilities", "Total Liabilities", [s for s in liabilities if s["Rows"]["Row"]],
                  total_liabilities), equity], total_liabilities + _total(equity)),
    ]


def _cash_flow(ledger: Ledger, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    period = ledger.balances(start, end)
    net = -sum((v for a, v in period.items() if ledger.kind(a) in ("Revenue", "Expense")), ZERO)
    by_activity: dict[str, list[dict[str, Any]]] = {"Operating": [], "Investing": [], "Financing": []}
    for account, change in sorted(period.items(), key=lambda kv: _name(ledger, kv[0])):
        if ledger.kind(account) in ("Revenue", "Expense") or ledger.group(account) == "Bank" or not change:
            continue
        group = ledger.group(account)
        activity = ("Investing" if group in ("FixedAssets", "OtherAssets") else
                    "Financing" if group in ("LongTermLiabilities", "Equity") else "Operating")
        # A debit increase of a non-cash account used cash: its cash effect is the opposite sign.
        by_activity[activity].append(_data(_name(ledger, account), -change, account))
    adjustments = _wrap("", "Adjustments to reconcile Net Income to Net Cash provided by operations:",
                        "Total Adjustments to reconcile Net Income to Net Cash provided by operations:", [],
                        sum((_value(r) for r in by_activity["Operating"]), ZERO))
    adjustments["Rows"]["Row"] = by_activity["Operating"]
    operating = _wrap("OperatingActivities", "OPERATING ACTIVITIES", "Net cash provided by operating activities",
                      [_data("Net Income", net), adjustments], net + _total(adjustments))
    investing = _activity("InvestingActivities", "INVESTING ACTIVITIES", "investing", by_activity["Investing"])
    financing = _activity("FinancingActivities", "FINANCING ACTIVITIES", "financing", by_activity["Financing"])
    change = _total(operating) + _total(investing) + _total(financing)
    banks = [a for a in ledger.accounts if ledger.group(a) == "Bank"]
    before = ledger.balances(None, start - dt.timedelta(days=1)) if start > type(start).min else {}
    beginning = sum((before.get(a, ZERO) for a in banks), ZERO)
    return [operating, investing, financing,
            _figure("CashIncrease", "NET CASH INCREASE FOR PERIOD", change),
            _figure("BeginningCash", "Cash at beginning of period", beginning),
            _figure("EndingCash", "CASH AT END OF PERIOD", beginning + change)]


# --- Report rows ----------------------------------------------------------------------------------------------------

def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}"


def _data(name: str, value: Decimal, account: str | None = None) -> dict[str, Any]:
    first: dict[str, Any] = {"value": name}
    if account is not None:
        first["id"] = account
    return {"ColData": [first, {"value": _amount(value)}], "type": "Data"}


def _summary(name: str, value: Decimal) -> dict[str, Any]:
    return {"ColData": [{"value": name}, {"value": _amount(value)}]}


def _value(row: dict[str, Any]) -> Decimal:
    cells = (row.get("Summary") or row)["ColData"]
    return Decimal(cells[-1]["value"] or "0")


def _total(section: dict[str, Any]) -> Decimal:
    return _value(section)


def _sum_rows(section: dict[str, Any]) -> Decimal:
    return sum((_value(r) for r in section["Rows"]["Row"]), ZERO)


def _name(ledger: Ledger, account: str) -> str:
    doc = ledger.accounts.get(account, {})
    return str(doc.get("FullyQualifiedName") or doc.get("Name") or account)


def _section(ledger: Ledger, balances: dict[str, Decimal], group: str, title: str, sign: int) -> dict[str, Any]:
    rows = [_data(_name(ledger, a), v * sign, a)
            for a, v in sorted(balances.items(), key=lambda kv: _name(ledger, kv[0]))
            if v and ledger.group(a) == group]
    section = _wrap(group, title, f"Total {title}", rows, ZERO)
    section["Summary"] = _summary(f"Total {title}", _sum_rows(section))
    return section


def _wrap(group: str, title: str, total_name: str, rows: list[dict[str, Any]], total: Decimal) -> dict[str, Any]:
    section: dict[str, Any] = {"Header": {"ColData": [{"value": title}, {"value": ""}]}, "Rows": {"Row": rows},
                               "Summary": _summary(total_name, total), "type": "Section"}
    if group:
        section["group"] = group
    return section


def _activity(group: str, title: str, word: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return _wrap(group, title, f"Net cash provided by {word} activities", rows,
                 sum((_value(r) for r in rows), ZERO))


def _figure(group: str, name: str, value: Decimal) -> dict[str, Any]:
    return {"Summary": _summary(name, value), "type": "Section", "group": group}


# --- helpers --------------------------------------------------------------------------------------------------------

def _docs(sb: QuickBooksSandbox, realm: str, entity: str) -> Iterator[dict[str, Any]]:
    for (data,) in sb.store.select("SELECT data FROM entities WHERE realm=? AND entity=? AND deleted=0 ORDER BY num",
                                   [realm, entity]):
        yield loads(data)


def _ref(ref: Any) -> str | None:
    return str(ref["value"]) if isinstance(ref, dict) and ref.get("value") not in (None, "") else None


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _param(params: dict[str, str], name: str) -> dt.date | None:
    if name not in params:
        return None
    day = _day(params[name])
    if day is None:
        raise errors.QBOFault("2010", "Request has invalid or unsupported property",
                              f"{name} is not a date (yyyy-MM-dd)", name)
    return day
