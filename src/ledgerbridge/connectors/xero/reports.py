"""Xero's Balance Sheet and Profit and Loss reports → unified balance sheet and income statement. Pure mapping
plus the parameters of each call.

A Xero report is rows of cells: ``Section`` rows titled "Assets", "Income", "Less Operating Expenses"…, each with
``Row``s (account name, amount; the first cell's ``Attributes`` carry the AccountID) and a ``SummaryRow`` total;
untitled sections hold one figure ("Net Assets", "Gross Profit", "Net Profit"). Xero has no cash flow statement
API, so that report is not supported here. A report's remote key is ``<ReportID>:<start>:<end>``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.mapping.common import RefMaker, lower_id, money, text
from ledgerbridge.unified.report import BalanceSheet, IncomeStatement, ReportItem

OPERATIONS = frozenset({"list", "retrieve"})
ENDPOINTS = {"balance_sheet": "BalanceSheet", "income_statement": "ProfitAndLoss"}
_SECTIONS = {"Assets": "ASSETS", "Liabilities": "LIABILITIES", "Equity": "EQUITY", "Income": "INCOME",
             "Less Cost of Sales": "COST_OF_SALES", "Plus Other Income": "OTHER_INCOME",
             "Less Operating Expenses": "EXPENSES"}


def params(object_name: str, start: dt.date | None, end: dt.date | None) -> dict[str, str]:
    if object_name == "balance_sheet":
        return {"date": end.isoformat()} if end else {}
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


def to_unified(object_name: str, remote: dict[str, Any], ctx: RefMaker, start: dt.date | None,
               end: dt.date | None, currency: str | None = None) -> RemoteRecord:
    report = (remote.get("Reports") or [{}])[0]
    sections, figures = _items(report, ctx)
    key = f"{report.get('ReportID')}:{start or ''}:{end or ''}"
    at = lambda d: dt.datetime.combine(d, dt.time(), dt.UTC) if d else None  # noqa: E731
    name = text(report.get("ReportName"))
    data: Any
    if object_name == "balance_sheet":
        data = BalanceSheet(name=name, currency=currency, date=at(end), net_assets=figures.get("Net Assets"),
                            assets=sections.get("ASSETS", []), liabilities=sections.get("LIABILITIES", []),
                            equity=sections.get("EQUITY", []))
    else:
        data = IncomeStatement(
            name=name, currency=currency, start_period=at(start), end_period=at(end),
            income=sections.get("INCOME", []) + sections.get("OTHER_INCOME", []),
            cost_of_sales=sections.get("COST_OF_SALES", []), gross_profit=figures.get("Gross Profit"),
            operating_expenses=sections.get("EXPENSES", []), net_income=figures.get("Net Profit"),
            net_operating_income=figures.get("Net Profit"))
    return RemoteRecord(object_name, key, key, data, remote)
