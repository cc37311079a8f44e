"""Financial reports: balance sheet, income statement, cash flow statement.

Reports are not rows a provider lists; they are computed for a period. Connectors fetch each provider's report
API for a set of periods during sync (see :data:`ledgerbridge.connectors.periods`) and store every report as a
record keyed by provider report + period, so list and retrieve work like any other object.

Panora's balance sheet lists ``assets``/``liabilities``/``equity`` as arrays of report-item ids; here they are
the report items themselves (``name``, ``value``, ``type``, ``parent_item``), nested as the provider groups them.
"""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
from ledgerbridge.unified.types import CurrencyCode, DateTime, Money


class ReportItem(UnifiedModel):
    """One row of a report: a section total or an account line."""

    name: str | None = None
    value: Money | None = None
    type: str | None = Field(default=None, description="The section: ASSETS, LIABILITIES, EQUITY, INCOME, "
                                                       "EXPENSES, OPERATING, INVESTING, FINANCING…")
    account_id: UUID | None = None
    parent_item: str | None = Field(default=None, description="Name of the section this row sits in.")
    remote_id: str | None = None


class BalanceSheet(UnifiedModel):
    name: str | None = None
    currency: CurrencyCode | None = None
    company_info_id: UUID | None = None
    date: DateTime | None = None
    net_assets: Money | None = None
    assets: list[ReportItem] = Field(default_factory=list)
    liabilities: list[ReportItem] = Field(default_factory=list)
    equity: list[ReportItem] = Field(default_factory=list)
    remote_generated_at: DateTime | None = None


class BalanceSheetOutput(BalanceSheet, RecordEnvelope):
    pass


class IncomeStatement(UnifiedModel):
    name: str | None = None
    currency: CurrencyCode | None = None
    company_info_id: UUID | None = None
    start_period: DateTime | None = None
    end_period: DateTime | None = None
    income: list[ReportItem] = Field(default_factory=list)
    cost_of_sales: list[ReportItem] = Field(default_factory=list)
    gross_profit: Money | None = None
    operating_expenses: list[ReportItem] = Field(default_factory=list)
    net_operating_income: Money | None = None
    non_operating_expenses: list[ReportItem] = Field(default_factory=list)
    net_income: Money | None = None
    remote_generated_at: DateTime | None = None


class IncomeStatementOutput(IncomeStatement, RecordEnvelope):
    pass


class CashFlowStatement(UnifiedModel):
    name: str | None = None
    currency: CurrencyCode | None = None
    company_info_id: UUID | None = None
    start_period: DateTime | None = None
    end_period: DateTime | None = None
    cash_at_beginning_of_period: Money | None = None
    cash_at_end_of_period: Money | None = None
    line_items: list[ReportItem] = Field(default_factory=list)
    remote_generated_at: DateTime | None = None


class CashFlowStatementOutput(CashFlowStatement, RecordEnvelope):
    pass
