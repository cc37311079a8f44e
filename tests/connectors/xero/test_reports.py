"""The Xero connector's live reports: the sandbox's Balance Sheet and Profit and Loss (contract-checked by the
env's transport) mapped to the unified balance sheet and income statement."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerbridge.errors import NotSupported
from tests.connectors.xero.test_sandbox import Env, env  # noqa: F401  (fixture)


async def test_balance_sheet_and_income_statement(env: Env) -> None:  # noqa: F811
    sheet = await env.connector.report("balance_sheet", start=None, end=dt.date(2031, 1, 1))
    data = sheet.data
    assert data.assets and data.net_assets is not None
    totals = {i.name: i.value for i in data.equity}
    assert totals["Total Equity"] == data.net_assets  # the sandbox's books balance
    assert any(i.account_id is not None for i in data.assets)
    pnl = await env.connector.report("income_statement", start=dt.date(2000, 1, 1), end=dt.date(2031, 1, 1))
    income = {i.name: i.value for i in pnl.data.income}
    assert income["Total Income"] > 0
    assert pnl.data.net_income == income["Total Income"] - sum(
        (i.value for i in pnl.data.operating_expenses if i.name == "Total Operating Expenses"), Decimal(0))
    assert pnl.remote_key == "ProfitAndLoss:2000-01-01:2031-01-01"


async def test_cash_flow_is_not_supported(env: Env) -> None:  # noqa: F811
    with pytest.raises(NotSupported):
        await env.connector.report("cash_flow_statement", start=None, end=None)
