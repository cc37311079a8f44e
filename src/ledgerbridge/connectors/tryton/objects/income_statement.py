"""The income statement: Tryton's income types for a period, computed by Tryton now (see ``mapping/report``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import report

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def report_income_statement(connector: TrytonConnector, start: dt.date | None, end: dt.date | None,
                                  ) -> RemoteRecord:
    """``start``..``end`` (default: everything up to today)."""
    end = end or dt.datetime.now(dt.UTC).date()
    ledger = await connector.ledger(report.context(start, end))
    data = report.income_statement(ledger.types, ledger.accounts, start=start, end=end, currency=ledger.currency,
                                   company=ledger.company, ref=connector.context.ref)
    return report.to_record("income_statement", data, start=start, end=end, types=ledger.types,
                            accounts=ledger.accounts)


DECLARATION = ObjectDeclaration("income_statement", report=report_income_statement)
