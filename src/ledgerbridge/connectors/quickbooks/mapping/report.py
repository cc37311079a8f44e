"""QuickBooks' Balance Sheet, Profit and Loss and Cash Flow reports → the unified report objects, fetched live.

Pure: the parameters of a request (``as_at``, ``period``) and one mapper per report (the declarations are in
``objects/``).

A QBO report (``Report.xsd``) is ``Rows.Row``: ``Section`` rows with a ``group`` ("Income", "Expenses",
"OperatingActivities"…), a ``Header``, nested ``Rows`` and a ``Summary`` total; ``Data`` rows whose first
``ColData`` names the account (its ``id`` is the Account Id) and whose last holds the amount. Sections with only a
``Summary`` carry one figure ("GrossProfit", "NetIncome", "EndingCash"). A report's remote key is
``<ReportName>:<start>:<end>``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, key, money
from ledgerbridge.unified.report import BalanceSheet, CashFlowStatement, IncomeStatement, ReportItem

# QBO's names of the reports (``GET /reports/<name>``); also the first part of a report's remote key.
BALANCE_SHEET = "BalanceSheet"
PROFIT_AND_LOSS = "ProfitAndLoss"
CASH_FLOW = "CashFlow"
# Section group → unified section type.
_TYPES = {"TotalAssets": "ASSETS", "Liabilities": "LIABILITIES", "Equity": "EQUITY", "Income": "INCOME",
          "OtherIncome": "OTHER_INCOME", "COGS": "COST_OF_SALES", "Expenses": "EXPENSES",
          "OtherExpenses": "OTHER_EXPENSES", "OperatingActivities": "OPERATING",
          "InvestingActivities": "INVESTING", "FinancingActivities": "FINANCING"}


def as_at(end: dt.date | None) -> dict[str, str]:
    """Parameters of a balance sheet: QBO's also takes a period, but the unified one is "as at end", so its start is
    left to QBO."""
    return {"end_date": end.isoformat()} if end is not None else {}


def period(start: dt.date | None, end: dt.date | None) -> dict[str, str]:
    pairs = (("start_date", start), ("end_date", end))
    return {k: v.isoformat() for k, v in pairs if v is not None}


def _walk(rows: list[dict[str, Any]], kind: str | None, title: str | None, ctx: RefMaker,
          sections: dict[str, list[ReportItem]], figures: dict[str, Decimal | None]) -> None:
    for row in rows:
        group = row.get("group")
        if row.get("type") == "Section" or "Rows" in row or "Summary" in row:
            header = (row.get("Header") or {}).get("ColData") or []
            name = (header[0].get("value") if header else None) or title
            own = _TYPES.get(group or "", kind)
            summary = (row.get("Summary") or {}).get("ColData") or []
            inner = (row.get("Rows") or {}).get("Row") or []
            if not inner and summary:
                figures[group or summary[0].get("value", "")] = money(summary[-1].get("value") or None)
                continue
            _walk(inner, own, name, ctx, sections, figures)
            if summary and own is not None and kind is not None:  # a subsection's total, e.g. "Total Bank Accounts"
                sections.setdefault(own, []).append(ReportItem(
                    name=summary[0].get("value"), value=money(summary[-1].get("value") or None), type=own,
                    parent_item=title))
            if group and summary:
                figures[group] = money(summary[-1].get("value") or None)
            continue
        cells = row.get("ColData") or []
        if len(cells) < 2 or kind is None:
            continue
        account = cells[0].get("id") or None
        sections.setdefault(kind, []).append(ReportItem(
            name=cells[0].get("value"), value=money(cells[-1].get("value") or None), type=kind, parent_item=title,
            remote_id=account, account_id=ctx.ref("account", key("Account", account)) if account else None))


@dataclass(frozen=True)
class Report:
    """A QBO report read: its items by unified section type, its one-figure summaries by group, its header."""

    remote_key: str
    name: str | None
    currency: str | None
    generated: dt.datetime | None
    first: dt.datetime | None  # the period's first day, as an instant
    last: dt.datetime | None
    sections: dict[str, list[ReportItem]]
    figures: dict[str, Decimal | None]

    def items(self, *types: str) -> list[ReportItem]:
        return [item for kind in types for item in self.sections.get(kind, [])]


def read(report_name: str, remote: dict[str, Any], ctx: RefMaker, start: dt.date | None,
         end: dt.date | None) -> Report:
    header = remote.get("Header") or {}
    sections: dict[str, list[ReportItem]] = {}
    figures: dict[str, Decimal | None] = {}
    _walk((remote.get("Rows") or {}).get("Row") or [], None, None, ctx, sections, figures)
    return Report(
        remote_key=f"{header.get('ReportName') or report_name}:{start or ''}:{end or ''}",
        name=header.get("ReportName"),
        currency=header.get("Currency"),
        generated=_instant(header.get("Time")),
        first=_midnight(_day(header.get("StartPeriod")) or start),
        last=_midnight(_day(header.get("EndPeriod")) or end),
        sections=sections,
        figures=figures,
    )


def balance_sheet(remote: dict[str, Any], ctx: RefMaker, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
    report = read(BALANCE_SHEET, remote, ctx, start, end)
    assets, liabilities = report.figures.get("TotalAssets"), report.figures.get("Liabilities")
    data = BalanceSheet(
        name=report.name, currency=report.currency, date=report.last,
        net_assets=assets - liabilities if assets is not None and liabilities is not None else assets,
        assets=report.items("ASSETS"), liabilities=report.items("LIABILITIES"), equity=report.items("EQUITY"),
        remote_generated_at=report.generated)
    return RemoteRecord("balance_sheet", report.remote_key, report.remote_key, data, remote)


def income_statement(remote: dict[str, Any], ctx: RefMaker, start: dt.date | None,
                     end: dt.date | None) -> RemoteRecord:
    report = read(PROFIT_AND_LOSS, remote, ctx, start, end)
    data = IncomeStatement(
        name=report.name, currency=report.currency, start_period=report.first, end_period=report.last,
        income=report.items("INCOME", "OTHER_INCOME"), cost_of_sales=report.items("COST_OF_SALES"),
        gross_profit=report.figures.get("GrossProfit"), operating_expenses=report.items("EXPENSES"),
        net_operating_income=report.figures.get("NetOperatingIncome"),
        non_operating_expenses=report.items("OTHER_EXPENSES"), net_income=report.figures.get("NetIncome"),
        remote_generated_at=report.generated)
    return RemoteRecord("income_statement", report.remote_key, report.remote_key, data, remote)


def cash_flow_statement(remote: dict[str, Any], ctx: RefMaker, start: dt.date | None,
                        end: dt.date | None) -> RemoteRecord:
    report = read(CASH_FLOW, remote, ctx, start, end)
    data = CashFlowStatement(
        name=report.name, currency=report.currency, start_period=report.first, end_period=report.last,
        cash_at_beginning_of_period=report.figures.get("BeginningCash"),
        cash_at_end_of_period=report.figures.get("EndingCash"),
        line_items=report.items("OPERATING", "INVESTING", "FINANCING"), remote_generated_at=report.generated)
    return RemoteRecord("cash_flow_statement", report.remote_key, report.remote_key, data, remote)


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(day, dt.time(), dt.UTC) if day else None


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _instant(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
