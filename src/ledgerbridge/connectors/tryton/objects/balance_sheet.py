"""The balance sheet: Tryton's account-type tree as at a day, computed by Tryton now (see ``mapping/report``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import report

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def report_balance_sheet(connector: TrytonConnector, start: dt.date | None, end: dt.date | None,
                               ) -> RemoteRecord:
    """As at ``end`` (default today): every posted move up to that day; a period's start does not apply."""
    end = end or dt.datetime.now(dt.UTC).date()
    ledger = await connector.ledger(report.context(None, end))
    data = report.balance_sheet(ledger.types, ledger.accounts, end=end, currency=ledger.currency,
                                company=ledger.company, ref=connector.context.ref)
    return report.to_record("balance_sheet", data, start=None, end=end, types=ledger.types,
                            accounts=ledger.accounts)


DECLARATION = ObjectDeclaration("balance_sheet", report=report_balance_sheet)
