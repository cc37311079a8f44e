"""QuickBooks' Balance Sheet, Profit and Loss and Cash Flow reports → the unified report objects, fetched live.

Pure: ``params`` for the request, ``to_unified`` for the answer (the declarations are in ``objects/``).

A QBO report (``Report.xsd``) is ``Rows.Row``: ``Section`` rows with a ``group`` ("Income", "Expenses",
"OperatingActivities"…), a ``Header``, nested ``Rows`` and a ``Summary`` total; ``Data`` rows whose first
``ColData`` names the account (its ``id`` is the Account Id) and whose last holds the amount. Sections with only a
``Summary`` carry one figure ("GrossProfit", "NetIncome", "EndingCash"). A report's remote key is
``<ReportName>:<start>:<end>``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, key, money
from ledgerbridge.unified.report import BalanceSheet, CashFlowStatement, IncomeStatement, ReportItem

ENDPOINTS = {"balance_sheet": "BalanceSheet", "income_statement": "ProfitAndLoss",
             "cash_flow_statement": "CashFlow"}
# Section group → unified section type.
_TYPES = {"TotalAssets": "ASSETS", "Liabilities": "LIABILITIES", "Equity": "EQUITY", "Income": "INCOME",
          "OtherIncome": "OTHER_INCOME", "COGS": "COST_OF_SALES", "Expenses": "EXPENSES",
          "OtherExpenses": "OTHER_EXPENSES", "OperatingActivities": "OPERATING",
          "InvestingActivities": "INVESTING", "FinancingActivities": "FINANCING"}


def params(object_name: str, start: dt.date | None, end: dt.date | None) -> dict[str, str]:
    # QBO's balance sheet also takes a period; the unified one is "as at end", so its start is left to QBO.
    pairs = (("end_date", end),) if object_name == "balance_sheet" else (("start_date", start), ("end_date", end))
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


def to_unified(object_name: str, remote: dict[str, Any], ctx: RefMaker, start: dt.date | None,
               end: dt.date | None, currency: str | None = None) -> RemoteRecord:
    header = remote.get("Header") or {}
    sections: dict[str, list[ReportItem]] = {}
    figures: dict[str, Decimal | None] = {}
    _walk((remote.get("Rows") or {}).get("Row") or [], None, None, ctx, sections, figures)
    first = _day(header.get("StartPeriod")) or start
    last = _day(header.get("EndPeriod")) or end
    remote_key = f"{header.get('ReportName') or ENDPOINTS[object_name]}:{start or ''}:{end or ''}"
    at = lambda d: dt.datetime.combine(d, dt.time(), dt.UTC) if d else None  # noqa: E731
    name = header.get("ReportName")
    currency = currency or header.get("Currency")
    generated = _instant(header.get("Time"))
    data: Any
    if object_name == "balance_sheet":
        data = BalanceSheet(name=name, currency=currency, date=at(last), net_assets=figures.get("TotalAssets"),
                            assets=sections.get("ASSETS", []), liabilities=sections.get("LIABILITIES", []),
                            equity=sections.get("EQUITY", []), remote_generated_at=generated)
        if figures.get("TotalAssets") is not None and figures.get("Liabilities") is not None:
            data.net_assets = figures["TotalAssets"] - figures["Liabilities"]  # type: ignore[operator]
    elif object_name == "income_statement":
        data = IncomeStatement(
            name=name, currency=currency, start_period=at(first), end_period=at(last),
            income=sections.get("INCOME", []) + sections.get("OTHER_INCOME", []),
            cost_of_sales=sections.get("COST_OF_SALES", []), gross_profit=figures.get("GrossProfit"),
            operating_expenses=sections.get("EXPENSES", []), net_operating_income=figures.get("NetOperatingIncome"),
            non_operating_expenses=sections.get("OTHER_EXPENSES", []), net_income=figures.get("NetIncome"),
            remote_generated_at=generated)
    else:
        data = CashFlowStatement(
            name=name, currency=currency, start_period=at(first), end_period=at(last),
            cash_at_beginning_of_period=figures.get("BeginningCash"),
            cash_at_end_of_period=figures.get("EndingCash"),
            line_items=sections.get("OPERATING", []) + sections.get("INVESTING", []) + sections.get("FINANCING", []),
            remote_generated_at=generated)
    return RemoteRecord(object_name, remote_key, remote_key, data, remote)


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
