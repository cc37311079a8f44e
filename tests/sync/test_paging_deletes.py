"""A first full sync misses no live record when the provider deletes and edits records while it pages (issue 15).

Read by position, a deletion at the provider moves the rows after it onto a page already read, and an edit that
moves a row to the end of the order does the same: the sync skips live records and still reports success. Each
test wraps the sandbox's transport so that, right after the first page of invoices has been answered, records of
that page are deleted (and edited) at the provider; the sync must end with every live invoice stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox
from ledgerbridge.sandbox.quickbooks import create_app as qbo_app
from ledgerbridge.store.tables import records
from ledgerbridge.sync.engine import sync_connection
from ledgerbridge.wire import loads
from tests.factories import Tenant, quickbooks_tenant


class AfterFirstPage(httpx.AsyncBaseTransport):
    """The sandbox; once the first list page that ``is_page`` recognises has been answered, ``then(rows)``
    changes the provider (the rows of that page in hand) before the sync asks for the next page."""

    def __init__(self, app: Any, is_page: Callable[[httpx.Request], bool],
                 rows_of: Callable[[Any], list[dict[str, Any]]], then: Callable[[list[dict[str, Any]]], None]) -> None:
        self.inner = httpx.ASGITransport(app=app)
        self.is_page, self.rows_of, self.then = is_page, rows_of, then
        self.armed = False
        self.fired = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if not (self.armed and not self.fired and self.is_page(request)):
            return response
        content = await response.aread()
        self.fired = True
        self.then(self.rows_of(loads(content)))
        return httpx.Response(response.status_code, headers=response.headers, content=content, request=request)


async def stored_keys(runtime: Any, tenant: Tenant, object_type: str = "invoice") -> set[str]:
    async with runtime.engine.connect() as db:
        rows = (await db.execute(select(records.c.remote_key).where(
            records.c.project_id == str(tenant.project_id), records.c.connection_id == str(tenant.connection.id),
            records.c.object_type == object_type, records.c.deleted.is_(False)))).all()
    return {r.remote_key for r in rows}


async def test_quickbooks_first_sync_misses_no_invoice_deleted_or_edited_around_while_paging(
    runtime: Any, transports: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QuickBooksConnector, "page_size", 10)
    sandbox = QuickBooksSandbox()
    realm = sandbox.create_realm()
    sandbox.seed_demo(realm)
    sandbox.seed_invoices(realm, 40)

    def change(rows: list[dict[str, Any]]) -> None:
        # Three rows of the page just read are deleted and one is edited (it moves to the end of the order):
        # read by position, the four rows after them would slide onto this page and never be read.
        unpaid = [row for row in rows if not row.get("LinkedTxn")]  # QBO refuses to delete a paid invoice
        assert len(unpaid) >= 4
        for row in unpaid[:3]:
            doc = sandbox.read(realm, "Invoice", str(row["Id"]))
            sandbox.write(realm, "Invoice", {"Id": doc["Id"], "SyncToken": doc["SyncToken"]}, operation="delete")
        doc = sandbox.read(realm, "Invoice", str(unpaid[3]["Id"]))
        sandbox.write(realm, "Invoice", {"Id": doc["Id"], "SyncToken": doc["SyncToken"], "sparse": True,
                                         "PrivateNote": "edited while the sync paged"})

    def is_invoice_page(request: httpx.Request) -> bool:
        query = request.url.params.get("query", "").lower()
        return request.url.path.endswith("/query") and query.startswith("select * from invoice ")

    transport = AfterFirstPage(create_app_for(sandbox), is_invoice_page,
                               lambda body: list((body.get("QueryResponse") or {}).get("Invoice") or []), change)
    transports["quickbooks"] = transport
    tenant = await quickbooks_tenant(runtime, sandbox, realm, sync=False)
    transport.armed = True
    await sync_connection(runtime, tenant.connection, objects=["invoice"])

    assert transport.fired
    live = {f"Invoice/{i}" for (i,) in sandbox.store.select(
        "SELECT id FROM entities WHERE realm=? AND entity='Invoice' AND deleted=0", [realm])}
    stored = {key for key in await stored_keys(runtime, tenant) if key.startswith("Invoice/")}
    assert len(live) > 40
    assert live - stored == set()  # every live invoice was stored


def create_app_for(sandbox: QuickBooksSandbox) -> Any:
    return qbo_app(sandbox)


async def test_xero_first_sync_misses_no_invoice_deleted_or_edited_while_paging(
    runtime: Any, transports: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ledgerbridge.connectors.xero.connector import XeroConnector
    from ledgerbridge.connectors.xero.spec import sandbox_credentials
    from ledgerbridge.sandbox.xero import XeroSandbox
    from ledgerbridge.sandbox.xero import create_app as xero_app
    from ledgerbridge.sandbox.xero.dates import ms_date
    from ledgerbridge.sandbox.xero.unitofwork import UnitOfWork
    from tests.factories import connected_tenant

    monkeypatch.setattr(XeroConnector, "page_size", 10)
    sandbox = XeroSandbox()
    sandbox.limiter.per_minute = sandbox.limiter.per_day = 10**9
    tenant_id = sandbox.create_tenant()
    sandbox.seed_demo(tenant_id)
    sandbox.seed_invoices(tenant_id, 40)

    def change(rows: list[dict[str, Any]]) -> None:
        # Xero keeps a deleted invoice (status DELETED) but, like an edited one, it is written again: read by
        # page number, each moves to the end and the row after it slides onto the page just read.
        work = UnitOfWork(sandbox.store, tenant_id)
        for n, row in enumerate(rows[:4]):
            invoice = sandbox.get(tenant_id, "Invoices", row["InvoiceID"])
            assert invoice is not None
            invoice["Status" if n < 3 else "Reference"] = "DELETED" if n < 3 else "edited while the sync paged"
            invoice["UpdatedDateUTC"] = ms_date(work.stamp())
            work.put("Invoices", invoice)
        work.commit()

    def is_invoice_page(request: httpx.Request) -> bool:
        return request.method == "GET" and request.url.path.endswith("/Invoices") and "page" in request.url.params

    transport = AfterFirstPage(xero_app(sandbox), is_invoice_page, lambda body: list(body.get("Invoices") or []),
                               change)
    transports["xero"] = transport
    credentials = {**sandbox_credentials(sandbox, tenant_id, "http://xero"), "rate_per_minute": 10**9}
    tenant = await connected_tenant(runtime, provider="xero", credentials=credentials, account_id=tenant_id,
                                    sync=False)
    transport.armed = True
    await sync_connection(runtime, tenant.connection, objects=["invoice"])

    assert transport.fired
    every = {str(r["InvoiceID"]) for r in sandbox.store.query(tenant_id, "Invoices")[0]}
    live = {i for i in every if sandbox.get(tenant_id, "Invoices", i)["Status"] != "DELETED"}  # type: ignore[index]
    assert len(live) >= 40
    stored = await stored_keys(runtime, tenant)
    assert live - stored == set()  # every live invoice was stored
