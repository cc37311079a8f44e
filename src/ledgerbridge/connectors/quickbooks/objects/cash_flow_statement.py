"""Cash flow statements ← QBO's CashFlow report, for a period, fetched live."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping import report as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector


async def report(connector: QuickBooksConnector, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
    answer = await connector.client.report(mapping.CASH_FLOW, mapping.period(start, end))
    return mapping.cash_flow_statement(answer, connector.context, start, end)


DECLARATION = ObjectDeclaration("cash_flow_statement", report=report)
