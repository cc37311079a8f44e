"""Balance sheets ← QBO's BalanceSheet report, as at a date, fetched live."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping import report as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector


async def report(connector: QuickBooksConnector, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
    answer = await connector.client.report(mapping.BALANCE_SHEET, mapping.as_at(end))
    return mapping.balance_sheet(answer, connector.context, start, end)


DECLARATION = ObjectDeclaration("balance_sheet", report=report)
