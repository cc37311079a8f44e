"""Xero's Balance Sheet and Profit and Loss reports → unified balance sheet and income statement. Pure.

A Xero report is rows of cells: ``Section`` rows titled "Assets", "Income", "Less Operating Expenses"…, each with
``Row``s (account name, amount; the first cell's ``Attributes`` carry the AccountID) and a ``SummaryRow`` total;
untitled sections hold one figure ("Net Assets", "Gross Profit", "Net Profit"). Xero has no cash flow statement
API, so that report is not supported. A report's remote key is ``<ReportID>:<start>:<end>``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.mapping.common import RefMaker, lower_id, money, text
from ledgerbridge.unified.report import BalanceSheet, IncomeStatement, ReportItem

_SECTIONS = {"Assets": "ASSETS", "Liabilities": "LIABILITIES", "Equity": "EQUITY", "Income": "INCOME",
             "Less Cost of Sales": "COST_OF_SALES", "Plus Other Income": "OTHER_INCOME",
             "Less Operating Expenses": "EXPENSES"}


def balance_sheet_params(end: dt.date | None) -> dict[str, str]:
    """``GET /Reports/BalanceSheet`` is as at one date (Xero's default: today)."""
    return {"date": end.isoformat()} if end else {}


def income_statement_params(start: dt.date | None, end: dt.date | None) -> dict[str, str]:
    return {k: v.isoformat() for k, v in (("fromDate", start), ("toDate", end)) if v is not None}


def _items(report: dict[str, Any], ctx: RefMaker) -> tuple[dict[str, list[ReportItem]], dict[str, Decimal | None]]:
    """Account rows per section, and the untitled sections' single figures by name."""
    sections: dict[str, list[ReportItem]] = {}
    figures: dict[str, Decimal | None] = {}
    for section in report.get("Rows") or []:
        if section.get("RowType") != "Section":
            continue
        title = text(section.get("Title"))
        for row in section.get("Rows") or []:
            cells = row.get("Cells") or []
            if len(cells) < 2:
                continue
            name, value = text(cells[0].get("Value")), money(cells[-1].get("Value"))
            if title is None:
                figures[name or ""] = value
                continue
            attrs = cells[0].get("Attributes") or []
            account = next((lower_id(a.get("Value")) for a in attrs if a.get("Id") == "account"), None)
            kind = _SECTIONS.get(title, title.upper())
            if row.get("RowType") == "SummaryRow":
                figures[name or ""] = value
            sections.setdefault(kind, []).append(ReportItem(
                name=name, value=value, type=kind, parent_item=title, remote_id=account,
                account_id=ctx.ref("account", account)))
    return sections, figures


def _report(remote: dict[str, Any]) -> dict[str, Any]:
    return dict((remote.get("Reports") or [{}])[0])


def _key(report: dict[str, Any], start: dt.date | None, end: dt.date | None) -> str:
    return f"{report.get('ReportID')}:{start or ''}:{end or ''}"


def _at(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(day, dt.time(), dt.UTC) if day else None


def balance_sheet_to_unified(remote: dict[str, Any], ctx: RefMaker, start: dt.date | None, end: dt.date | None,
                             currency: str | None = None) -> RemoteRecord:
    report = _report(remote)
    sections, figures = _items(report, ctx)
    data = BalanceSheet(name=text(report.get("ReportName")), currency=currency, date=_at(end),
                        net_assets=figures.get("Net Assets"), assets=sections.get("ASSETS", []),
                        liabilities=sections.get("LIABILITIES", []), equity=sections.get("EQUITY", []))
    key = _key(report, start, end)
    return RemoteRecord("balance_sheet", key, key, data, remote)


def income_statement_to_unified(remote: dict[str, Any], ctx: RefMaker, start: dt.date | None, end: dt.date | None,
                                currency: str | None = None) -> RemoteRecord:
    report = _report(remote)
    sections, figures = _items(report, ctx)
    data = IncomeStatement(
        name=text(report.get("ReportName")), currency=currency, start_period=_at(start), end_period=_at(end),
        income=sections.get("INCOME", []) + sections.get("OTHER_INCOME", []),
        cost_of_sales=sections.get("COST_OF_SALES", []), gross_profit=figures.get("Gross Profit"),
        operating_expenses=sections.get("EXPENSES", []), net_income=figures.get("Net Profit"),
        net_operating_income=figures.get("Net Profit"))
    key = _key(report, start, end)
    return RemoteRecord("income_statement", key, key, data, remote)
