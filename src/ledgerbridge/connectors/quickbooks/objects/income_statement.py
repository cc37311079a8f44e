"""Income statements ← QBO's ProfitAndLoss report, for a period, fetched live."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping import report as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector


async def report(connector: QuickBooksConnector, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
    answer = await connector.client.report(mapping.PROFIT_AND_LOSS, mapping.period(start, end))
    return mapping.income_statement(answer, connector.context, start, end)


DECLARATION = ObjectDeclaration("income_statement", report=report)
