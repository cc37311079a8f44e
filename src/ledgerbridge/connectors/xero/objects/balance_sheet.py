"""The balance sheet at Xero: ``GET /Reports/BalanceSheet`` as at the period's end, fetched live."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.xero.mapping import report as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def report(conn: XeroConnector, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
    body = await conn.client.report("BalanceSheet", mapping.balance_sheet_params(end))
    return mapping.balance_sheet_to_unified(body, conn.context, start, end)


DECLARATION = ObjectDeclaration(name="balance_sheet", report=report)
