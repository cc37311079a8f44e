"""Financial reports (balance sheet, income and cash flow statements): fetched live, kept as records.

A report is not a row a provider lists, so the sync engine leaves it alone. ``GET /accounting/balancesheets``
(and the two others) asks the connection's connector for the report of the requested period (``start_period`` ..
``end_period``; a balance sheet is as at ``end_period``), stores it as a record keyed by the connector's remote key
(provider report + period, so asking twice for one period updates one record), then lists the stored reports.
``GET …/{id}`` serves a stored one. A provider offers a report by declaring it (an ``ObjectDeclaration`` with
``report=``); a provider that does not declare that report (Xero has no cash flow API) answers a 400 that names
the provider.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ledgerbridge.connectors.base import Connector
from ledgerbridge.errors import FieldError, NotSupported, ValidationFailed
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.remote import RemoteRecord
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import events, records
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tenancy import Connection

_TITLES = {"balance_sheet": "a balance sheet", "income_statement": "an income statement",
           "cash_flow_statement": "a cash flow statement"}


def is_report(spec: ObjectSpec) -> bool:
    return spec.report


def require(connector: Connector, object_name: str) -> Connector:
    """The connector, when it declares ``object_name`` as a report; else a 400 naming the provider."""
    if not connector.supports_report(object_name):
        raise NotSupported(f"{connector.provider} does not provide {_TITLES[object_name]} through Ledgerbridge")
    return connector


def period(object_name: str, start: dt.date | None, end: dt.date | None, *, today: dt.date
           ) -> tuple[dt.date | None, dt.date]:
    """The period asked for, defaulting to this calendar year up to today; a balance sheet only has an end."""
    end = end or today
    if object_name == "balance_sheet":
        return None, end
    start = start or end.replace(month=1, day=1)
    if start > end:
        raise ValidationFailed("The report period is empty", errors=[
            FieldError("start_period", f"{start} is after end_period {end}"),
            FieldError("end_period", f"{end} is before start_period {start}")])
    return start, end


async def refresh(runtime: Runtime, connection: Connection, spec: ObjectSpec, *, start: dt.date | None,
                  end: dt.date | None) -> RemoteRecord:
    """Fetch the report of the period from the provider and store it (an event records a new or changed one)."""
    source = require(runtime.connector(connection), spec.name)
    first, last = period(spec.name, start, end, today=dt.datetime.now(dt.UTC).date())
    try:
        fetched = await source.report(spec.name, start=first, end=last)
    except NotSupported:
        provider = connection.provider
        raise NotSupported(f"{provider} does not provide {_TITLES[spec.name]}") from None
    async with runtime.engine.begin() as db:
        stored = await records.upsert(db, Scope(connection.project_id, connection.id), [fetched],
                                      now=dt.datetime.now(dt.UTC))
        await events.record_changes(db, project_id=connection.project_id, connection_id=connection.id,
                                    upserted=stored)
    return fetched


def query_dates(params: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    return params.pop("start_period", None), params.pop("end_period", None)
