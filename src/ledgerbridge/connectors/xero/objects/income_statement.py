"""The income statement at Xero: ``GET /Reports/ProfitAndLoss`` for the period, fetched live."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.mapping import report as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def report(conn: XeroConnector, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
    body = await conn.client.report("ProfitAndLoss", mapping.income_statement_params(start, end))
    return mapping.income_statement_to_unified(body, conn.context, start, end)


DECLARATION = ObjectDeclaration(name="income_statement", report=report)
